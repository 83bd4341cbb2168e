package dev.nplusone.apps.suites;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nplusone.junit.AllowNPlusOne;
import dev.nplusone.junit.NoNPlusOne;
import dev.nplusone.junit.RecordedQueries;
import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.SeedDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A project's tests under its own {@code @NoNPlusOne}, relying on the agent to watch its unwrapped DataSource. */
@NoNPlusOne
public class GuardedSuite {
    static SeedDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = SeedDatabase.create();
    }

    @Test
    @AllowNPlusOne(sql = "from blog_author a where a.id = ?", reason = "the sample's loop, allowed to see who reports it")
    void renders_the_posts_page(RecordedQueries queries) throws Exception {
        BlogPages.authorsInLoop(database.raw());

        assertEquals(1, queries.findings().size(), () -> "the extension's scope saw the loop: " + queries);
    }
}
