package dev.nplusone.examples;

import static dev.nplusone.Finding.Strategy.BATCH_IN;
import static dev.nplusone.Finding.Strategy.JOIN;
import static dev.nplusone.examples.DemoCase.expect;
import static dev.nplusone.examples.DemoCase.fix;
import static dev.nplusone.examples.DemoCase.version;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.NPlusOne;
import dev.nplusone.examples.DemoCase.Side;
import dev.nplusone.examples.jdbc.FixedBlogPages;
import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.SeedDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo fails (exit status 1) when a report it expects is missing or a cure is not clean. */
class DemoTest {
    static DataSource dataSource;

    @BeforeAll
    static void createDatabase() {
        dataSource = NPlusOne.wrap(SeedDatabase.create().raw());
    }

    static List<String> problemsOf(Side side) throws Exception {
        Demo demo = new Demo(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        demo.runCase(1, new DemoCase("authors", "seed 1", side, null));
        return demo.problems();
    }

    @Test
    void finds_no_problem_when_every_report_is_as_expected() throws Exception {
        List<String> problems = problemsOf(new Side("plain JDBC",
                version("BlogPages.authorsInLoop", 51, () -> BlogPages.authorsInLoop(dataSource)),
                List.of(expect("blog_author", JOIN, 50, 20)),
                List.of(fix("JOIN", "FixedBlogPages.authorsWithJoin", 1, () -> FixedBlogPages.authorsWithJoin(dataSource)))));

        assertEquals(List.of(), problems);
    }

    @Test
    void reports_a_problem_when_an_expected_finding_is_missing() throws Exception {
        List<String> problems = problemsOf(new Side("plain JDBC",
                version("FixedBlogPages.authorsWithJoin", 1, () -> FixedBlogPages.authorsWithJoin(dataSource)),
                List.of(expect("blog_author", JOIN, 50, 20)), List.of()));

        assertTrue(problems.stream().anyMatch(p -> p.contains("missing N+1 on blog_author")), problems::toString);
    }

    @Test
    void reports_a_problem_when_the_suggested_strategy_differs() throws Exception {
        List<String> problems = problemsOf(new Side("plain JDBC",
                version("BlogPages.authorsInLoop", 51, () -> BlogPages.authorsInLoop(dataSource)),
                List.of(expect("blog_author", BATCH_IN, 50, 20)), List.of()));

        assertTrue(problems.stream().anyMatch(p -> p.contains("missing N+1 on blog_author (50 executions, 20 keys)"
                + " -> BATCH_IN")), problems::toString);
    }

    @Test
    void reports_a_problem_when_a_cure_still_reports_or_changes_the_page() throws Exception {
        List<String> problems = problemsOf(new Side("plain JDBC",
                version("BlogPages.authorsInLoop", 51, () -> BlogPages.authorsInLoop(dataSource)),
                List.of(expect("blog_author", JOIN, 50, 20)),
                List.of(fix("JOIN", "BlogPages.authorsAndTagsInLoop", 101,
                        () -> BlogPages.authorsAndTagsInLoop(dataSource)))));

        assertTrue(problems.stream().anyMatch(p -> p.contains("still reports")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("different page")), problems::toString);
    }
}
