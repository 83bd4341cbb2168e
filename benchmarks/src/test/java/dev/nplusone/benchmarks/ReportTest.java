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
                lookup("RAW", 1000), lookup("DATASOURCE_PROXY", 1500), lookup("NPLUSONE_SCOPE", 1550),
                lookup("NPLUSONE_SHORT_SCOPES", 2000),
                sql("normalizer", 1.0, "us/op"), sql("jsqlparser", 40.0, "us/op"));
        List<Report.Memory> memory = List.of(new Report.Memory(1_000_000, 100, 1, 3_400_000, 100, true));

        String report = Report.render(runs, memory, "test machine");

        assertTrue(report.contains("test machine"), report);
        // (e) is 550 ns over raw, (b) 500 ns: 1.10
        assertTrue(report.matches("(?s).*\\(e\\) overhead over raw <= 1.2 x \\(b\\)'s\\s+1\\.10.*MET.*"), report);
        assertTrue(report.matches("(?s).*scope per 50 statements\\)\\s+2\\.00.*MISSED.*"), report);
        assertTrue(report.matches("(?s).*JSqlParser\\s+40x\\s+MISSED.*"), report);
        assertTrue(report.matches("(?s).*statements \\(100 shapes\\)\\s+3\\.40 MB\\s+MET.*"), report);
    }

    private static Map<String, Object> lookup(String variant, double nanos) {
        return Map.of("benchmark", Report.JDBC + "lookup", "params", Map.of("variant", variant),
                "primaryMetric", Map.of("score", nanos, "scoreError", 10.0, "scoreUnit", "ns/op"),
                "jmhVersion", "1.37", "mode", "avgt", "forks", 1.0, "threads", 1.0);
    }

    private static Map<String, Object> sql(String method, double micros, String unit) {
        return Map.of("benchmark", Report.SQL + method,
                "primaryMetric", Map.of("score", micros, "scoreError", 0.1, "scoreUnit", unit));
    }
}
