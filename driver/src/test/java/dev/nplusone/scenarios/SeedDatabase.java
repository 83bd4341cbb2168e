package dev.nplusone.scenarios;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The two seed articles' schemas on a fresh in-memory H2 database, with data whose figures the tests pin:
 * <ul>
 *   <li>blog: 20 authors, 50 posts (author of post p: {@code (p * 7) % 20 + 1}, so every author has 2 or 3
 *       posts), 8 tags, 3 to 5 tags per post ({@code 3 + p % 3}) through blog_post_tags.</li>
 *   <li>company: 3 countries, 6 cities (country of city c: {@code (c - 1) % 3 + 1}), 4 departments,
 *       30 employees (city {@code (e - 1) % 6 + 1}, department {@code (e - 1) % 4 + 1}).</li>
 * </ul>
 * H2 in memory by default; {@code -Dnplusone.test.database=postgresql} or {@code mariadb} puts the same
 * schema, in a schema (or database) of its own that {@link #close()} drops, on a real server whose settings
 * come from the environment (see {@link Vendor}).
 */
public final class SeedDatabase implements AutoCloseable {
    /** The database products the scenarios run on, with connection settings from the environment. */
    public enum Vendor {
        H2(null, null, null),
        POSTGRESQL("NPLUSONE_POSTGRESQL_URL", "jdbc:postgresql://127.0.0.1:5432/test", "postgres"),
        MARIADB("NPLUSONE_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test", "root");

        private final String urlVariable;
        private final String defaultUrl;
        private final String defaultUser;

        Vendor(String urlVariable, String defaultUrl, String defaultUser) {
            this.urlVariable = urlVariable;
            this.defaultUrl = defaultUrl;
            this.defaultUser = defaultUser;
        }

        /** The vendor the test run targets: {@code -Dnplusone.test.database}, H2 when unset. */
        public static Vendor current() {
            return valueOf(System.getProperty("nplusone.test.database", "h2").toUpperCase(Locale.ROOT));
        }

        String adminUrl() {
            return env(urlVariable, defaultUrl);
        }

        String user() {
            return this == H2 ? "sa" : env("NPLUSONE_" + name() + "_USER", defaultUser);
        }

        String password() {
            return this == H2 ? "" : env("NPLUSONE_" + name() + "_PASSWORD", "");
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isEmpty() ? fallback : value;
        }
    }

    public static final int AUTHORS = 20;
    public static final int POSTS = 50;
    public static final int TAGS = 8;
    public static final int COUNTRIES = 3;
    public static final int CITIES = 6;
    public static final int DEPARTMENTS = 4;
    public static final int EMPLOYEES = 30;

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final Vendor vendor;
    private final String name;
    private final int posts;
    private final UrlDataSource raw;

    private SeedDatabase(Vendor vendor, String name, int posts) {
        this.vendor = vendor;
        this.name = name;
        this.posts = posts;
        this.raw = new UrlDataSource(url(), vendor.user(), vendor.password());
    }

    /** A new database with both schemas and their data, on the vendor this run targets. */
    public static SeedDatabase create() {
        return create(Vendor.current(), POSTS);
    }

    /**
     * As {@link #create()} with {@code posts} posts instead of {@value #POSTS}, written by the same
     * {@link #AUTHORS} authors, tagged the same way (the seed's benchmark uses 500).
     */
    public static SeedDatabase create(int posts) {
        return create(Vendor.current(), posts);
    }

    public static SeedDatabase create(Vendor vendor) {
        return create(vendor, POSTS);
    }

    /** As {@link #create(int)}, on {@code vendor} rather than the one this run targets. */
    public static SeedDatabase create(Vendor vendor, int posts) {
        SeedDatabase database = new SeedDatabase(vendor, "seed_" + ProcessHandle.current().pid() + "_"
                + NAMES.incrementAndGet(), posts);
        database.administer("create");
        database.populate();
        return database;
    }

    public Vendor vendor() {
        return vendor;
    }

    /** How many posts the blog has. */
    public int posts() {
        return posts;
    }

    /** The real URL, without the jdbc:nplusone: prefix. */
    public String url() {
        switch (vendor) {
            case POSTGRESQL:
                return vendor.adminUrl() + (vendor.adminUrl().contains("?") ? "&" : "?") + "currentSchema=" + name;
            case MARIADB:
                return vendor.adminUrl().replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
            default:
                return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
        }
    }

    public String user() {
        return vendor.user();
    }

    public String password() {
        return vendor.password();
    }

    /** The unwatched DataSource. */
    public DataSource raw() {
        return raw;
    }

    /** Drops the schema (PostgreSQL), the database (MariaDB) or the in-memory database (H2). */
    @Override
    public void close() {
        administer("drop");
    }

    private void administer(String action) {
        String sql;
        switch (vendor) {
            case POSTGRESQL:
                sql = action.equals("create") ? "create schema " + name : "drop schema if exists " + name + " cascade";
                break;
            case MARIADB:
                sql = action.equals("create") ? "create database " + name : "drop database if exists " + name;
                break;
            default:
                sql = action.equals("create") ? null : "drop all objects";
        }
        if (sql == null) {
            return;
        }
        String url = vendor == Vendor.H2 ? url() : vendor.adminUrl();
        try (Connection connection = DriverManager.getConnection(url, vendor.user(), vendor.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not " + action + " " + name + " on " + vendor, e);
        }
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
                statement.addBatch("insert into blog_author values (" + a + ", 'Author " + a + "', 'a" + a + "@example.com')");
            }
            String[] tags = {"python", "java", "sql", "django", "orm", "jdbc", "h2", "performance"};
            for (int t = 1; t <= TAGS; t++) {
                statement.addBatch("insert into blog_tag values (" + t + ", '" + tags[t - 1] + "')");
            }
            for (int p = 1; p <= posts; p++) {
                statement.addBatch("insert into blog_post values (" + p + ", 'Post " + p + "', 'Content of post " + p
                        + "', " + authorOf(p) + ", timestamp '" + String.format("2026-01-%02d %02d:00:00", 1 + p / 24, p % 24) + "')");
                for (int k = 0; k < tagCountOf(p); k++) {
                    statement.addBatch("insert into blog_post_tags values (" + p + ", " + ((p + k * 3) % TAGS + 1) + ")");
                }
            }
            String[] countries = {"Spain", "Japan", "Canada"};
            for (int c = 1; c <= COUNTRIES; c++) {
                statement.addBatch("insert into country values (" + c + ", '" + countries[c - 1] + "')");
            }
            for (int c = 1; c <= CITIES; c++) {
                statement.addBatch("insert into city values (" + c + ", 'City " + c + "', " + ((c - 1) % COUNTRIES + 1) + ")");
            }
            for (int d = 1; d <= DEPARTMENTS; d++) {
                statement.addBatch("insert into department values (" + d + ", 'Department " + d + "')");
            }
            for (int e = 1; e <= EMPLOYEES; e++) {
                statement.addBatch("insert into employee values (" + e + ", 'Employee " + e + "', " + ((e - 1) % CITIES + 1)
                        + ", " + ((e - 1) % DEPARTMENTS + 1) + ")");
            }
            statement.executeBatch(); // one batch, not a write loop in the scope of the connection that fills it
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the seed database", e);
        }
    }
}
