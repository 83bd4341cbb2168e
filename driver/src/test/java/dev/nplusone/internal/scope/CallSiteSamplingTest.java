package dev.nplusone.internal.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.Finding;
import dev.nplusone.NPlusOne;
import dev.nplusone.ScopeReport;
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
 * What call-site sampling keeps exact and how it says what it estimated. A shape's first 64 executions in a
 * scope are walked; past them, walks follow the scope's time budget, which these tests replace with
 * deterministic ones (H2's timings vary with the machine): every execution (a real database), every 8th
 * optional walk (sampling), or none. Totals per shape are exact whatever the budget.
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
    void a_second_call_site_after_the_first_64_executions_is_counted_exactly_when_every_execution_is_walked()
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

        // 64 walked, then every 8th: the 4th sidebar lookup is walked, the next two are (a new site; its
        // group reaching the threshold), the three before it count at the loop.
        assertEquals(List.of("inLoop ~103 (68 walked)", "inSidebar ~7 (3 walked)"), bySite(report));
        assertEquals(110, report.shapes().get(0).executions());
    }

    @Test
    void a_second_call_site_no_walk_found_is_counted_at_the_first_and_the_reports_say_the_count_is_estimated()
            throws Exception {
        WalkBudget.forNewScope = () -> new EveryNthWalk(Integer.MAX_VALUE);

        ScopeReport report = page(100, false);

        assertEquals(List.of("inLoop ~110 (64 walked)"), bySite(report));
        assertTrue(HumanReport.format(report).contains("  loop at : " + report.findings().get(0).callSite()
                        + "   (call site walked for 64 of these 110 executions, the others counted here by estimate)\n"),
                HumanReport.format(report));
        assertTrue(JsonReport.line(report).contains("\"executions\":110,\"executionsEstimated\":true,"
                + "\"walkedExecutions\":64,"), JsonReport.line(report));
    }

    @Test
    void two_call_sites_taking_turns_are_counted_exactly_however_long_the_scope_and_whatever_the_budget()
            throws Exception {
        WalkBudget.forNewScope = () -> new EveryNthWalk(Integer.MAX_VALUE);

        ScopeReport report = page(200, true);

        assertEquals(List.of("inLoop 200", "inSidebar 200"), bySite(report));
    }

    @Test
    void a_loop_of_64_lookups_is_counted_exactly_whatever_the_budget() throws Exception {
        WalkBudget.forNewScope = () -> new EveryNthWalk(Integer.MAX_VALUE);

        ScopeReport report = page(54, false);

        assertEquals(List.of("inLoop 54", "inSidebar 10"), bySite(report));
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
