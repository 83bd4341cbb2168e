-- One INSERT per row, as seed scripts are written: Spring's script runner runs them, and that is no write loop.
insert into owner (id, name) values (1, 'Betty');
insert into owner (id, name) values (2, 'George');
insert into owner (id, name) values (3, 'Eduardo');
insert into owner (id, name) values (4, 'Harold');
insert into owner (id, name) values (5, 'Peter');
insert into pet (id, name, owner_id) values (1, 'Leo', 1);
insert into pet (id, name, owner_id) values (2, 'Basil', 2);
insert into pet (id, name, owner_id) values (3, 'Rosy', 3);
insert into pet (id, name, owner_id) values (4, 'Jewel', 3);
insert into pet (id, name, owner_id) values (5, 'Iggy', 4);
insert into pet (id, name, owner_id) values (6, 'George', 5);
insert into pet (id, name, owner_id) values (7, 'Samantha', 5);
insert into pet (id, name, owner_id) values (8, 'Max', 5);
