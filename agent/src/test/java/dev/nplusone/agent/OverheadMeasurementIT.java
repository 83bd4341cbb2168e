package dev.nplusone.agent;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nplusone.apps.StartupProgram;
import dev.nplusone.apps.WebProgram;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: the figures for the agent's cost, run on demand with
 * {@code ./mvnw -B verify -pl agent -am -Dit.test=OverheadMeasurementIT -Dmeasure.overhead=true}
 * ({@code -Dit.test=OverheadMeasurementIT#measures_start_up_and_exit_of_the_trivial_program} for the first figure
 * alone, {@code -Dmeasure.runs=N} for more runs). The trivial program ({@link StartupProgram}): its whole run,
 * launch to exit, wall and CPU time and peak RSS as {@code /usr/bin/time} reports them, median of alternating
 * runs with and without the agent. The web program: start-up from launching the JVM to the port being open,
 * median of alternating runs; per request, mean and median latency of sequential requests after a warm-up, with
 * the agent as configured by default and with a threshold no loop reaches (watching only: no findings, no
 * suggestions).
 */
@EnabledIfSystemProperty(named = "measure.overhead", matches = "true")
class OverheadMeasurementIT {
    private static final int STARTS = 7;
    private static final int RUNS = Integer.getInteger("measure.runs", 11);
    private static final Path TIME = Path.of("/usr/bin/time");
    private static final int WARM_UP = 1_000;
    private static final int MEASURED = 2_000;

    @Test
    void measures_start_up_and_exit_of_the_trivial_program() throws Exception {
        assumeTrue(Files.isExecutable(TIME), "needs GNU time at " + TIME);
        double[][] without = new double[3][RUNS];
        double[][] withAgent = new double[3][RUNS];
        for (int i = 0; i < RUNS; i++) {
            wholeRun(false, without, i);
            wholeRun(true, withAgent, i);
        }
        String[] figures = {"wall", "CPU", "peak RSS"};
        String[] units = {"ms", "ms", "MB"};
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "trivial program (StartupProgram), launch to exit, median of %d alternating runs (load average %.1f at the start):%n",
                RUNS, loadAverage()));
        for (int figure = 0; figure < figures.length; figure++) {
            double plain = median(without[figure]);
            double agent = median(withAgent[figure]);
            out.append(String.format(Locale.ROOT, "  %-8s %6.0f %s -> %6.0f %s (%+.0f %s)%n", figures[figure], plain,
                    units[figure], agent, units[figure], agent - plain, units[figure]));
        }
        out.append(String.format(Locale.ROOT, "  load average at the end: %.1f%n", loadAverage()));
        report(out, "startup.txt");
    }

    /** Wall ms, CPU ms and peak RSS MB of one whole run of the trivial program, into {@code figures[0..2][run]}. */
    private static void wholeRun(boolean agent, double[][] figures, int run) throws IOException {
        ChildJvm jvm = jvm(agent ? "" : null);
        Path times = jvm.file("time.txt");
        jvm.launcher(TIME.toString(), "-f", "%e %U %S %M", "-o", times.toString()).run(StartupProgram.class)
                .assertExitedNormally();
        String[] measured = Files.readString(times).trim().split("\\s+");
        figures[0][run] = Double.parseDouble(measured[0]) * 1000;
        figures[1][run] = (Double.parseDouble(measured[1]) + Double.parseDouble(measured[2])) * 1000;
        figures[2][run] = Double.parseDouble(measured[3]) / 1024;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void report(StringBuilder out, String file) throws IOException {
        System.out.print(out);
        Files.createDirectories(ChildJvm.WORK);
        Files.writeString(ChildJvm.WORK.resolve(file), out);
    }

    @Test
    void measures_start_up_and_per_request_overhead_of_the_agent_on_the_web_program() throws Exception {
        long[][] without = new long[2][STARTS];
        long[][] withAgent = new long[2][STARTS];
        for (int i = 0; i < STARTS; i++) {
            startUp(false, without, i);
            startUp(true, withAgent, i);
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "start-up to listening, median of %d: wall %d ms -> %d ms (+%d ms), CPU %d ms -> %d ms (+%d ms)%n",
                STARTS, median(without[0]), median(withAgent[0]), median(withAgent[0]) - median(without[0]),
                median(without[1]), median(withAgent[1]), median(withAgent[1]) - median(without[1])));
        for (String path : List.of("/posts", "/posts/1")) {
            double[] plain = requestMicros(null, path);
            for (String arguments : List.of("", "threshold=1000000")) {
                double[] agent = requestMicros(arguments, path);
                out.append(String.format(Locale.ROOT, "GET %-9s %-20s mean %6.0f us -> %6.0f us (+%.0f us), median %6.0f us"
                        + " -> %6.0f us (+%.0f us)%n", path, arguments.isEmpty() ? "agent" : "agent " + arguments,
                        plain[0], agent[0], agent[0] - plain[0], plain[1], agent[1], agent[1] - plain[1]));
            }
        }
        report(out, "overhead.txt");
    }

    /** The web program's JVM, with the agent and these arguments, or without it when they are null. */
    private static ChildJvm jvm(String agentArguments) {
        ChildJvm jvm = ChildJvm.on(Jdk.CURRENT);
        return agentArguments == null ? jvm : jvm.agent(agentArguments);
    }

    /** Wall-clock and CPU milliseconds from launching the JVM to its port being open, into {@code figures[0 and 1][run]}. */
    private static void startUp(boolean agent, long[][] figures, int run) throws IOException {
        long start = System.nanoTime();
        ChildJvm.Running running = jvm(agent ? "" : null).start(WebProgram.class);
        try {
            WebProgramIT.port(running);
            figures[0][run] = (System.nanoTime() - start) / 1_000_000;
            figures[1][run] = running.process().info().totalCpuDuration().orElseThrow().toMillis();
        } finally {
            running.stop();
            running.await();
        }
    }

    /** Mean and median of sequential requests to {@code path}, in microseconds. */
    private static double[] requestMicros(String agentArguments, String path) throws Exception {
        ChildJvm.Running running = jvm(agentArguments).start(WebProgram.class);
        try {
            int port = WebProgramIT.port(running);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(20)).build();
            for (int i = 0; i < WARM_UP; i++) {
                client.send(request, HttpResponse.BodyHandlers.discarding());
            }
            List<Long> nanos = new ArrayList<>(MEASURED);
            for (int i = 0; i < MEASURED; i++) {
                long start = System.nanoTime();
                client.send(request, HttpResponse.BodyHandlers.discarding());
                nanos.add(System.nanoTime() - start);
            }
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            return new double[] {Arrays.stream(sorted).average().orElse(0) / 1_000, sorted[sorted.length / 2] / 1_000.0};
        } finally {
            running.stop();
            running.await();
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
