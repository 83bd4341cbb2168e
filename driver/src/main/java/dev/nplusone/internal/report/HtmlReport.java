package dev.nplusone.internal.report;

import static dev.nplusone.internal.report.Html.text;

import dev.nplusone.internal.config.ReportSettings;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The self-contained HTML report: an overview of every scope (clean ones too), the findings deduplicated by id with
 * their parent, loop and fix, and the statement timelines of scopes with findings. No network, no script or style
 * other than the two inline blocks its Content-Security-Policy allows by hash; every string from the application
 * (SQL, route and test names, call sites) is escaped.
 */
public final class HtmlReport {
    private static final String CSP = "default-src 'none'; style-src " + Html.cspHash(HtmlAssets.CSS)
            + "; script-src " + Html.cspHash(HtmlAssets.JS) + "; img-src data:; base-uri 'none'; form-action 'none'";

    private HtmlReport() {
    }

    /** The report of a running application's scopes so far, against its settings (baseline, source links). */
    public static String render(ReportAggregate aggregate, ReportSettings settings, String origin) {
        return render(aggregate, ReportView.of(settings, Baseline.configured(settings.baseline()), origin, false));
    }

    public static String render(ReportAggregate aggregate, ReportView view) {
        List<ReportAggregate.FindingSummary> findings = aggregate.findings();
        StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<link rel=\"icon\" href=\"data:,\">\n<title>nplusone report</title>\n<style>")
                .append(HtmlAssets.CSS).append("</style>\n</head><body>\n");
        header(out, aggregate, findings, view);
        overview(out, aggregate);
        findings(out, findings, view);
        baseline(out, findings, view);
        timelines(out, aggregate);
        out.append("<script>").append(HtmlAssets.JS).append("</script>\n</body></html>\n");
        return out.toString();
    }

    private static void header(StringBuilder out, ReportAggregate aggregate, List<ReportAggregate.FindingSummary> findings,
                               ReportView view) {
        int fresh = 0;
        int accepted = 0;
        int expired = 0;
        for (ReportAggregate.FindingSummary summary : findings) {
            switch (view.status(summary.id())) {
                case NEW -> fresh++;
                case ACCEPTED -> accepted++;
                case EXPIRED -> expired++;
            }
        }
        out.append("<header><h1>nplusone report</h1><p class=\"muted\">");
        text(out, view.origin()).append(" &middot; written ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z"))).append("</p>\n");
        out.append("<p class=\"summary\" id=\"summary\"><span><b>").append(aggregate.scopes()).append("</b> scopes</span><span><b>")
                .append(aggregate.statements()).append("</b> statements</span><span><b>").append(findings.size())
                .append("</b> findings</span>");
        if (!view.baseline().isEmpty()) {
            out.append("<span><span class=\"badge status-new\">").append(fresh).append(" new</span> <span class=\"badge"
                    + " status-accepted\">").append(accepted).append(" accepted</span> <span class=\"badge status-expired\">")
                    .append(expired).append(" expired</span></span>");
        }
        out.append("</p>\n");
        if (aggregate.scopesMissed() > 0) {
            out.append("<p class=\"note\">").append(aggregate.scopesMissed()).append(" scopes closed faster than the"
                    + " report could take them and are not counted here (the JSON Lines have every scope).</p>\n");
        }
        if (aggregate.findingsDropped() > 0) {
            out.append("<p class=\"note\">").append(aggregate.findingsDropped()).append(" occurrences of findings past the"
                    + " first ").append(ReportAggregate.MAX_FINDINGS).append(" distinct ones are not listed.</p>\n");
        }
        out.append("</header>\n");
    }

    private static void overview(StringBuilder out, ReportAggregate aggregate) {
        out.append("<h2 id=\"scopes\">Scopes</h2>\n<p class=\"note\">One row per scope name: requests by route, tests"
                + " by name, explicit scopes. Per run: statements, statements whose shape ran more than once"
                + " (similar), statements that repeated an earlier one with the same values (duplicates), time in"
                + " SQL.</p>\n<table class=\"sortable\" id=\"scope-table\"><thead><tr><th data-sort=\"text\">Scope</th>"
                + "<th data-sort=\"text\">Kind</th><th class=\"n\" data-sort=\"num\">Runs</th>"
                + "<th class=\"n\" data-sort=\"num\">Statements</th><th class=\"n\" data-sort=\"num\">Max</th>"
                + "<th class=\"n\" data-sort=\"num\">Similar</th><th class=\"n\" data-sort=\"num\">Duplicates</th>"
                + "<th class=\"n\" data-sort=\"num\">SQL time</th><th class=\"n\" data-sort=\"num\">Findings</th>"
                + "</tr></thead><tbody>\n");
        for (ReportAggregate.ScopeRow row : aggregate.rows()) {
            out.append(row.findings() > 0 ? "<tr class=\"has-findings\"><td>" : "<tr><td>");
            text(out, row.name());
            if (row.truncated()) {
                out.append(" <span class=\"note\" title=\"more shapes or keys than tracked: counts are lower bounds\">"
                        + "(truncated)</span>");
            }
            out.append("</td><td>");
            text(out, row.kind()).append("</td>");
            number(out, row.count(), String.valueOf(row.count()));
            number(out, row.meanStatements(), Html.decimal(row.meanStatements()));
            number(out, row.maxStatements(), String.valueOf(row.maxStatements()));
            number(out, row.meanSimilar(), Html.decimal(row.meanSimilar()));
            number(out, row.meanDuplicates(), Html.decimal(row.meanDuplicates()));
            number(out, row.meanSqlNanos(), Html.time(row.meanSqlNanos()));
            number(out, row.findings(), String.valueOf(row.findings()));
            out.append("</tr>\n");
        }
        out.append("</tbody></table>\n");
    }

    private static void number(StringBuilder out, double sortValue, String shown) {
        out.append("<td class=\"n\" data-v=\"").append(Html.decimal(sortValue)).append("\">").append(shown).append("</td>");
    }

    private static void findings(StringBuilder out, List<ReportAggregate.FindingSummary> findings, ReportView view) {
        out.append("<h2 id=\"findings\">Findings</h2>\n");
        if (findings.isEmpty()) {
            out.append("<p>No N+1 or duplicate queries found.</p>\n");
        }
        for (ReportAggregate.FindingSummary summary : findings) {
            FindingHtml.render(out, summary, view);
        }
    }

    private static void baseline(StringBuilder out, List<ReportAggregate.FindingSummary> findings, ReportView view) {
        if (view.baseline().isEmpty()) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (ReportAggregate.FindingSummary summary : findings) {
            seen.add(summary.id());
        }
        List<Baseline.Entry> stale = view.baseline().stale(seen);
        if (stale.isEmpty()) {
            return;
        }
        out.append("<h2 id=\"stale\">").append(view.fullRun() ? "Stale baseline entries" : "Baseline entries not seen yet")
                .append("</h2>\n<p class=\"note\">").append(view.fullRun()
                        ? "These accepted findings matched nothing in this run: remove them from the baseline."
                        : "These accepted findings have not occurred in this run so far.")
                .append("</p>\n<ul class=\"stale\">\n");
        for (Baseline.Entry entry : stale) {
            out.append("<li><code>");
            text(out, entry.id()).append("</code> ");
            text(out, entry.kind()).append(" <code>");
            text(out, entry.sql()).append("</code> at <code>");
            text(out, entry.callSite()).append("</code>");
            if (entry.reason() != null) {
                out.append(" &mdash; ");
                text(out, entry.reason());
            }
            out.append("</li>\n");
        }
        out.append("</ul>\n");
    }

    private static void timelines(StringBuilder out, ReportAggregate aggregate) {
        List<ReportAggregate.TimelineSample> samples = aggregate.timelines();
        if (samples.isEmpty()) {
            return;
        }
        out.append("<h2 id=\"timelines\">Statement timelines</h2>\n<p class=\"note\">Scopes with findings, the latest of"
                + " each name: one bar per statement at its offset from the scope's start, one colour per shape; a"
                + " loop's repeats are one row (open it for each repeat).");
        if (aggregate.timelinesNotShown() > 0) {
            out.append(" ").append(aggregate.timelinesNotShown()).append(" more scopes with findings are not drawn.");
        }
        out.append("</p>\n");
        for (int i = 0; i < samples.size(); i++) {
            TimelineHtml.render(out, samples.get(i).scope(), i);
        }
    }
}
