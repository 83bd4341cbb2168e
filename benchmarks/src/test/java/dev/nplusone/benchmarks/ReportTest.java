package dev.nplusone.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void reads_jmh_json_including_nan_errors() {
        Object parsed = Json.parse("[{\"benchmark\":\"x.y\",\"params\":{\"variant\":\"RAW\"},"
                + "\"primaryMetric\":{\"score\":1.5E3,\"scoreError\":\"NaN\",\"scoreUnit\":\"ns/op\"},"
                + "\"flag\":true,\"none\":null,\"text\":\"a\\\"b\\u0041\"}]");

        Map<?, ?> run = (Map<?, ?>) ((List<?>) parsed).get(0);
        assertEquals(1500.0, ((Map<?, ?>) run.get("primaryMetric")).get("score"));
        assertEquals("NaN", ((Map<?, ?>) run.get("primaryMetric")).get("scoreError"));
        assertEquals("a\"bA", run.get("text"));
        assertEquals(Boolean.TRUE, run.get("flag"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":1"));
    }

    @Test
    void prints_ratios_and_checks_the_three_targets() {
        List<?> runs = List.of(
                lookup("RAW", 1000, 1000), lookup("DATASOURCE_PROXY", 1500, 1500),
                lookup("NPLUSONE_SCOPE", 1550, 1550), lookup("NPLUSONE_SHORT_SCOPES", 2000, 2000),
                sql("normalizer", 1.0, "us/op"), sql("jsqlparser", 40.0, "us/op"));
        List<Report.Memory> memory = List.of(new Report.Memory(1_000_000, 100, 1, 3_400_000, 100, true));

        String report = Report.render(runs, memory, "test machine");

        assertTrue(report.contains("test machine"), report);
        // (e) is 550 ns over raw, (b) 500 ns: 1.10
        assertTrue(report.matches("(?s).*\\(e\\) overhead over raw <= 1.2 x \\(b\\)'s\\s+1\\.10 .*MET.*"), report);
        assertTrue(report.matches("(?s).*scope per 50 ops\\)\\s+2\\.00 .*MISSED.*"), report);
        assertTrue(report.matches("(?s).*JSqlParser\\s+40x\\s+MISSED.*"), report);
        assertTrue(report.matches("(?s).*100 shapes x 1 site\\)\\s+3\\.40 MB\\s+MET.*"), report);
    }

    @Test
    void ratios_use_cpu_time_when_the_run_measured_it() {
        // wall time says (e) costs 3x (b)'s overhead, CPU time 1.1x: a loaded machine slowed the (e) fork
        List<?> runs = List.of(lookup("RAW", 1000, 900), lookup("DATASOURCE_PROXY", 1500, 1400),
                lookup("NPLUSONE_SCOPE", 2500, 1450));

        String report = Report.render(runs, List.of(), "test machine");

        assertTrue(report.contains("Ratios use CPU time"), report);
        assertTrue(report.matches("(?s).*\\(e\\) overhead over raw <= 1.2 x \\(b\\)'s\\s+1\\.10 \\(wall 3\\.00\\).*MET.*"),
                report);
    }

    /** A run of both benchmarks: JMH (with the gc pass) and the application, figures chosen to hit each verdict. */
    private static final String APP_BENCH = """
            {"kind": "app-bench", "settings": {"rounds": "3", "agentArgs": ""}, "loadAverageBefore": "1.00 1.00 1.00",
             "trivialProgram": {
               "withoutAgent": {"medianWallMillis": 700, "medianCpuMillis": 500, "medianPeakRssKb": 51200},
               "withAgent": {"medianWallMillis": 900, "medianCpuMillis": 800, "medianPeakRssKb": 81920}},
             "setups": {
               "none": {"label": "without nplusone", "startupMedianMillis": 3000,
                 "clean": {"requests": 3000, "medianNanos": 2000000, "p90Nanos": 2500000, "cpuNanosPerRequest": 1800000},
                 "nPlusOne": {"requests": 1200, "medianNanos": 5000000, "p90Nanos": 6000000, "cpuNanosPerRequest": 4000000}},
               "agent": {"label": "-javaagent", "startupMedianMillis": 3400,
                 "clean": {"requests": 3000, "medianNanos": 2200000, "p90Nanos": 2700000, "cpuNanosPerRequest": 2000000},
                 "nPlusOne": {"requests": 1200, "medianNanos": 5100000, "p90Nanos": 6100000, "cpuNanosPerRequest": 4100000}}}}
            """;

    private static List<TargetRow> knownTargets() {
        List<?> runs = List.of(lookup("RAW", 1000, 1000), lookup("NPLUSONE_SCOPE", 1200, 1200),
                lookup("NPLUSONE_OFF", 1030, 1030), lookup("NPLUSONE_SHORT_SCOPES", 2000, 2000),
                allocation("RAW", 2200), allocation("NPLUSONE_SCOPE", 2248));
        return IssueTargets.rows(Report.scores(runs), AppResult.of((Map<?, ?>) Json.parse(APP_BENCH)));
    }

    @Test
    void target_table_gives_each_issue_figure_its_value_and_verdict() {
        List<TargetRow> rows = knownTargets();

        assertEquals("MET", row(rows, "(e) ").verdict()); // 1.20: within 1.25, not the 1.10 moonshot
        assertEquals(1.20, row(rows, "(e) ").now(), 1e-9); // the gc pass's slower lookup is not the one compared
        assertEquals("MET", row(rows, "(d) ").verdict()); // 1.03
        assertEquals("MISSED", row(rows, "(e2) ").verdict()); // 2.00 over 1.5
        assertEquals("not measured", row(rows, "reading 1,000 rows").verdict());
        assertEquals("48 B", TargetRow.Unit.BYTES.format(row(rows, "allocation").now())); // over raw's 2,200
        assertEquals("MET", row(rows, "allocation").verdict());
        assertEquals("MET (moonshot)", row(rows, "Spring Boot app, N+1 request, agent").verdict()); // 5.1 / 5.0 ms
        assertEquals("MISSED", row(rows, "Spring Boot app, clean request, agent").verdict()); // 2.2 / 2.0 ms
        assertEquals("not measured", row(rows, "Spring Boot app, clean request, URL").verdict());
        assertEquals("+0.20 s", TargetRow.Unit.EXTRA_SECONDS.format(row(rows, "agent start-up").now()));
        assertEquals("MET", row(rows, "agent start-up").verdict());
    }

    @Test
    void report_prints_the_target_table_and_the_application_figures() {
        List<?> runs = List.of(lookup("RAW", 1000, 1000), lookup("NPLUSONE_SHORT_SCOPES", 2000, 2000));

        String report = Report.render(runs, List.of(), AppResult.of((Map<?, ?>) Json.parse(APP_BENCH)), "test machine");

        assertTrue(report.matches("(?s).*\\(e2\\) scope per 50 statements, close included, x raw\\s+27\\.50x\\s+2\\.00x"
                + "\\s+1\\.50x\\s+1\\.20x\\s+MISSED\n.*"), report);
        // median, p90, x none, server CPU, x none: clean then N+1
        assertTrue(report.matches("(?s).*\n  -javaagent\\s+3400\\s+2\\.20\\s+2\\.70\\s+1\\.10\\s+2\\.00\\s+1\\.11"
                + "\\s+5\\.10\\s+6\\.10\\s+1\\.02\\s+4\\.10\\s+1\\.03\n.*"), report);
        assertTrue(report.contains("wall 700 -> 900 ms with -javaagent (+200 ms)"), report);
    }

    @Test
    void chart_draws_one_bar_per_ratio_coloured_by_its_verdict_with_target_and_moonshot_marks() {
        List<TargetRow> rows = knownTargets();
        long ratios = rows.stream().filter(row -> row.unit() == TargetRow.Unit.RATIO).count();

        String svg = BenchmarkChart.svg(rows, "test machine");

        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
        assertTrue(svg.contains(">(e2) scope per 50 statements, close included, x raw</text>"), svg);
        assertTrue(svg.contains("fill=\"" + BenchmarkChart.MISSED_COLOUR + "\"><title>MISSED: 2.00x</title>"), svg);
        assertTrue(svg.contains("fill=\"" + BenchmarkChart.MET_COLOUR + "\"><title>MET: 1.20x</title>"), svg);
        assertTrue(svg.contains("<title>before: 27.50x</title>"), svg);
        assertTrue(svg.contains(">not measured</text>"), svg); // the URL rows: this run had no URL set-up
        assertFalse(svg.contains("agent start-up"), svg); // seconds, bytes and ns/row are not ratios
        // one target and one moonshot mark per ratio row, and one of each in the legend
        assertEquals(ratios + 1, count(svg, "stroke=\"#24292f\""));
        assertEquals(ratios + 1, count(svg, "stroke-dasharray"));
    }

    private static TargetRow row(List<TargetRow> rows, String figurePrefix) {
        return rows.stream().filter(row -> row.figure().startsWith(figurePrefix)).findFirst().orElseThrow();
    }

    private static long count(String text, String part) {
        return (text.length() - text.replace(part, "").length()) / part.length();
    }

    private static Map<String, Object> allocation(String variant, double bytesPerOp) {
        Map<String, Object> result = lookup(variant, 1100, 1100);
        result.put("secondaryMetrics", Map.of(IssueTargets.ALLOCATION_METRIC, metric(bytesPerOp, "B/op")));
        return result;
    }

    private static Map<String, Object> lookup(String variant, double wallNanos, double cpuNanos) {
        Map<String, Object> result = new java.util.HashMap<>(Map.of("benchmark", Report.JDBC + "lookup",
                "params", Map.of("variant", variant),
                "primaryMetric", metric(wallNanos, "ns/op"),
                "jmhVersion", "1.37", "mode", "avgt", "forks", 1.0, "threads", 1.0));
        if (cpuNanos != wallNanos) {
            result.put("secondaryMetrics", Map.of(CpuTimeProfiler.METRIC, metric(cpuNanos, "ns/op")));
        }
        return result;
    }

    private static Map<String, Object> metric(double score, String unit) {
        return Map.of("score", score, "scoreError", 10.0, "scoreUnit", unit,
                "scorePercentiles", Map.of("0.0", score * 0.9, "50.0", score, "100.0", score * 1.1));
    }

    private static Map<String, Object> sql(String method, double micros, String unit) {
        return Map.of("benchmark", Report.SQL + method, "primaryMetric", metric(micros, unit));
    }
}
