package dev.nplusone.junit.examples;

import dev.nplusone.NPlusOne;
import dev.nplusone.scenarios.SeedDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** The seed database the examples read, created once per JVM, and blogs of a chosen size. */
public final class ExampleData {
    private static final SeedDatabase SEED = SeedDatabase.create();

    private ExampleData() {
    }

    public static SeedDatabase seed() {
        return SEED;
    }

    /** The seed database through {@code NPlusOne.wrap}. */
    public static DataSource watched() {
        return NPlusOne.wrap(SEED.raw());
    }

    /** A new seed database keeping only its first {@code posts} posts, watched; made without being watched. */
    public static DataSource blogWithPosts(int posts) throws SQLException {
        SeedDatabase database = SeedDatabase.create();
        try (Connection connection = database.raw().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("delete from blog_post_tags where post_id > " + posts);
            statement.execute("delete from blog_post where id > " + posts);
        }
        return NPlusOne.wrap(database.raw());
    }
}
