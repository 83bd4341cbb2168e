package dev.nplusone.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The OpenTelemetry benchmark measures what it claims: events only with otel=auto, and only for findings. */
class OtelExportBenchmarkSmokeTest {

    @Test
    void findings_become_events_only_when_otel_is_auto() {
        assertEquals(0, eventsAfterEachRequest("off"));
        assertEquals(1, eventsAfterEachRequest("auto"));
    }

    /** Events exported by one run of each benchmark: the finding request's only. */
    private static long eventsAfterEachRequest(String otel) {
        OtelExportBenchmark benchmark = new OtelExportBenchmark();
        benchmark.otel = otel;
        benchmark.start();
        try {
            long before = OtelExportBenchmark.EVENTS.findingEvents.get();
            assertTrue(benchmark.emptyRequest().findings().isEmpty());
            assertTrue(benchmark.cleanRequest().findings().isEmpty());
            assertEquals(1, benchmark.findingRequest().findings().size());
            benchmark.exportNoFinding();
            long afterRequests = OtelExportBenchmark.EVENTS.findingEvents.get();
            benchmark.exportFinding();
            assertEquals(afterRequests - before, OtelExportBenchmark.EVENTS.findingEvents.get() - afterRequests,
                    "the export alone adds the events a finding request adds");
            return afterRequests - before;
        } finally {
            benchmark.finish();
        }
    }
}
