package dev.nplusone.junit;

import static dev.nplusone.junit.NPlusOneAssertions.assertDeleteCount;
import static dev.nplusone.junit.NPlusOneAssertions.assertInsertCount;
import static dev.nplusone.junit.NPlusOneAssertions.assertNoNPlusOne;
import static dev.nplusone.junit.NPlusOneAssertions.assertQueryCountDoesNotScale;
import static dev.nplusone.junit.NPlusOneAssertions.assertSelectCount;
import static dev.nplusone.junit.NPlusOneAssertions.assertUpdateCount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.NPlusOne;
import dev.nplusone.ScopeReport;
import dev.nplusone.junit.examples.ExampleData;
import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.SeedDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class NPlusOneAssertionsTest {
    private static final String NOTHING_RECORDED = "No statement was recorded at all: watch the DataSource the code"
            + " uses with NPlusOne.wrap(dataSource), a jdbc:nplusone: URL (jdbc:nplusone:h2:mem:test for"
            + " jdbc:h2:mem:test), the agent (-javaagent:nplusone-agent.jar) or the Spring Boot starter"
            + " (nplusone-spring-boot-starter), and run its statements on the thread of the assertion.";

    static final DataSource DATA_SOURCE = ExampleData.watched();

    @Test
    void assert_no_n_plus_one_passes_the_page_done_right_and_returns_its_report() {
        ScopeReport report = assertNoNPlusOne(() -> BlogPages.doneRight(DATA_SOURCE));

        assertEquals(2, report.statements());
    }

    @Test
    void assert_no_n_plus_one_fails_with_the_finding_and_its_evidence() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> assertNoNPlusOne(() -> BlogPages.authorsInLoop(DATA_SOURCE)));

        String message = error.getMessage();
        assertTrue(message.startsWith("Expecting no N+1 queries, but 1 was found:\n"
                + "  N+1 QUERY [CONFIRMED] 50 executions, 20 distinct keys, <=1 row each, "), message);
        assertTrue(message.contains("(scope: assertNoNPlusOne)\n    loop at : "), message);
        assertTrue(message.contains("    repeated: " + NoNPlusOneTest.AUTHOR_SHAPE + "\n"), message);
        assertTrue(message.endsWith("\n51 statements in scope 'assertNoNPlusOne'; a finding is a lookup by key run at"
                + " least 3 times from one call site."), message);
    }

    @Test
    void assert_select_count_passes_on_the_exact_count() {
        assertSelectCount(2, () -> BlogPages.doneRight(DATA_SOURCE));
    }

    @Test
    void assert_select_count_fails_with_the_count_per_shape_and_the_n_plus_one_behind_it() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> assertSelectCount(2, () -> BlogPages.authorsInLoop(DATA_SOURCE)));

        assertEquals(2, error.getExpected().getValue());
        assertEquals(51, error.getActual().getValue());
        String message = error.getMessage();
        assertTrue(message.startsWith("Expecting 2 SELECT statements, but 51 were run:\n"
                + "    1 x " + BlogPages.POSTS_SQL + "\n"
                + "   50 x " + NoNPlusOneTest.AUTHOR_SHAPE + "\n"
                + "and 1 N+1 query was found:\n"
                + "  N+1 QUERY [CONFIRMED] 50 executions, 20 distinct keys"), message);
    }

    @Test
    void assert_select_count_says_when_nothing_was_recorded_at_all() {
        SeedDatabase unwatched = ExampleData.seed();

        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> assertSelectCount(1, () -> BlogPages.doneRight(unwatched.raw())));

        assertEquals("Expecting 1 SELECT statement, but 0 were run\n" + NOTHING_RECORDED, error.getMessage());
    }

    @Test
    void assert_no_n_plus_one_fails_on_code_that_ran_no_watched_statement_and_says_why() {
        SeedDatabase unwatched = ExampleData.seed();

        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> assertNoNPlusOne(() -> BlogPages.authorsInLoop(unwatched.raw())));

        assertEquals("Expecting the code to run SQL statements nplusone watches, to check them for N+1 queries, but it"
                + " saw none in scope 'assertNoNPlusOne'.\n" + NOTHING_RECORDED, error.getMessage());
    }

    @Test
    void counts_inserts_updates_and_deletes() throws SQLException {
        DataSource dataSource = NPlusOne.wrap(SeedDatabase.create().raw());

        assertInsertCount(3, () -> addTags(dataSource, 101, 102, 103));
        assertUpdateCount(1, () -> execute(dataSource, "update blog_tag set name = upper(name) where id > 100"));
        assertDeleteCount(2, () -> {
            execute(dataSource, "delete from blog_tag where id = 101");
            execute(dataSource, "delete from blog_tag where id = 102");
        });
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> assertInsertCount(1, () -> addTags(dataSource, 104, 105)));
        assertTrue(error.getMessage().startsWith("Expecting 1 INSERT statement, but 2 were run:\n"
                + "    2 x insert into blog_tag"), error.getMessage());
        assertEquals(1, error.getMessage().lines().count() - 1, error.getMessage());
    }

    @Test
    void fails_with_a_checked_exception_of_the_code_as_cause_and_passes_unchecked_ones_through() {
        SQLException broken = new SQLException("no such table");
        IllegalStateException unchecked = new IllegalStateException("bug");

        AssertionFailedError error = assertThrows(AssertionFailedError.class, () -> assertNoNPlusOne(() -> {
            throw broken;
        }));
        assertEquals("Expecting the code under test to complete, but it threw java.sql.SQLException: no such table",
                error.getMessage());
        assertSame(broken, error.getCause());
        assertSame(unchecked, assertThrows(IllegalStateException.class, () -> assertSelectCount(0, () -> {
            throw unchecked;
        })));
    }

    @Test
    void scaling_assertion_names_the_shape_that_grows_with_the_data_even_below_the_threshold() {
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                () -> assertQueryCountDoesNotScale(ExampleData::blogWithPosts, BlogPages::authorsInLoop, 2, 10));

        String message = error.getMessage();
        assertTrue(message.startsWith("Expecting the number of statements not to grow with the data, but 1 shape did"
                + " (executions at size 2 -> at size 10):\n"
                + "     2 -> 10   " + NoNPlusOneTest.AUTHOR_SHAPE + "\n"
                + "At size 10, 1 N+1 query was found:\n"
                + "  N+1 QUERY [CONFIRMED] 10 executions, "), message);
    }

    @Test
    void scaling_assertion_passes_the_join_and_in_version_and_returns_the_larger_run() {
        ScopeReport largeRun = assertQueryCountDoesNotScale(ExampleData::blogWithPosts, BlogPages::doneRight, 2, 10);

        assertEquals(2, largeRun.statements());
        assertEquals("assertQueryCountDoesNotScale at size 10", largeRun.name());
    }

    @Test
    void scaling_assertion_without_a_fixture_counts_everything_the_code_runs() {
        assertQueryCountDoesNotScale(size -> BlogPages.doneRight(ExampleData.blogWithPosts(size)), 3, 30);

        AssertionFailedError error = assertThrows(AssertionFailedError.class, () -> assertQueryCountDoesNotScale(
                size -> BlogPages.tagsInLoop(ExampleData.blogWithPosts(size)), 3, 30));
        assertTrue(error.getMessage().contains("\n     3 -> 30   " + NoNPlusOneTest.TAGS_SHAPE + "\n"),
                error.getMessage());
    }

    @Test
    void scaling_assertion_rejects_sizes_that_do_not_grow() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> assertQueryCountDoesNotScale(size -> { }, 10, 10));

        assertEquals("sizes must satisfy 0 <= small < large, were 10 and 10", error.getMessage());
    }

    @Test
    void an_assertion_inside_a_scope_keeps_its_statements_to_itself() throws Exception {
        dev.nplusone.Scope outer = NPlusOne.scope("outer");
        try (outer) {
            BlogPages.doneRight(DATA_SOURCE);
            assertSelectCount(51, () -> BlogPages.authorsInLoop(DATA_SOURCE));
        }

        assertEquals(2, outer.report().statements());
        assertFalse(outer.report().findings().iterator().hasNext());
    }

    private static void addTags(DataSource dataSource, int... ids) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into blog_tag (id, name) values (?, ?)")) {
            for (int id : ids) {
                insert.setInt(1, id);
                insert.setString(2, "tag " + id);
                insert.executeUpdate();
            }
        }
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
