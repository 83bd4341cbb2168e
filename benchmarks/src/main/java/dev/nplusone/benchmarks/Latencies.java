package dev.nplusone.benchmarks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The requests of one endpoint in one set-up, pooled over the rounds: their latencies and the server's CPU time. */
final class Latencies {
    private long[] nanos = new long[0];
    private long cpuNanos;
    private final List<Long> roundMedians = new java.util.ArrayList<>();
    private int roundStart;

    void add(long[] latencies, long serverCpuNanos) {
        long[] pooled = Arrays.copyOf(nanos, nanos.length + latencies.length);
        System.arraycopy(latencies, 0, pooled, nanos.length, latencies.length);
        nanos = pooled;
        cpuNanos += serverCpuNanos;
    }

    /** Closes a round: its median is kept apart, to show how far the rounds (separate JVMs) agree. */
    void endRound() {
        roundMedians.add(percentile(Arrays.copyOfRange(nanos, roundStart, nanos.length), 50));
        roundStart = nanos.length;
    }

    /** The nearest-rank percentile. */
    static long percentile(long[] values, int percent) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("requests", nanos.length);
        json.put("medianNanos", percentile(nanos, 50));
        json.put("p90Nanos", percentile(nanos, 90));
        json.put("cpuNanosPerRequest", nanos.length == 0 ? 0 : cpuNanos / nanos.length);
        json.put("roundMedianNanos", roundMedians);
        return json;
    }
}
