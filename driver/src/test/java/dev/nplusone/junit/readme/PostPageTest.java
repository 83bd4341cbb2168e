package dev.nplusone.junit.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nplusone.NPlusOne;
import dev.nplusone.StatementType;
import dev.nplusone.junit.AllowNPlusOne;
import dev.nplusone.junit.NoNPlusOne;
import dev.nplusone.junit.RecordedQueries;
import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.SeedDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The README's annotation example; README code blocks are checked against this file by ReadmeExamplesTest. */
@NoNPlusOne
class PostPageTest {
    static final SeedDatabase DATABASE = SeedDatabase.create();
    final DataSource dataSource = NPlusOne.wrap(DATABASE.raw());   // or a jdbc:nplusone: URL, or the agent

    @Test
    void renders_the_posts_page() throws Exception {
        BlogPages.doneRight(dataSource);                     // one JOIN, one IN query: passes
    }

    @Test
    @AllowNPlusOne(sql = "from blog_author a where a.id = ?", reason = "admin page: 20 authors at most")
    void renders_the_admin_page() throws Exception {
        BlogPages.authorsInLoop(dataSource);                 // 1 + 50 queries, allowed with a reason
    }

    @Test
    void renders_the_posts_page_in_two_selects(RecordedQueries queries) throws Exception {
        BlogPages.doneRight(dataSource);
        assertEquals(2, queries.count(StatementType.SELECT));
    }
}
