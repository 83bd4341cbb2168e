package dev.nplusone.benchmarks.callsite;

import dev.nplusone.internal.scope.CallSite;
import dev.nplusone.internal.scope.CallSiteLocator;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.samples.petclinic.owner.BenchOwnerController;

/**
 * One call-site walk from under {@code frameworkFrames} frames of framework-named classes (transaction
 * interceptor, session internals, pool proxies look-alikes) down to the application frame below them, an
 * application living under {@code org.springframework.samples}, as deep stacks in real applications are.
 * Run it alone: {@code java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main CallSiteBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CallSiteBenchmark {
    // A method reference, not a lambda: a lambda body would be a frame of this (application) class on top.
    private static final Supplier<CallSite> LOCATE = CallSiteLocator::locate;

    @Param({"15", "40", "120"})
    public int frameworkFrames;

    @Benchmark
    public CallSite walkToTheApplicationFrame() {
        return BenchOwnerController.showOwner(frameworkFrames, LOCATE);
    }
}
