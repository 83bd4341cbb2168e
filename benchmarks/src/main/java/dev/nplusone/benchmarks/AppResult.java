package dev.nplusone.benchmarks;

import java.util.Map;

/** What {@link AppBench} measured, as {@link Report} reads it back from app-bench.json. */
record AppResult(Setup none, Setup agent, Setup url, Trivial withoutAgent, Trivial withAgent, String agentArguments,
        int rounds, String loadAverage) {

    /** One endpoint in one set-up: median and p90 latency and server CPU time per request, in nanoseconds. */
    record Endpoint(double median, double p90, double cpu, long requests) {
        static Endpoint of(Map<?, ?> json) {
            return new Endpoint(number(json, "medianNanos"), number(json, "p90Nanos"), number(json, "cpuNanosPerRequest"),
                    (long) number(json, "requests"));
        }
    }

    record Setup(String label, double startupMillis, Endpoint clean, Endpoint nPlusOne) {
        static Setup of(Map<?, ?> json) {
            return json == null ? null : new Setup(String.valueOf(json.get("label")), number(json, "startupMedianMillis"),
                    Endpoint.of((Map<?, ?>) json.get("clean")), Endpoint.of((Map<?, ?>) json.get("nPlusOne")));
        }
    }

    /** The trivial JDBC program's medians: wall and CPU time in milliseconds, peak resident memory in kB. */
    record Trivial(double wallMillis, double cpuMillis, double peakRssKb) {
        static Trivial of(Map<?, ?> json) {
            return new Trivial(number(json, "medianWallMillis"), number(json, "medianCpuMillis"),
                    number(json, "medianPeakRssKb"));
        }
    }

    static boolean is(Object json) {
        return json instanceof Map<?, ?> map && "app-bench".equals(map.get("kind"));
    }

    static AppResult of(Map<?, ?> json) {
        Map<?, ?> setups = (Map<?, ?>) json.get("setups");
        Map<?, ?> trivial = (Map<?, ?>) json.get("trivialProgram");
        Map<?, ?> settings = (Map<?, ?>) json.get("settings");
        return new AppResult(Setup.of((Map<?, ?>) setups.get("none")), Setup.of((Map<?, ?>) setups.get("agent")),
                Setup.of((Map<?, ?>) setups.get("url")), Trivial.of((Map<?, ?>) trivial.get("withoutAgent")),
                Trivial.of((Map<?, ?>) trivial.get("withAgent")), String.valueOf(settings.get("agentArgs")),
                (int) number(settings, "rounds"), String.valueOf(json.get("loadAverageBefore")));
    }

    private static double number(Map<?, ?> json, String key) {
        Object value = json.get(key);
        return value instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(value));
    }
}
