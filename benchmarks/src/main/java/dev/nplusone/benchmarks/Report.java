package dev.nplusone.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a JMH JSON result file (and the memory probe's results) and prints the table of ratios the issue
 * asks for, with the three targets checked. Ratios come from one run only: every figure in one table was
 * measured by the same command on the same machine.
 *
 * <p>Each figure is the <em>median</em> of the measurement iterations, shown with half the spread between the
 * fastest and slowest iteration. Two clocks: wall time per operation (JMH's own score) and, when the run had
 * {@link CpuTimeProfiler}, CPU time per operation. Ratios use CPU time when it is there: on a machine shared
 * with other builds wall time also counts the time the benchmark waited for a core, and that varied between
 * forks by more than the differences measured here. JMH's means and 99.9% errors stay in the JSON file.
 *
 * <p>Usage: {@code Report <jmh-result.json | scope-memory.json> ...}; also writes {@code benchmark-report.txt}
 * beside the first file.
 */
public final class Report {
    static final String JDBC = JdbcBenchmark.class.getName() + ".";
    static final String SQL = SqlBenchmark.class.getName() + ".";
    static final double OVERHEAD_TARGET = 1.2;
    static final double PARSER_TARGET = 50;
    static final double MEMORY_TARGET_BYTES = 5_000_000;

    /** One clock's reading of a benchmark: median, fastest and slowest iteration, in ns per operation. */
    record Measure(double median, double min, double max) {
        /** Half the spread of the iterations, as a percentage of the median. */
        double spreadPercent() {
            return (max - min) / 2 / median * 100;
        }
    }

    /**
     * One JMH benchmark: method, variant (null if none), wall time, CPU time (null if not profiled), bytes allocated
     * per operation (null unless the run had {@code -prof gc}).
     */
    record Score(String benchmark, String variant, Measure wall, Measure cpu, Double allocationBytes) {
        /** What ratios are computed from: CPU time when measured, else wall time. */
        Measure cost() {
            return cpu != null ? cpu : wall;
        }

        double nanos() {
            return cost().median();
        }
    }

    /** One memory probe result. */
    record Memory(long statements, long shapes, long sites, long retainedBytes, long findings, boolean truncated) {
    }

    private final List<Score> scores;
    private final List<Memory> memory;
    private final AppResult app;
    private final StringBuilder out = new StringBuilder();
    private final List<String> targets = new ArrayList<>();

    private Report(List<Score> scores, List<Memory> memory, AppResult app) {
        this.scores = scores;
        this.memory = memory;
        this.app = app;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: Report <jmh-result.json | scope-memory.json> ...");
            System.exit(2);
        }
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            files.add(Path.of(arg));
        }
        System.out.print(write(files, files.get(0).toAbsolutePath().getParent()));
    }

    /**
     * Renders JMH result files (JSON arrays), memory probe results and the application benchmark's result (JSON
     * objects), in any order; writes the report to {@code benchmark-report.txt} and the chart of the issue's ratios
     * to {@code benchmark-chart.svg} in {@code directory}, and returns the report.
     */
    static String write(List<Path> files, Path directory) throws IOException {
        List<Object> runs = new ArrayList<>();
        List<Memory> memory = new ArrayList<>();
        AppResult app = null;
        for (Path file : files) {
            if (!Files.exists(file)) {
                continue;
            }
            Object json = Json.parse(Files.readString(file, StandardCharsets.UTF_8).trim());
            if (json instanceof List<?> list) {
                runs.addAll(list);
            } else if (AppResult.is(json)) {
                app = AppResult.of((Map<?, ?>) json);
            } else {
                memory.add(memory((Map<?, ?>) json));
            }
        }
        String machine = Machine.describe();
        String report = render(runs, memory, app, machine);
        Path text = directory.resolve("benchmark-report.txt");
        Files.writeString(text, report, StandardCharsets.UTF_8);
        Path chart = directory.resolve("benchmark-chart.svg");
        Files.writeString(chart, BenchmarkChart.svg(IssueTargets.rows(scores(runs), app), machine), StandardCharsets.UTF_8);
        return report + "(report written to " + text + ", chart to " + chart + ")\n";
    }

    static String render(List<?> runs, List<Memory> memory, String machine) {
        return render(runs, memory, null, machine);
    }

    static List<Score> scores(List<?> runs) {
        List<Score> scores = new ArrayList<>();
        for (Object run : runs) {
            scores.add(score((Map<?, ?>) run));
        }
        return scores;
    }

    static String render(List<?> runs, List<Memory> memory, AppResult app, String machine) {
        List<Score> scores = new ArrayList<>();
        Map<String, List<String>> settings = new java.util.LinkedHashMap<>(); // settings -> benchmark classes
        for (Object run : runs) {
            Map<?, ?> result = (Map<?, ?>) run;
            Score score = score(result);
            scores.add(score);
            String benchmarkClass = score.benchmark().substring(0, Math.max(0, score.benchmark().lastIndexOf('.')));
            List<String> classes = settings.computeIfAbsent(settings(result), k -> new ArrayList<>());
            String simpleName = benchmarkClass.substring(benchmarkClass.lastIndexOf('.') + 1);
            if (!classes.contains(simpleName)) {
                classes.add(simpleName);
            }
        }
        StringBuilder settingLines = new StringBuilder();
        settings.forEach((line, classes) -> settingLines.append(line)
                .append(settings.size() > 1 ? " (" + String.join(", ", classes) + ")" : "").append('\n'));
        Report report = new Report(scores, memory, app);
        boolean cpu = scores.stream().anyMatch(score -> score.cpu() != null);
        report.out.append("nplusone benchmarks\n").append(machine).append('\n');
        if (!scores.isEmpty()) {
            report.out.append(settingLines)
                    .append(cpu ? "Ratios use CPU time per operation (all threads of the benchmark JVM), not wall time.\n"
                            : "Ratios use wall time per operation.\n")
                    .append("Figures are medians of the measurement iterations; +-: half the fastest-to-slowest"
                            + " spread, % of the median.\n");
        }
        report.out.append('\n');
        report.lookup();
        report.rows();
        report.sql();
        report.memory();
        report.app();
        report.targets();
        report.issueTargets();
        return report.out.toString();
    }

    private void lookup() {
        Score raw = find(JDBC + "lookup", Variant.RAW.name());
        Score proxy = find(JDBC + "lookup", Variant.DATASOURCE_PROXY.name());
        if (raw == null) {
            return;
        }
        out.append("Prepared primary-key lookup (prepare, bind, execute, read 1 row x 4 columns, close), ns/op\n");
        out.append(String.format(Locale.ROOT, "  %-56s %14s %14s %6s %8s %12s%n", "variant", "wall  +-", "cpu  +-",
                "x raw", "over raw", "over raw/(b)"));
        for (Variant variant : Variant.values()) {
            Score score = find(JDBC + "lookup", variant.name());
            if (score == null) {
                continue;
            }
            double over = score.nanos() - raw.nanos();
            String relative = proxy == null || variant == Variant.RAW ? "-"
                    : String.format(Locale.ROOT, "%.2f", over / (proxy.nanos() - raw.nanos()));
            out.append(String.format(Locale.ROOT, "  %-56s %14s %14s %6.2f %8.0f %12s%n", name(variant),
                    cell(score.wall(), 1), cell(score.cpu(), 1), score.nanos() / raw.nanos(), over, relative));
        }
        out.append('\n');
        if (proxy != null) {
            overheadTarget(raw, proxy, Variant.NPLUSONE_SCOPE, "");
            overheadTarget(raw, proxy, Variant.NPLUSONE_SHORT_SCOPES, " (extra: scope per 50 ops)");
        }
        Score proxiedResultSets = find(JDBC + "lookup", Variant.DATASOURCE_PROXY_RESULT_SETS.name());
        Score scoped = find(JDBC + "lookup", Variant.NPLUSONE_SCOPE.name());
        if (proxiedResultSets != null && scoped != null) {
            target("(e) overhead over raw / (b2)'s (floor with ResultSet proxy)", String.format(Locale.ROOT, "%.2f",
                    (scoped.nanos() - raw.nanos()) / (proxiedResultSets.nanos() - raw.nanos())), "info");
        }
    }

    private void overheadTarget(Score raw, Score proxy, Variant variant, String note) {
        Score score = find(JDBC + "lookup", variant.name());
        if (score == null) {
            return;
        }
        double ratio = (score.nanos() - raw.nanos()) / (proxy.nanos() - raw.nanos());
        String figure = String.format(Locale.ROOT, "%.2f", ratio);
        if (score.cpu() != null) {
            double wall = (score.wall().median() - raw.wall().median()) / (proxy.wall().median() - raw.wall().median());
            figure += String.format(Locale.ROOT, " (wall %.2f)", wall);
        }
        target("(" + variant.letter() + ") overhead over raw <= " + OVERHEAD_TARGET + " x (b)'s" + note, figure,
                ratio <= OVERHEAD_TARGET ? "MET" : "MISSED");
    }

    private void rows() {
        Score raw = find(JDBC + "readRows", Variant.RAW.name());
        if (raw == null) {
            return;
        }
        out.append("Reading a 1,000-row result (4 getters per row), us/op\n");
        out.append(String.format(Locale.ROOT, "  %-56s %14s %14s %6s %8s%n", "variant", "wall  +-", "cpu  +-", "x raw",
                "ns/row"));
        for (Variant variant : Variant.values()) {
            Score score = find(JDBC + "readRows", variant.name());
            if (score != null) {
                out.append(String.format(Locale.ROOT, "  %-56s %14s %14s %6.2f %8.0f%n", name(variant),
                        cell(score.wall(), 1e3), cell(score.cpu(), 1e3), score.nanos() / raw.nanos(),
                        (score.nanos() - raw.nanos()) / JdbcBenchmark.ROWS));
            }
        }
        out.append("  (ns/row: cost per row over raw)\n\n");
    }

    private void sql() {
        Score normalizer = find(SQL + "normalizer", null);
        if (normalizer == null) {
            return;
        }
        out.append(String.format(Locale.ROOT, "Fingerprinting statements with inline values (%,d different strings),"
                + " ns/op%n", SqlBenchmark.CORPUS));
        out.append(String.format(Locale.ROOT, "  %-56s %14s %14s %13s%n", "", "wall  +-", "cpu  +-", "x normaliser"));
        String[][] rows = {
            {"normalizer", "nplusone SqlNormalizer.normalize"},
            {"sqlCacheHit", "nplusone SqlCache.statement, cache hit"},
            {"sqlCacheMiss", "nplusone SqlCache.statement, cache miss"},
            {"jsqlparser", "JSqlParser 5.4, parser on the calling thread"},
            {"jsqlparserOnExecutor", "JSqlParser 5.4, on an executor with timeout"},
        };
        for (String[] row : rows) {
            Score score = find(SQL + row[0], null);
            if (score != null) {
                out.append(String.format(Locale.ROOT, "  %-56s %14s %14s %13.1f%n", row[1], cell(score.wall(), 1),
                        cell(score.cpu(), 1), score.nanos() / normalizer.nanos()));
            }
        }
        out.append('\n');
        Score parser = find(SQL + "jsqlparser", null);
        if (parser != null) {
            double ratio = parser.nanos() / normalizer.nanos();
            target("normaliser >= " + (int) PARSER_TARGET + "x faster than JSqlParser",
                    String.format(Locale.ROOT, "%.0fx", ratio), ratio >= PARSER_TARGET ? "MET" : "MISSED");
        }
    }

    /** A figure and its spread, in the table's unit ({@code divisor} nanoseconds); "-" when not measured. */
    private static String cell(Measure measure, double divisor) {
        if (measure == null) {
            return "-";
        }
        String figure = divisor == 1 ? String.format(Locale.ROOT, "%,.0f", measure.median())
                : String.format(Locale.ROOT, "%,.1f", measure.median() / divisor);
        return String.format(Locale.ROOT, "%s %3.0f%%", figure, measure.spreadPercent());
    }

    private void target(String what, String figure, String verdict) {
        targets.add(String.format(Locale.ROOT, "  %-62s %-22s %s", what, figure, verdict));
    }

    private void memory() {
        if (memory.isEmpty()) {
            return;
        }
        out.append("Heap retained by one scope (primary-key lookups, a new key each, row values captured)\n");
        for (Memory probe : memory) {
            out.append(String.format(Locale.ROOT, "  %,d statements, %d shapes x %d call site(s): %,d bytes = %.2f MB"
                    + " (%d findings%s)%n", probe.statements(), probe.shapes(), probe.sites(), probe.retainedBytes(),
                    probe.retainedBytes() / 1e6, probe.findings(), probe.truncated() ? ", bounds reached" : ""));
        }
        out.append('\n');
        Memory first = memory.get(0);
        target(String.format(Locale.ROOT, "one scope < 5 MB after %,d statements (%d shapes x %d site)",
                        first.statements(), first.shapes(), first.sites()),
                String.format(Locale.ROOT, "%.2f MB", first.retainedBytes() / 1e6),
                first.retainedBytes() < MEMORY_TARGET_BYTES ? "MET" : "MISSED");
    }

    private void app() {
        if (app == null || app.none() == null) {
            return;
        }
        out.append(String.format(Locale.ROOT, "Spring Boot application (benchmarks/spring-app), %d alternating round(s);"
                + " agent arguments: %s; load average at the start %s%n", app.rounds(),
                app.agentArguments().isEmpty() ? "none (its defaults)" : app.agentArguments(), app.loadAverage()));
        out.append(String.format(Locale.ROOT, "  %-22s %9s   %-37s   %s%n", "", "start-up",
                "clean page (2 statements), ms", "N+1 page (2 + 50 statements), ms"));
        out.append(String.format(Locale.ROOT, "  %-22s %9s   %-37s   %s%n", "set-up", "ms", ENDPOINT_COLUMNS,
                ENDPOINT_COLUMNS));
        for (AppResult.Setup setup : new AppResult.Setup[] {app.none(), app.agent(), app.url()}) {
            if (setup != null) {
                out.append(String.format(Locale.ROOT, "  %-22s %9.0f   %-37s   %s%n", setup.label(), setup.startupMillis(),
                        endpoint(setup.clean(), app.none().clean()), endpoint(setup.nPlusOne(), app.none().nPlusOne())));
            }
        }
        out.append(String.format(Locale.ROOT, "  (latency: client-side, sequential requests over one kept-alive"
                + " connection; cpu: server JVM, all threads, per request)%n"));
        AppResult.Trivial without = app.withoutAgent();
        AppResult.Trivial with = app.withAgent();
        out.append(String.format(Locale.ROOT, "Trivial DriverManager program (H2 in memory, 7 statements), medians:"
                        + " wall %.0f -> %.0f ms with -javaagent (+%.0f ms), CPU %.0f -> %.0f ms, peak RSS %.0f -> %.0f MB%n%n",
                without.wallMillis(), with.wallMillis(), with.wallMillis() - without.wallMillis(), without.cpuMillis(),
                with.cpuMillis(), without.peakRssKb() / 1024, with.peakRssKb() / 1024));
    }

    private static String endpoint(AppResult.Endpoint endpoint, AppResult.Endpoint none) {
        return String.format(Locale.ROOT, "%6.2f %6.2f %7.2f %6.2f %7.2f", endpoint.median() / 1e6,
                endpoint.p90() / 1e6, endpoint.median() / none.median(), endpoint.cpu() / 1e6,
                endpoint.cpu() / none.cpu());
    }

    private static final String ENDPOINT_COLUMNS = "median    p90  x none    cpu  x none";

    private void issueTargets() {
        List<TargetRow> rows = IssueTargets.rows(scores, app);
        if (rows.stream().allMatch(row -> row.now() == null)) {
            return;
        }
        out.append("Issue 19 targets (ratios: CPU time for JMH, median latency for the application)\n");
        out.append(String.format(Locale.ROOT, "  %-62s %8s %8s %8s %8s  %s%n", "figure", "before", "now", "target",
                "moonshot", "verdict"));
        for (TargetRow row : rows) {
            out.append(String.format(Locale.ROOT, "  %-62s %8s %8s %8s %8s  %s%n", row.figure(),
                    row.before() == null ? "-" : row.unit().format(row.before()), row.unit().format(row.now()),
                    row.unit().format(row.target()), row.unit().format(row.moonshot()), row.verdict()));
        }
    }

    private void targets() {
        if (targets.isEmpty()) {
            return;
        }
        out.append("Targets\n");
        for (String target : targets) {
            out.append(target).append('\n');
        }
        out.append('\n');
    }

    private static String name(Variant variant) {
        return String.format(Locale.ROOT, "(%s) %s", variant.letter(), variant.label());
    }

    private Score find(String benchmark, String variant) {
        return find(scores, benchmark, variant);
    }

    /** The score of a benchmark (and variant), from a pass without the gc profiler when there was one. */
    static Score find(List<Score> scores, String benchmark, String variant) {
        Score profiled = null;
        for (Score score : scores) {
            if (score.benchmark().equals(benchmark) && (variant == null || variant.equals(score.variant()))) {
                if (score.allocationBytes() == null) {
                    return score;
                }
                profiled = profiled == null ? score : profiled;
            }
        }
        return profiled;
    }

    private static Score score(Map<?, ?> result) {
        Map<?, ?> params = (Map<?, ?>) result.get("params");
        Map<?, ?> secondary = (Map<?, ?>) result.get("secondaryMetrics");
        Object cpu = secondary == null ? null : secondary.get(CpuTimeProfiler.METRIC);
        Object allocation = secondary == null ? null : secondary.get(IssueTargets.ALLOCATION_METRIC);
        return new Score(String.valueOf(result.get("benchmark")),
                params == null || params.get("variant") == null ? null : String.valueOf(params.get("variant")),
                measure((Map<?, ?>) result.get("primaryMetric")), cpu == null ? null : measure((Map<?, ?>) cpu),
                allocation == null ? null : number(((Map<?, ?>) allocation).get("score")));
    }

    private static Measure measure(Map<?, ?> metric) {
        double toNanos = nanosPer(String.valueOf(metric.get("scoreUnit")));
        Map<?, ?> percentiles = (Map<?, ?>) metric.get("scorePercentiles");
        double mean = number(metric.get("score"));
        if (percentiles == null) {
            return new Measure(mean * toNanos, mean * toNanos, mean * toNanos);
        }
        return new Measure(number(percentiles.get("50.0")) * toNanos, number(percentiles.get("0.0")) * toNanos,
                number(percentiles.get("100.0")) * toNanos);
    }

    private static double nanosPer(String unit) {
        switch (unit) {
            case "ns/op":
                return 1;
            case "us/op":
                return 1e3;
            case "ms/op":
                return 1e6;
            case "s/op":
                return 1e9;
            default:
                throw new IllegalArgumentException("unsupported JMH unit " + unit + ": run in average-time mode");
        }
    }

    private static String settings(Map<?, ?> result) {
        return String.format(Locale.ROOT, "JMH %s, %s; %s fork(s), %s thread(s), warm-up %s x %s, measurement %s x %s",
                result.get("jmhVersion"), result.get("mode"), integer(result.get("forks")), integer(result.get("threads")),
                integer(result.get("warmupIterations")), result.get("warmupTime"),
                integer(result.get("measurementIterations")), result.get("measurementTime"));
    }

    private static Memory memory(Map<?, ?> json) {
        return new Memory((long) number(json.get("statements")), (long) number(json.get("shapes")),
                (long) number(json.get("sites")), (long) number(json.get("retainedBytes")),
                (long) number(json.get("findings")), Boolean.TRUE.equals(json.get("truncated")));
    }

    private static String integer(Object value) {
        return value instanceof Double d ? String.valueOf(d.longValue()) : String.valueOf(value);
    }

    private static double number(Object value) {
        return value instanceof Double d ? d : Double.parseDouble(String.valueOf(value));
    }
}
