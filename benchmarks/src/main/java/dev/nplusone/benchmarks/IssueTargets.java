package dev.nplusone.benchmarks;

import dev.nplusone.benchmarks.TargetRow.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Issue 19's table of targets, filled from one run's results: the JMH lookup and row figures (CPU time ratios),
 * the allocation per lookup from the {@code -prof gc} pass, and the Spring Boot application's figures. "Before" is
 * the issue's own column, measured on the main branch the issue was filed against.
 */
final class IssueTargets {
    static final String ALLOCATION_METRIC = "gc.alloc.rate.norm";

    private IssueTargets() {
    }

    static List<TargetRow> rows(List<Report.Score> scores, AppResult app) {
        List<TargetRow> rows = new ArrayList<>();
        Report.Score raw = Report.find(scores, Report.JDBC + "lookup", Variant.RAW.name());
        rows.add(new TargetRow("(e) lookup, full detection, long scope, x raw", Unit.RATIO, 2.64,
                lookupRatio(scores, raw, Variant.NPLUSONE_SCOPE), 1.25, 1.10));
        rows.add(new TargetRow("(d) wrapped, detection off, x raw", Unit.RATIO, 1.90,
                lookupRatio(scores, raw, Variant.NPLUSONE_OFF), 1.05, 1.02));
        rows.add(new TargetRow("(e2) scope per 50 statements, close included, x raw", Unit.RATIO, 27.5,
                lookupRatio(scores, raw, Variant.NPLUSONE_SHORT_SCOPES), 1.5, 1.2));
        rows.add(new TargetRow("reading 1,000 rows with value capture (e), ns/row over raw", Unit.NANOS_PER_ROW, 205.0,
                nanosPerRowOverRaw(scores), 25, 10));
        rows.add(new TargetRow("allocation per lookup in (e) over raw, JMH -prof gc", Unit.BYTES, null,
                allocationPerLookup(scores), 100, 0));
        rows.add(appRow("Spring Boot app, N+1 request, agent, latency x without", 1.5, app, AppResult::agent,
                AppResult.Setup::nPlusOne, 1.10, 1.03));
        rows.add(appRow("Spring Boot app, clean request, agent, latency x without", null, app, AppResult::agent,
                AppResult.Setup::clean, 1.05, 1.02));
        rows.add(appRow("Spring Boot app, N+1 request, URL, latency x without", null, app, AppResult::url,
                AppResult.Setup::nPlusOne, 1.10, 1.03));
        rows.add(appRow("Spring Boot app, clean request, URL, latency x without", null, app, AppResult::url,
                AppResult.Setup::clean, 1.05, 1.02));
        rows.add(new TargetRow("agent start-up, trivial program, extra wall", Unit.EXTRA_SECONDS, 1.2,
                app == null ? null : (app.withAgent().wallMillis() - app.withoutAgent().wallMillis()) / 1000, 0.3, 0.15));
        return rows;
    }

    private static Double lookupRatio(List<Report.Score> scores, Report.Score raw, Variant variant) {
        Report.Score score = Report.find(scores, Report.JDBC + "lookup", variant.name());
        return raw == null || score == null ? null : score.nanos() / raw.nanos();
    }

    private static Double nanosPerRowOverRaw(List<Report.Score> scores) {
        Report.Score raw = Report.find(scores, Report.JDBC + "readRows", Variant.RAW.name());
        Report.Score scoped = Report.find(scores, Report.JDBC + "readRows", Variant.NPLUSONE_SCOPE.name());
        return raw == null || scoped == null ? null : (scoped.nanos() - raw.nanos()) / JdbcBenchmark.ROWS;
    }

    /** Bytes per lookup in (e) over raw H2's, both from the {@code -prof gc} pass: what nplusone adds. */
    private static Double allocationPerLookup(List<Report.Score> scores) {
        Double scoped = allocation(scores, Variant.NPLUSONE_SCOPE);
        Double raw = allocation(scores, Variant.RAW);
        return scoped == null || raw == null ? null : Math.max(0, scoped - raw);
    }

    private static Double allocation(List<Report.Score> scores, Variant variant) {
        for (Report.Score score : scores) {
            if (score.benchmark().equals(Report.JDBC + "lookup") && variant.name().equals(score.variant())
                    && score.allocationBytes() != null) {
                return score.allocationBytes();
            }
        }
        return null;
    }

    private static TargetRow appRow(String figure, Double before, AppResult app,
            java.util.function.Function<AppResult, AppResult.Setup> setup,
            java.util.function.Function<AppResult.Setup, AppResult.Endpoint> endpoint, double target, double moonshot) {
        Double ratio = null;
        if (app != null && app.none() != null && setup.apply(app) != null) {
            ToDoubleFunction<AppResult.Setup> median = s -> endpoint.apply(s).median();
            ratio = median.applyAsDouble(setup.apply(app)) / median.applyAsDouble(app.none());
        }
        return new TargetRow(figure, Unit.RATIO, before, ratio, target, moonshot);
    }
}
