package dev.nplusone.scenarios;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The two seed articles' schemas on a fresh in-memory H2 database, with data whose figures the tests pin:
 * <ul>
 *   <li>blog: 20 authors, 50 posts (author of post p: {@code (p * 7) % 20 + 1}, so every author has 2 or 3
 *       posts), 8 tags, 3 to 5 tags per post ({@code 3 + p % 3}) through blog_post_tags.</li>
 *   <li>company: 3 countries, 6 cities (country of city c: {@code (c - 1) % 3 + 1}), 4 departments,
 *       30 employees (city {@code (e - 1) % 6 + 1}, department {@code (e - 1) % 4 + 1}).</li>
 * </ul>
 */
public final class SeedDatabase {
    public static final int AUTHORS = 20;
    public static final int POSTS = 50;
    public static final int TAGS = 8;
    public static final int COUNTRIES = 3;
    public static final int CITIES = 6;
    public static final int DEPARTMENTS = 4;
    public static final int EMPLOYEES = 30;

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final String name;
    private final int posts;
    private final JdbcDataSource raw;

    private SeedDatabase(String name, int posts) {
        this.name = name;
        this.posts = posts;
        this.raw = new JdbcDataSource();
        raw.setURL(url());
        raw.setUser("sa");
    }

    /** A new database with both schemas and their data. */
    public static SeedDatabase create() {
        return create(POSTS);
    }

    /**
     * As {@link #create()} with {@code posts} posts instead of {@value #POSTS}, written by the same
     * {@link #AUTHORS} authors, tagged the same way (the seed's benchmark uses 500).
     */
    public static SeedDatabase create(int posts) {
        SeedDatabase database = new SeedDatabase("seed" + NAMES.incrementAndGet(), posts);
        database.populate();
        return database;
    }

    /** How many posts the blog has. */
    public int posts() {
        return posts;
    }

    /** The H2 URL, without the jdbc:nplusone: prefix. Kept alive until the JVM exits. */
    public String url() {
        return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    }

    /** The unwatched DataSource. */
    public DataSource raw() {
        return raw;
    }

    public static int authorOf(int post) {
        return (post * 7) % AUTHORS + 1;
    }

    public static int tagCountOf(int post) {
        return 3 + post % 3;
    }

    private void populate() {
        try (Connection connection = raw.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table blog_author (id int primary key, name varchar(100), email varchar(100))");
            statement.execute("create table blog_post (id int primary key, title varchar(200), content varchar(1000),"
                    + " author_id int not null references blog_author(id), created_at timestamp)");
            statement.execute("create table blog_tag (id int primary key, name varchar(50))");
            statement.execute("create table blog_post_tags (post_id int references blog_post(id),"
                    + " tag_id int references blog_tag(id), primary key (post_id, tag_id))");
            statement.execute("create table country (id int primary key, name varchar(100))");
            statement.execute("create table city (id int primary key, name varchar(100),"
                    + " country_id int not null references country(id))");
            statement.execute("create table department (id int primary key, name varchar(100))");
            statement.execute("create table employee (id int primary key, name varchar(100),"
                    + " city_id int references city(id), department_id int references department(id))");
            for (int a = 1; a <= AUTHORS; a++) {
                statement.execute("insert into blog_author values (" + a + ", 'Author " + a + "', 'a" + a + "@example.com')");
            }
            String[] tags = {"python", "java", "sql", "django", "orm", "jdbc", "h2", "performance"};
            for (int t = 1; t <= TAGS; t++) {
                statement.execute("insert into blog_tag values (" + t + ", '" + tags[t - 1] + "')");
            }
            for (int p = 1; p <= posts; p++) {
                statement.execute("insert into blog_post values (" + p + ", 'Post " + p + "', 'Content of post " + p
                        + "', " + authorOf(p) + ", timestamp '2026-01-01 00:00:00' + " + p + " * interval '1' hour)");
                for (int k = 0; k < tagCountOf(p); k++) {
                    statement.execute("insert into blog_post_tags values (" + p + ", " + ((p + k * 3) % TAGS + 1) + ")");
                }
            }
            String[] countries = {"Spain", "Japan", "Canada"};
            for (int c = 1; c <= COUNTRIES; c++) {
                statement.execute("insert into country values (" + c + ", '" + countries[c - 1] + "')");
            }
            for (int c = 1; c <= CITIES; c++) {
                statement.execute("insert into city values (" + c + ", 'City " + c + "', " + ((c - 1) % COUNTRIES + 1) + ")");
            }
            for (int d = 1; d <= DEPARTMENTS; d++) {
                statement.execute("insert into department values (" + d + ", 'Department " + d + "')");
            }
            for (int e = 1; e <= EMPLOYEES; e++) {
                statement.execute("insert into employee values (" + e + ", 'Employee " + e + "', " + ((e - 1) % CITIES + 1)
                        + ", " + ((e - 1) % DEPARTMENTS + 1) + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the seed database", e);
        }
    }
}
