package dev.nplusone.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nplusone.NPlusOne;
import dev.nplusone.ScopeReport;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Per-call-site counts with the measured walk budget on a real database ({@code -Pdatabases}), where a
 * statement takes longer than a walk and every execution is walked: no estimate. Skipped on H2, whose
 * lookups are faster than a walk (CallSiteSamplingTest covers the estimates there with fixed budgets).
 */
class CallSiteCountsTest {
    @RegisterExtension
    static final PerClassDatabase DATABASE = new PerClassDatabase();

    @Test
    void a_second_call_site_after_a_long_loop_is_counted_exactly_on_postgresql() throws Exception {
        assumeTrue(DATABASE.get().vendor() == SeedDatabase.Vendor.POSTGRESQL, "a real database's round trips");
        DataSource dataSource = NPlusOne.wrap(DATABASE.get().raw());
        for (int page = 0; page < 10; page++) {
            TwoSitePage.page(dataSource, 100, 10, false); // a cold JVM walks up to 100 times slower: warm it up
        }

        ScopeReport report = TwoSitePage.page(dataSource, 100, 10, false);

        assertEquals(List.of("inLoop 100", "inSidebar 10"), TwoSitePage.bySite(report));
    }
}
