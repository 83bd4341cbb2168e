package dev.nplusone.apps.suites;

import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.SeedDatabase;
import java.sql.Connection;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

/** A project's JUnit 4 tests, run through the Vintage engine, that know nothing about nplusone. */
public class LegacySuite {
    private static SeedDatabase database;

    @BeforeClass
    public static void createDatabase() {
        database = SeedDatabase.create();
    }

    @Before
    public void warmUpAuthors() throws Exception {
        try (Connection connection = database.raw().getConnection()) {
            for (int id = 1; id <= 3; id++) {
                AuthorLookups.name(connection, id);
            }
        }
    }

    @Test
    public void renders_the_tags_page() throws Exception {
        BlogPages.tagsInLoop(database.raw());
    }
}
