package dev.nplusone.internal.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.Finding;
import dev.nplusone.NPlusOne;
import dev.nplusone.ScopeReport;
import dev.nplusone.internal.OpenScope;
import dev.nplusone.internal.report.HumanReport;
import dev.nplusone.internal.report.JsonReport;
import dev.nplusone.scenarios.SeedDatabase;
import dev.nplusone.scenarios.TwoSitePage;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What call-site sampling keeps exact and how it says what it estimated. A shape's first execution in a scope,
 * the one taking a site to the threshold and the one after a walk that found a new site are walked; others
 * follow the scope's time budget, which these tests replace with deterministic ones (H2's timings vary with
 * the machine): every execution (a real database), every 8th optional walk (sampling), or none. Totals per
 * shape are exact whatever the budget, and a test's scope walks every execution.
 */
class CallSiteSamplingTest {
    static DataSource watched;

    @BeforeAll
    static void createDatabase() {
        watched = NPlusOne.wrap(SeedDatabase.create().raw());
    }

    @AfterEach
    void restoreTheMeasuredBudget() {
        WalkBudget.forNewScope = WalkBudget::new;
    }

    @Test
    void a_second_call_site_after_100_executions_of_the_first_is_counted_exactly_when_every_execution_is_walked()
            throws Exception {
        WalkBudget.forNewScope = () -> new EveryNthWalk(1);

        ScopeReport report = page(100, false);

        assertEquals(List.of("inLoop 100", "inSidebar 10"), bySite(report));
        assertTrue(report.findings().stream().noneMatch(Finding::executionsEstimated));
    }

    @Test
    void a_second_call_site_found_by_a_sample_is_reported_and_both_counts_say_they_are_estimated() throws Exception {
        WalkBudget.forNewScope = () -> new EveryNthWalk(8);

        ScopeReport report = page(100, false);

        // The first and the threshold's walked, then every 8th: the 5th sidebar lookup is walked, the next two
        // are (a new site; its group reaching the threshold), the four before it count at the loop.
        assertEquals(List.of("inLoop ~105 (14 walked)", "inSidebar ~5 (3 walked)"), bySite(report));
        assertEquals(110, report.shapes().get(0).executions());
    }

    @Test
    void a_second_call_site_no_walk_found_is_counted_at_the_first_and_the_reports_say_the_count_is_estimated()
            throws Exception {
        WalkBudget.forNewScope = () -> new EveryNthWalk(Integer.MAX_VALUE);

        ScopeReport report = page(100, false);

        assertEquals(List.of("inLoop ~110 (2 walked)"), bySite(report));
        assertTrue(HumanReport.format(report).contains("  loop at : " + report.findings().get(0).callSite()
                        + "   (call site walked for 2 of these 110 executions, the others counted here by estimate)\n"),
                HumanReport.format(report));
        assertTrue(JsonReport.line(report).contains("\"executions\":110,\"executionsEstimated\":true,"
                + "\"walkedExecutions\":2,"), JsonReport.line(report));
    }

    @Test
    void two_call_sites_taking_turns_are_followed_walk_by_walk_once_a_sample_finds_the_second() throws Exception {
        WalkBudget.forNewScope = () -> new EveryNthWalk(8);

        ScopeReport report = page(200, true);

        // Until a sample lands on the sidebar (its 5th lookup) its lookups count at the loop; from then on each
        // walk finds the other site, so every execution is walked and counted where it ran.
        assertEquals(List.of("inLoop ~204 (197 walked)", "inSidebar ~196 (196 walked)"), bySite(report));
    }

    @Test
    void a_tests_scope_counts_every_call_site_exactly_whatever_the_budget() throws Exception {
        WalkBudget.forNewScope = () -> new EveryNthWalk(Integer.MAX_VALUE);

        ScopeReport report = TwoSitePage.page(OpenScope.open("a test", ScopeRecorder.TEST_KIND, 0), watched, 100, 10,
                false);

        assertEquals(List.of("inLoop 100", "inSidebar 10"), bySite(report));
    }

    static ScopeReport page(int loops, boolean interleaved) throws SQLException {
        return TwoSitePage.page(watched, loops, 10, interleaved);
    }

    static List<String> bySite(ScopeReport report) {
        return TwoSitePage.bySite(report);
    }

    /** Allows every {@code n}th optional walk, whatever the time things take. */
    static final class EveryNthWalk extends WalkBudget {
        private final int n;
        private int asked;

        EveryNthWalk(int n) {
            this.n = n;
        }

        @Override
        boolean allowsWalk() {
            return ++asked % n == 0;
        }
    }

}
