package dev.nplusone.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Measures the Spring Boot benchmark application (benchmarks/spring-app) in three set-ups ({@link AppSetup}), in
 * alternating rounds (round 1: none, agent, URL; round 2: the same...), each round a fresh JVM per set-up: time from
 * launch to the first answered request, a warm-up, then clean and N+1 requests in turns, with their latencies and
 * the server JVM's CPU time. Before that, the agent's start-up cost on a trivial
 * DriverManager program, with and without {@code -javaagent}, alternating. Writes one JSON file that {@link Report}
 * reads. Usage (benchmarks/app-bench.sh passes the paths):
 * {@code AppBench app=<spring-app.jar> agent=<nplusone-agent.jar> classes=<benchmarks/target/classes>
 * out=<app-bench.json> [rounds=3] [warmup=2000] [clean=600] [nplusone=300] [trivial=7] [agentArgs=log=false]}
 */
public final class AppBench {
    static final String CLEAN_PATH = "/posts";
    static final String N_PLUS_ONE_PATH = "/posts-n-plus-one";
    /** Turns per endpoint in each measured round; each turn is long enough for the 10 ms CPU clock to read. */
    private static final int MEASURED_CHUNKS = 5;
    private static final String[][] DEFAULTS = {{"rounds", "3"}, {"warmup", "2000"}, {"clean", "600"},
        {"nplusone", "300"}, {"trivial", "7"}, {"agentArgs", ""}};
    private static final long START_TIMEOUT_NANOS = TimeUnit.MINUTES.toNanos(3);

    private final Map<String, String> settings;
    private final Path workDirectory;
    private final String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private AppBench(Map<String, String> settings, Path workDirectory) {
        this.settings = settings;
        this.workDirectory = workDirectory;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String[] setting : DEFAULTS) {
            settings.put(setting[0], setting[1]);
        }
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("expected key=value, got " + arg);
            }
            settings.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        Path out = Path.of(required(settings, "out"));
        Path workDirectory = out.toAbsolutePath().resolveSibling("app-bench");
        Files.createDirectories(workDirectory);
        Files.writeString(out, JsonWriter.write(new AppBench(settings, workDirectory).run()));
        System.out.println("app benchmark written to " + out);
    }

    private Map<String, Object> run() throws IOException, InterruptedException {
        String loadBefore = loadAverage();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("kind", "app-bench");
        result.put("settings", settings);
        result.put("trivialProgram", trivialProgram());

        Map<AppSetup, SetupResult> setups = new EnumMap<>(AppSetup.class);
        for (int round = 1; round <= number("rounds"); round++) {
            for (AppSetup setup : AppSetup.values()) {
                System.out.printf("round %d: %s%n", round, setup.label());
                measure(setup, round, setups.computeIfAbsent(setup, s -> new SetupResult()));
            }
        }
        Map<String, Object> setupJson = new LinkedHashMap<>();
        setups.forEach((setup, measured) -> setupJson.put(setup.key(), measured.toJson(setup)));
        result.put("setups", setupJson);
        result.put("loadAverageBefore", loadBefore);
        result.put("loadAverageAfter", loadAverage());
        return result;
    }

    /** One set-up's start-up times and requests over all rounds. */
    private static final class SetupResult {
        final List<Long> startupNanos = new ArrayList<>();
        final Latencies clean = new Latencies();
        final Latencies nPlusOne = new Latencies();

        Map<String, Object> toJson(AppSetup setup) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("label", setup.label());
            json.put("startupMillis", startupNanos.stream().map(n -> n / 1_000_000).toList());
            json.put("startupMedianMillis",
                    Latencies.percentile(startupNanos.stream().mapToLong(Long::longValue).toArray(), 50) / 1_000_000);
            json.put("clean", clean.toJson());
            json.put("nPlusOne", nPlusOne.toJson());
            return json;
        }
    }

    private void measure(AppSetup setup, int round, SetupResult into) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaCommand, "-Xmx512m"));
        command.addAll(setup.jvmOptions(Path.of(required(settings, "agent")), settings.get("agentArgs")));
        command.addAll(List.of("-jar", required(settings, "app"), "--server.port=" + port,
                // one connection for the whole run: no reconnect every 100 requests in the figures
                "--server.tomcat.max-keep-alive-requests=-1"));
        command.addAll(setup.applicationArguments());
        Path log = workDirectory.resolve("app-" + setup.key() + "-" + round + ".log");
        long launched = System.nanoTime();
        Process server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            LoadClient client = new LoadClient(port);
            while (!client.answers(CLEAN_PATH)) {
                if (!server.isAlive() || System.nanoTime() - launched > START_TIMEOUT_NANOS) {
                    throw new IllegalStateException(setup.label() + " did not start: see " + log);
                }
                Thread.sleep(10);
            }
            into.startupNanos.add(System.nanoTime() - launched);
            int warmup = number("warmup");
            for (int done = 0; done < warmup; done += 100) {
                client.run(CLEAN_PATH, 50);
                client.run(N_PLUS_ONE_PATH, 50);
            }
            // the two endpoints take turns, so JIT compilation and GC still going on after the warm-up fall on both
            for (int chunk = 0; chunk < MEASURED_CHUNKS; chunk++) {
                batch(client, server.pid(), CLEAN_PATH, number("clean") / MEASURED_CHUNKS, into.clean);
                batch(client, server.pid(), N_PLUS_ONE_PATH, number("nplusone") / MEASURED_CHUNKS, into.nPlusOne);
            }
            into.clean.endRound();
            into.nPlusOne.endRound();
        } finally {
            stop(server);
        }
    }

    private static void batch(LoadClient client, long pid, String path, int requests, Latencies into)
            throws IOException, InterruptedException {
        long cpuBefore = ProcessCpu.nanos(pid);
        long[] latencies = client.run(path, requests);
        into.add(latencies, ProcessCpu.nanos(pid) - cpuBefore);
    }

    private static void stop(Process server) throws InterruptedException {
        server.destroy();
        if (!server.waitFor(30, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor();
        }
    }

    /** The trivial program, without and with the agent, alternating; wall time from launch to exit. */
    private Map<String, Object> trivialProgram() throws IOException, InterruptedException {
        Path h2 = extractH2();
        String classPath = required(settings, "classes") + File.pathSeparator + h2;
        TrivialRuns without = new TrivialRuns();
        TrivialRuns with = new TrivialRuns();
        for (int run = 0; run < number("trivial"); run++) {
            without.run(List.of(javaCommand, "-cp", classPath, TrivialJdbcProgram.class.getName()));
            with.run(List.of(javaCommand, "-javaagent:" + required(settings, "agent"), "-cp", classPath,
                    TrivialJdbcProgram.class.getName()));
        }
        System.out.printf("trivial program: %d ms without the agent, %d ms with it (medians)%n",
                without.medianWallMillis(), with.medianWallMillis());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("withoutAgent", without.toJson());
        json.put("withAgent", with.toJson());
        return json;
    }

    /** Runs of the trivial program in one set-up: wall time, and the CPU time and peak RSS it printed. */
    private static final class TrivialRuns {
        private static final Pattern PRINTED_FIGURES = Pattern.compile("cpuNanos=(\\d+) peakRssKb=(-?\\d+)");

        final List<Long> wallMillis = new ArrayList<>();
        final List<Long> cpuMillis = new ArrayList<>();
        final List<Long> peakRssKb = new ArrayList<>();

        void run(List<String> command) throws IOException, InterruptedException {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            wallMillis.add((System.nanoTime() - start) / 1_000_000);
            Matcher figures = PRINTED_FIGURES.matcher(output);
            if (exit != 0 || !figures.find()) {
                throw new IllegalStateException("trivial program failed (exit " + exit + "): " + output);
            }
            cpuMillis.add(Long.parseLong(figures.group(1)) / 1_000_000);
            peakRssKb.add(Long.parseLong(figures.group(2)));
        }

        long medianWallMillis() {
            return median(wallMillis);
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("wallMillis", wallMillis);
            json.put("medianWallMillis", medianWallMillis());
            json.put("medianCpuMillis", median(cpuMillis));
            json.put("medianPeakRssKb", median(peakRssKb));
            return json;
        }

        private static long median(List<Long> values) {
            return Latencies.percentile(values.stream().mapToLong(Long::longValue).toArray(), 50);
        }
    }

    /** H2's jar, taken from the application's own libraries so both programs run the same H2. */
    private Path extractH2() throws IOException {
        try (ZipFile app = new ZipFile(required(settings, "app"))) {
            ZipEntry h2 = app.stream().filter(e -> e.getName().matches("BOOT-INF/lib/h2-[0-9.]+\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no H2 jar in " + settings.get("app")));
            Path target = workDirectory.resolve("h2.jar");
            try (InputStream in = app.getInputStream(h2)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        }
    }

    private int number(String key) {
        return Integer.parseInt(settings.get(key));
    }

    private static String required(Map<String, String> settings, String key) {
        String value = settings.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing " + key + "=...");
        }
        return value;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }
}
