package dev.nplusone.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.Finding;
import dev.nplusone.ScopeReport;
import org.junit.jupiter.api.Test;

/** Runs each scope benchmark a few times as plain calls: each measures the scope it claims to. */
class ScopeBenchmarkSmokeTest {

    @Test
    void each_benchmark_closes_the_scope_it_claims_to() {
        ScopeBenchmark benchmark = new ScopeBenchmark();
        benchmark.start();
        try {
            assertEquals(0, benchmark.emptyScope().statements());

            ScopeReport clean = benchmark.cleanScope();
            assertEquals(50, clean.statements());
            assertTrue(clean.findings().isEmpty(), clean.findings()::toString);

            for (int i = 0; i < 3; i++) {
                assertOneJoinFinding(benchmark.seenFinding());
                assertOneJoinFinding(benchmark.newFinding());
            }
            ScopeBenchmark.Recorded recorded = new ScopeBenchmark.Recorded();
            recorded.record(benchmark);
            assertTrue(benchmark.closeCleanScope(recorded).findings().isEmpty());
            assertOneJoinFinding(benchmark.closeSeenFinding(recorded));
            recorded.closeWhatWasNotMeasured(benchmark);
            assertEquals(10, benchmark.reported(), "every scope went to the listener, once");
        } finally {
            benchmark.finish();
        }
    }

    private static void assertOneJoinFinding(ScopeReport report) {
        assertEquals(ScopeBenchmark.LOOP + 1, report.statements());
        assertEquals(1, report.findings().size(), report.findings()::toString);
        Finding finding = report.findings().get(0);
        assertEquals(Finding.Confidence.CONFIRMED, finding.confidence());
        assertEquals(ScopeBenchmark.LOOP, finding.distinctKeys());
        assertEquals("author_id", finding.parent().column());
        assertEquals(Finding.Strategy.JOIN, finding.suggestion().strategy());
    }
}
