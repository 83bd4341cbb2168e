package dev.nplusone.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * JMH profiler ({@code -prof dev.nplusone.benchmarks.CpuTimeProfiler}) adding {@code cpu.time.norm}: CPU
 * time the benchmark JVM used per operation, all its threads (the benchmark thread, GC, compiler). On a
 * machine whose cores other processes also use, wall time per operation counts the time the benchmark
 * thread waited for a core; CPU time does not, so ratios between variants stay meaningful under load.
 * It does count garbage collection, which is part of what a variant costs.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    static final String METRIC = "cpu.time.norm";
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long startNanos;

    @Override
    public String getDescription() {
        return "CPU time of the benchmark JVM (all threads) per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        startNanos = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long used = os.getProcessCpuTime() - startNanos;
        long operations = result.getMetadata().getAllOps();
        double perOperation = operations == 0 ? Double.NaN : (double) used / operations;
        return List.of(new ScalarResult(METRIC, perOperation, "ns/op", AggregationPolicy.AVG));
    }
}
