package dev.nplusone.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.junit.examples.AnnotationExamples;
import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.CallSites;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.opentest4j.AssertionFailedError;

/** {@link NoNPlusOne} and {@link AllowNPlusOne} on the example classes, run through EngineTestKit. */
class NoNPlusOneTest {
    private static final String CHECKED_NOTHING = "nplusone: %s of %s ran, and no SQL statement was seen in %s:"
            + " nothing was checked. To check them, watch the DataSource the code uses with NPlusOne.wrap(dataSource),"
            + " a jdbc:nplusone: URL (jdbc:nplusone:h2:mem:test for jdbc:h2:mem:test), the agent"
            + " (-javaagent:nplusone-agent.jar) or the Spring Boot starter (nplusone-spring-boot-starter), and run its"
            + " statements on the test's thread.";

    static final String AUTHOR_SHAPE = "select a.id, a.name from blog_author a where a.id = ?";
    static final String TAGS_SHAPE = "select t.id, t.name from blog_tag t join blog_post_tags pt on pt.tag_id = t.id"
            + " where pt.post_id = ? order by t.id";
    static final String EMPLOYEES_SHAPE = "select e.id, e.name, e.city_id, e.department_id from employee e"
            + " where e.department_id = ? order by e.id";

    @Test
    void fails_the_test_with_the_finding_its_evidence_and_how_to_allow_it() {
        ExampleRuns runs = ExampleRuns.run(AnnotationExamples.PostsPage.class);

        Throwable failure = runs.failure("authors_in_a_loop");
        assertInstanceOf(AssertionFailedError.class, failure);
        String message = failure.getMessage();
        assertTrue(message.startsWith("Expecting no N+1 queries, but 1 was found:\n"
                + "  N+1 QUERY [CONFIRMED] 50 executions, 20 distinct keys, <=1 row each, "), message);
        assertTrue(message.contains("   (scope: PostsPage.authors_in_a_loop)\n"
                + "    loop at : " + CallSites.of(BlogPages.class, "author") + "\n"
                + "    parent  : select p.id, p.title, p.author_id from blog_post p order by p.id   -> 50 rows,"
                + " column author_id\n"
                + "    repeated: " + AUTHOR_SHAPE + "\n"), message);
        assertTrue(message.endsWith("\n51 statements in scope 'PostsPage.authors_in_a_loop'; a finding is a lookup by"
                + " key run at least 3 times from one call site.\n"
                + "If the loop is intended, say why on the test: @AllowNPlusOne(sql = \"" + AUTHOR_SHAPE
                + "\", reason = \"...\")"), message);
    }

    @Test
    void reports_every_n_plus_one_of_the_test_in_one_failure() {
        ExampleRuns runs = ExampleRuns.run(AnnotationExamples.PostsPage.class);

        String message = runs.failureMessage("authors_and_tags_in_loops");
        assertTrue(message.startsWith("Expecting no N+1 queries, but 2 were found:\n"), message);
        assertTrue(message.contains("    repeated: " + AUTHOR_SHAPE + "\n"), message);
        assertTrue(message.contains("    repeated: " + TAGS_SHAPE + "\n"), message);
        assertTrue(message.contains("\n101 statements in scope 'PostsPage.authors_and_tags_in_loops'"), message);
    }

    @Test
    void passes_the_page_done_with_a_join_and_one_in_query() {
        ExampleRuns.run(AnnotationExamples.PostsPage.class).assertPassed("done_right");
    }

    @Test
    void passes_a_duplicate_lookup_which_is_not_an_n_plus_one() {
        ExampleRuns.run(AnnotationExamples.PostsPage.class).assertPassed("same_author_again_and_again");
    }

    @Test
    void keeps_the_tests_own_failure_and_attaches_the_finding_to_it() {
        Throwable failure = ExampleRuns.run(AnnotationExamples.PostsPage.class).failure("fails_on_its_own_and_has_a_loop");

        assertInstanceOf(IllegalStateException.class, failure);
        assertEquals("the page broke", failure.getMessage());
        assertEquals(1, failure.getSuppressed().length);
        assertTrue(failure.getSuppressed()[0].getMessage().startsWith("Expecting no N+1 queries, but 1 was found:"));
    }

    @Test
    void does_not_blame_the_test_for_statements_of_its_before_each_fixture() {
        ExampleRuns.run(AnnotationExamples.LoopInFixture.class).assertPassed("done_right");
    }

    @Test
    void uses_the_threshold_of_the_nearest_annotation_that_sets_one() {
        ExampleRuns runs = ExampleRuns.run(AnnotationExamples.ThresholdOnAnnotation.class);

        runs.assertPassed("four_lookups_under_the_class_threshold");
        runs.assertPassed("four_lookups_under_the_enclosing_threshold");
        String message = runs.failureMessage("four_lookups_at_the_method_threshold");
        assertTrue(message.startsWith("Expecting no N+1 queries, but 1 was found:\n"
                + "  N+1 QUERY [CONFIRMED] 4 executions, 4 distinct keys, up to 8 rows each, "), message);
        assertTrue(message.contains("    repeated: " + EMPLOYEES_SHAPE + "\n"), message);
        assertTrue(message.contains("; a finding is a lookup by key run at least 4 times from one call site."), message);
    }

    @Test
    void rejects_a_threshold_below_two_on_the_annotation() {
        Throwable failure = ExampleRuns.run(AnnotationExamples.ThresholdOnAnnotation.class).failure("threshold_of_one");

        assertInstanceOf(ExtensionConfigurationException.class, failure);
        assertEquals("@NoNPlusOne(threshold = 1) on ThresholdOnAnnotation.threshold_of_one(): the threshold is 0"
                + " (the configured one) or at least 2", failure.getMessage());
    }

    @Test
    void takes_the_threshold_from_the_junit_configuration_parameter() {
        Class<?> example = AnnotationExamples.ThresholdFromConfiguration.class;

        ExampleRuns.run(example, "nplusone.threshold", "5").assertPassed("four_lookups");
        assertTrue(ExampleRuns.run(example, "nplusone.threshold", "4").failureMessage("four_lookups")
                .contains("a finding is a lookup by key run at least 4 times"));
        assertTrue(ExampleRuns.run(example).failureMessage("four_lookups")
                .contains("a finding is a lookup by key run at least 3 times"));
    }

    @Test
    void ignores_a_bad_threshold_parameter_and_uses_the_configured_one() {
        String message = ExampleRuns.run(AnnotationExamples.ThresholdFromConfiguration.class, "nplusone.threshold", "many")
                .failureMessage("four_lookups");

        assertTrue(message.contains("a finding is a lookup by key run at least 3 times"), message);
    }

    @Test
    void allows_a_finding_matched_by_sql_by_call_site_or_by_regular_expression() {
        ExampleRuns runs = ExampleRuns.run(AnnotationExamples.Allowed.class);

        runs.assertPassed("authors_allowed_by_sql");
        runs.assertPassed("tags_allowed_by_call_site");
        runs.assertPassed("authors_allowed_by_regex");
    }

    @Test
    void fails_on_the_findings_an_allow_does_not_match_and_counts_the_allowed_ones() {
        String message = ExampleRuns.run(AnnotationExamples.Allowed.class).failureMessage("tags_loop_not_allowed");

        assertTrue(message.startsWith("Expecting no N+1 queries, but 1 was found (and 1 allowed by @AllowNPlusOne):\n"),
                message);
        assertTrue(message.contains("    repeated: " + TAGS_SHAPE + "\n"), message);
        assertFalse(message.contains(AUTHOR_SHAPE), message);
    }

    @Test
    void fails_on_a_stale_allow_on_the_test_method_and_shows_what_was_found() {
        ExampleRuns runs = ExampleRuns.run(AnnotationExamples.Allowed.class);

        assertEquals("Expecting every @AllowNPlusOne to match an N+1 finding, but 1 matched nothing (remove it, or"
                + " correct its pattern):\n"
                + "  @AllowNPlusOne(sql = \"from country\", reason = \"the country loop was removed long ago\") on"
                + " Allowed.stale_allow()\n"
                + "N+1 findings in scope 'Allowed.stale_allow': none", runs.failureMessage("stale_allow"));
        String both = runs.failureMessage("sql_matches_but_call_site_does_not");
        assertTrue(both.startsWith("Expecting no N+1 queries, but 1 was found:\n"), both);
        assertTrue(both.contains("\n\nExpecting every @AllowNPlusOne to match an N+1 finding, but 1 matched nothing"
                + " (remove it, or correct its pattern):\n"
                + "  @AllowNPlusOne(sql = \"from blog_author\", callSite = \"CompanyPages\", reason = \"both must match\")"
                + " on Allowed.sql_matches_but_call_site_does_not()\n"
                + "N+1 findings in scope 'Allowed.sql_matches_but_call_site_does_not':\n"
                + "  " + AUTHOR_SHAPE + "   at " + CallSites.of(BlogPages.class, "author")), both);
    }

    @Test
    void rejects_an_allow_that_names_no_sql_and_no_call_site() {
        Throwable failure = ExampleRuns.run(AnnotationExamples.Allowed.class).failure("allow_without_pattern");

        assertInstanceOf(ExtensionConfigurationException.class, failure);
        assertEquals("@AllowNPlusOne(reason = \"says why but not what\") on Allowed.allow_without_pattern(): set sql"
                + " or callSite (or both) to say which finding it allows", failure.getMessage());
    }

    @Test
    void warns_once_when_the_tests_of_a_class_ran_no_watched_statement_at_all() {
        ExampleRuns runs = ExampleRuns.run(AnnotationExamples.UnwatchedDataSource.class);

        runs.assertPassed("authors_in_a_loop");
        runs.assertPassed("done_right");
        assertEquals(List.of(CHECKED_NOTHING.formatted("2 @NoNPlusOne tests", "UnwatchedDataSource", "any of them")
                + " To fail instead of warning: @NoNPlusOne(requireStatements = true), or the JUnit configuration"
                + " parameter nplusone.junit.requireStatements=true."), runs.reportEntries());
    }

    @Test
    void fails_the_class_whose_tests_ran_no_watched_statement_when_statements_are_required() {
        ExampleRuns runs = ExampleRuns.run(AnnotationExamples.UnwatchedDataSourceRequired.class);

        runs.assertPassed("authors_in_a_loop");
        Throwable failure = runs.results().containerEvents().failed().list().get(0)
                .getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class).getThrowable().orElseThrow();
        assertEquals(CHECKED_NOTHING.formatted("1 @NoNPlusOne test", "UnwatchedDataSourceRequired", "it"),
                failure.getMessage());
        assertEquals(List.of(), runs.reportEntries());
    }

    @Test
    void fails_every_class_that_checked_nothing_when_the_configuration_parameter_requires_statements() {
        ExampleRuns runs = ExampleRuns.run(AnnotationExamples.UnwatchedDataSource.class,
                NPlusOneExtension.REQUIRE_STATEMENTS_PARAMETER, "true");

        assertEquals(1, runs.results().containerEvents().failed().count());
        runs.assertPassed("done_right");
    }

    @Test
    void does_not_warn_about_a_class_whose_tests_ran_watched_statements() {
        ExampleRuns runs = ExampleRuns.run(AnnotationExamples.PostsPage.class,
                NPlusOneExtension.REQUIRE_STATEMENTS_PARAMETER, "true");

        assertEquals(0, runs.results().containerEvents().failed().count());
        assertEquals(List.of(), runs.reportEntries());
    }

    @Test
    void reports_a_class_level_allow_that_none_of_its_tests_needed_without_failing_them() {
        ExampleRuns runs = ExampleRuns.run(AnnotationExamples.AllowedOnClass.class);

        runs.assertPassed("authors");
        runs.assertPassed("done_right");
        assertEquals(List.of("nplusone: 1 @AllowNPlusOne of AllowedOnClass matched no finding in any of its tests"
                + " (remove it, or correct its pattern):\n"
                + "  @AllowNPlusOne(sql = \"from country\", reason = \"used by no test\") on AllowedOnClass"),
                runs.reportEntries());
    }

    @Test
    void checks_each_invocation_of_a_parameterized_test_through_every_entry_point() {
        ExampleRuns runs = ExampleRuns.run(AnnotationExamples.ThroughEveryEntryPoint.class);

        assertEquals(6, runs.outcomes().size(), () -> runs.outcomes().keySet().toString());
        for (String entry : List.of("[1] WRAPPER", "[2] DRIVER_MANAGER", "[3] HIKARI_URL")) {
            runs.assertPassed("done_right " + entry);
            String message = runs.failureMessage("authors_in_a_loop " + entry);
            assertTrue(message.contains("N+1 QUERY [CONFIRMED] 50 executions, 20 distinct keys"), message);
            assertTrue(message.contains("(scope: ThroughEveryEntryPoint.authors_in_a_loop " + entry + ")"), message);
        }
    }

    @Test
    void injects_the_recorded_queries_which_read_the_scope_while_the_test_runs() {
        ExampleRuns.run(AnnotationExamples.RecordingOnly.class).assertPassed("reads_counts_and_findings_while_running");
        ExampleRuns.run(AnnotationExamples.InjectedIntoCheckedTest.class).assertPassed("done_right");
    }

    @Test
    void records_without_failing_when_the_extension_is_registered_without_the_annotation() {
        ExampleRuns runs = ExampleRuns.run(AnnotationExamples.RecordingOnly.class);

        runs.results().testEvents().assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
    }
}
