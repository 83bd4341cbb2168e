package dev.nplusone.junit.readme;

import static dev.nplusone.junit.NPlusOneAssertions.assertNoNPlusOne;
import static dev.nplusone.junit.NPlusOneAssertions.assertQueryCountDoesNotScale;
import static dev.nplusone.junit.NPlusOneAssertions.assertSelectCount;
import static dev.nplusone.junit.examples.ExampleData.blogWithPosts;

import dev.nplusone.NPlusOne;
import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.SeedDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The README's assertion examples; README code blocks are checked against this file by ReadmeExamplesTest. */
class PostPageQueriesTest {
    static final DataSource DATA_SOURCE = NPlusOne.wrap(SeedDatabase.create().raw());

    @Test
    void renders_the_posts_page_in_two_selects() {
        assertNoNPlusOne(() -> BlogPages.doneRight(DATA_SOURCE));
        assertSelectCount(2, () -> BlogPages.doneRight(DATA_SOURCE));
    }

    @Test
    void renders_5_posts_with_as_many_statements_as_50() {
        // blogWithPosts(size): a watched DataSource over `size` posts, created before the counting starts
        assertQueryCountDoesNotScale(size -> blogWithPosts(size), BlogPages::doneRight, 5, 50);
    }
}
