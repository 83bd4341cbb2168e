package dev.nplusone.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar}: runs the JMH benchmarks with modest settings (1 fork,
 * 10 x 1 s warm-up (15 for the SQL benchmarks), 5 x 1 s measurement, one thread, {@link CpuTimeProfiler} on),
 * then a short pass of the lookup with JMH's gc profiler (allocation per operation), then the scope memory
 * probes, each in a JVM of its own, then prints the {@link Report} (with benchmarks/app-bench.sh's figures when
 * that ran before) and writes its chart: about 7.5 minutes on 2 cores. Any JMH
 * option may be given and overrides the defaults here (for example {@code -p variant=RAW,NPLUSONE_SCOPE lookup},
 * {@code -prof gc}, {@code -i 10}); {@code --no-memory} skips the memory probes.
 */
public final class Suite {
    static final int MEMORY_STATEMENTS = 1_000_000;
    static final int MEMORY_SHAPES = 100;
    static final int[] MEMORY_SITES = {1, 4};

    private Suite() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException, IOException,
            InterruptedException {
        boolean memory = true;
        List<String> jmhArgs = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--no-memory")) {
                memory = false;
            } else {
                jmhArgs.add(arg);
            }
        }
        Path out = BenchDatabase.outputDirectory();
        CommandLineOptions given = new CommandLineOptions(jmhArgs.toArray(new String[0]));
        List<Path> results = new ArrayList<>();
        if (given.getIncludes().isEmpty()) {
            // JSqlParser's generated parser takes about 11 s of warm-up on this machine before its time per
            // parse settles (500 us -> 90 us); the JDBC stacks settle within 10.
            results.add(run(given, JdbcBenchmark.class, 10, out.resolve("jmh-result.json")));
            results.add(run(given, SqlBenchmark.class, 15, out.resolve("jmh-result-sql.json")));
            if (given.getProfilers().isEmpty()) {
                results.add(allocationPass(given, out.resolve("jmh-result-gc.json")));
            }
        } else {
            results.add(run(given, null, 10, out.resolve("jmh-result.json")));
        }

        List<Path> memoryResults = new ArrayList<>();
        if (memory) {
            for (int sites : MEMORY_SITES) {
                Path result = out.resolve("scope-memory-" + sites + ".json");
                Files.deleteIfExists(result);
                probe(result, sites);
                memoryResults.add(result);
            }
        }
        results.addAll(memoryResults);
        // the application benchmark's figures from benchmarks/app-bench.sh, when it ran, join the target table
        results.add(out.resolve("app-bench.json"));
        System.out.println();
        System.out.print(Report.write(results, out));
    }

    /**
     * Bytes allocated per lookup, for the allocation target: a second, shorter pass of {@code lookup} with
     * JMH's gc profiler, kept apart so the profiler's own work never touches the CPU-time figures of the first.
     */
    private static Path allocationPass(CommandLineOptions given, Path result) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder().parent(given)
                .include(JdbcBenchmark.class.getName() + ".lookup")
                .param("variant", Variant.RAW.name(), Variant.NPLUSONE_SCOPE.name())
                .addProfiler("gc").forks(1).warmupIterations(5).warmupTime(TimeValue.seconds(1))
                .measurementIterations(3).measurementTime(TimeValue.seconds(1))
                .result(result.toString()).resultFormat(ResultFormatType.JSON);
        new Runner(options.build()).run();
        return result;
    }

    /**
     * One JMH pass over {@code benchmark} (or the command line's includes when null), with the defaults here
     * wherever the command line gave none. Returns the JSON result file.
     */
    private static Path run(CommandLineOptions given, Class<?> benchmark, int warmupIterations, Path result)
            throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder().parent(given);
        if (benchmark != null) {
            options.include(benchmark.getName());
        }
        if (given.getProfilers().stream().noneMatch(p -> p.getKlass().equals(CpuTimeProfiler.class.getName()))) {
            options.addProfiler(CpuTimeProfiler.class);
        }
        if (!given.getForkCount().hasValue()) {
            options.forks(1);
        }
        if (!given.getWarmupIterations().hasValue()) {
            // On the shared 2-core machine (load 6-10) the proxy stacks were still being compiled after 5
            // iterations of 1 s; after 10 the CPU time per operation was flat. An idle machine needs 3.
            options.warmupIterations(warmupIterations);
        }
        if (!given.getWarmupTime().hasValue()) {
            options.warmupTime(TimeValue.seconds(1));
        }
        if (!given.getMeasurementIterations().hasValue()) {
            options.measurementIterations(5);
        }
        if (!given.getMeasurementTime().hasValue()) {
            options.measurementTime(TimeValue.seconds(1));
        }
        Path file = given.getResult().hasValue() ? Path.of(given.getResult().get()) : result;
        if (!given.getResult().hasValue()) {
            options.result(file.toString()).resultFormat(ResultFormatType.JSON);
        }
        new Runner(options.build()).run();
        return file;
    }

    /** Runs {@link ScopeMemoryProbe} in a fresh JVM with the serial collector, so full GCs are exact. */
    private static void probe(Path result, int sites) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-XX:+UseSerialGC", "-Xmx1g", "-cp",
                System.getProperty("java.class.path"), ScopeMemoryProbe.class.getName(),
                String.valueOf(MEMORY_STATEMENTS), String.valueOf(MEMORY_SHAPES), String.valueOf(sites),
                result.toString()).inheritIO().start();
        int exit = process.waitFor();
        if (exit != 0) {
            System.err.println("scope memory probe (" + sites + " call sites) failed with exit code " + exit);
        }
    }
}
