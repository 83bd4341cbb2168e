-- One statement per table: the seed itself must not look like a loop of inserts.
insert into owner (id, name) values (1, 'Betty'), (2, 'George'), (3, 'Eduardo'), (4, 'Harold'), (5, 'Peter');
insert into pet (id, name, owner_id) values (1, 'Leo', 1), (2, 'Basil', 2), (3, 'Rosy', 3), (4, 'Jewel', 3),
  (5, 'Iggy', 4), (6, 'George', 5), (7, 'Samantha', 5), (8, 'Max', 5);
