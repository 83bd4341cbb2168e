package dev.nplusone.apps.suites;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.SeedDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A project's JUnit Jupiter tests that know nothing about nplusone: plain JDBC, a fixture that loops, a loop
 * in main code, one in the test method itself and one in a test helper, a parameterized test, a clean test.
 */
public class ShopSuite {
    static SeedDatabase database;
    final List<String> featuredAuthors = new ArrayList<>();

    @BeforeAll
    static void createDatabase() {
        database = SeedDatabase.create();
    }

    @BeforeEach
    void loadFeaturedAuthors() throws Exception {
        try (Connection connection = database.raw().getConnection()) {
            for (int id = 1; id <= 4; id++) {
                featuredAuthors.add(AuthorLookups.name(connection, id));
            }
        }
    }

    @Test
    void renders_the_posts_page() throws Exception {
        BlogPages.authorsInLoop(database.raw());
    }

    @Test
    void reads_each_author_in_the_test() throws Exception {
        try (Connection connection = database.raw().getConnection();
             PreparedStatement statement = connection.prepareStatement(BlogPages.AUTHOR_SQL)) {
            for (int id = 1; id <= 5; id++) {
                statement.setInt(1, id);
                try (ResultSet rows = statement.executeQuery()) { // site:reads_each_author_in_the_test
                    assertTrue(rows.next());
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void looks_up_authors(int authors) throws Exception {
        try (Connection connection = database.raw().getConnection()) {
            for (int id = 1; id <= authors; id++) {
                AuthorLookups.name(connection, id);
            }
        }
    }

    @Test
    void renders_the_posts_page_done_right() throws Exception {
        BlogPages.doneRight(database.raw());
    }
}
