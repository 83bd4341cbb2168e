package dev.nplusone.agent;

import static dev.nplusone.agent.JsonLines.Figures.nPlusOne;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nplusone.apps.LoggedBy;
import dev.nplusone.apps.suites.AuthorLookups;
import dev.nplusone.apps.suites.GuardedSuite;
import dev.nplusone.apps.suites.LegacySuite;
import dev.nplusone.apps.suites.ShopSuite;
import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.CallSites;
import dev.nplusone.scenarios.SeedDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A project's test suites run with the agent through the JUnit Platform launcher, as a build's test JVM runs
 * them, with no change to the project: a scope per test named after it, fixtures apart, call sites in test
 * code, a summary of the tests with findings when the test plan ends, and no other logging.
 */
class SampleTestSuitesIT {
    private static final String SHOP = ShopSuite.class.getSimpleName();
    private static final String LEGACY = LegacySuite.class.getSimpleName();

    static ChildJvm.Result result;
    static Map<String, JsonNode> scopesByName;

    @BeforeAll
    static void runTheSuites() {
        SuiteRun run = SuiteRun.of(ChildJvm.Classpath.APPLICATION_TESTS, ShopSuite.class, LegacySuite.class);
        result = run.result();
        scopesByName = new LinkedHashMap<>();
        for (JsonNode scope : run.scopes()) {
            scopesByName.putIfAbsent(scope.at("/scope/name").asText(), scope);
        }
    }

    @Test
    void no_test_outcome_changes() {
        assertTrue(result.stdout().contains("6 tests successful"), result.stdout());
    }

    @Test
    void each_test_with_a_loop_is_a_scope_named_after_it() {
        assertEquals(Set.of(SHOP + " [fixture]", SHOP + ".renders_the_posts_page", SHOP + ".reads_each_author_in_the_test",
                        SHOP + ".looks_up_authors [1] 3", SHOP + ".looks_up_authors [2] 4", LEGACY + " [fixture]",
                        LEGACY + ".renders_the_tags_page"),
                scopesByName.keySet(), "scopes with findings (the clean test has none)");
        scopesByName.values().forEach(scope -> assertEquals("test", scope.at("/scope/kind").asText()));
    }

    @Test
    void a_loop_in_main_code_is_blamed_on_the_test_that_ran_it_and_found_there() {
        JsonLines.assertFindings(scopesByName.get(SHOP + ".renders_the_posts_page"), nPlusOne(SeedDatabase.POSTS,
                SeedDatabase.AUTHORS, 1, BlogPages.AUTHOR_SQL, CallSites.of(BlogPages.class, "author")));
        JsonLines.assertFindings(scopesByName.get(LEGACY + ".renders_the_tags_page"), nPlusOne(SeedDatabase.POSTS,
                SeedDatabase.POSTS, 5, BlogPages.TAGS_SQL, CallSites.of(BlogPages.class, "tagQuery")));
    }

    @Test
    void a_loop_in_a_test_method_or_a_test_helper_has_its_call_site_in_test_code() {
        JsonLines.assertFindings(scopesByName.get(SHOP + ".reads_each_author_in_the_test"), nPlusOne(5, 5, 1,
                BlogPages.AUTHOR_SQL, SuiteRun.callSite(ShopSuite.class, "reads_each_author_in_the_test",
                        "reads_each_author_in_the_test")));
        JsonLines.assertFindings(scopesByName.get(SHOP + ".looks_up_authors [2] 4"), nPlusOne(4, 4, 1,
                BlogPages.AUTHOR_SQL, helperSite()));
    }

    @Test
    void fixture_loops_are_reported_apart_from_the_tests() {
        JsonLines.assertFindings(scopesByName.get(SHOP + " [fixture]"), nPlusOne(4, 4, 1, BlogPages.AUTHOR_SQL,
                helperSite()));
        JsonLines.assertFindings(scopesByName.get(LEGACY + " [fixture]"), nPlusOne(3, 3, 1, BlogPages.AUTHOR_SQL,
                helperSite()));
    }

    @Test
    void the_end_of_the_test_plan_lists_each_test_with_findings_once() {
        assertEquals(1, result.stderrCount("nplusone: 7 tests ran repeated queries\n"), result.stderr());
        result.assertStderrContains("  " + SHOP + ".reads_each_author_in_the_test: N+1 QUERY 5 x "
                + BlogPages.AUTHOR_SQL + "   loop at " + SuiteRun.callSite(ShopSuite.class,
                "reads_each_author_in_the_test", "reads_each_author_in_the_test") + "\n");
        result.assertStderrContains("nplusone: JSON Lines of every scope with findings: ");
    }

    @Test
    void a_test_under_the_projects_own_no_n_plus_one_is_reported_by_the_extension_alone() {
        SuiteRun guarded = SuiteRun.of(ChildJvm.Classpath.APPLICATION_WITH_DRIVER, GuardedSuite.class);

        assertTrue(guarded.result().stdout().contains("1 tests successful"), guarded.result().stdout());
        List<String> agentScopes = guarded.scopeNames();
        assertFalse(agentScopes.contains(GuardedSuite.class.getSimpleName() + ".renders_the_posts_page"),
                () -> "the agent's scopes with findings: " + agentScopes);
    }

    @Test
    void nothing_but_nplusone_logs() {
        assertEquals(List.of(QuietLogsIT.NPLUSONE_LOGGER), LoggedBy.loggers(result.stdout()), result.stdout());
    }

    private static String helperSite() {
        return SuiteRun.callSite(AuthorLookups.class, "name", "name");
    }
}
