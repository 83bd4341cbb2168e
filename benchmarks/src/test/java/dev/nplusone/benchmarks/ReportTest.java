package dev.nplusone.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
