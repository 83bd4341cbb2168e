package dev.nplusone.internal.report;

import static dev.nplusone.internal.report.Html.text;

/** One deduplicated finding in the HTML report: counts, where it was found, parent -> loop -> fix. */
final class FindingHtml {
    static final int HEADLINE = 140;

    private FindingHtml() {
    }

    static void render(StringBuilder out, ReportAggregate.FindingSummary summary, ReportView view) {
        ReportedFinding finding = summary.finding();
        String id = Html.idPart(finding.id());
        Baseline.Status status = view.status(finding.id());
        out.append("<article class=\"finding\" id=\"f-").append(id).append("\" data-status=\"").append(status.label())
                .append("\">\n<h3><span class=\"badge kind\">");
        text(out, KindWords.title(finding.kind())).append("</span> ");
        if (!view.baseline().isEmpty()) {
            out.append("<span class=\"badge status-").append(status.label()).append("\">").append(status.label())
                    .append("</span> ");
        }
        out.append("<span class=\"badge\">");
        text(out, finding.confidence()).append("</span> <code class=\"id\">");
        text(out, finding.id()).append("</code><br><code class=\"headline\">");
        text(out, headline(finding.sql())).append("</code></h3>\n");
        stats(out, summary);
        out.append("<dl class=\"chain\">\n");
        if (finding.parentSql() != null) {
            out.append("<dt>Parent</dt><dd><pre>");
            text(out, finding.parentSql()).append("</pre>").append(finding.parentRows()).append(" rows, keys from column <code>");
            text(out, finding.parentColumn()).append("</code></dd>\n");
        }
        out.append("<dt>Loop</dt><dd><pre>");
        text(out, finding.sql()).append("</pre>").append(finding.executions()).append(" executions in one scope")
                .append(summary.maxExecutions() > finding.executions() ? " (up to " + summary.maxExecutions()
                        + " in another), " : ", ")
                .append(finding.distinctKeys()).append(finding.distinctKeys() == 1 ? " distinct key, " : " distinct keys, ")
                .append(finding.maxRows() <= 1 ? "at most 1 row each" : "up to " + finding.maxRows() + " rows each")
                .append(", at ");
        callSite(out, finding.callSite(), view);
        if (finding.executionsEstimated()) {
            out.append(" <span class=\"note\">(count at this call site estimated: not every execution was walked)</span>");
        }
        out.append("</dd>\n");
        fix(out, finding, id);
        if (!finding.sampleValues().isEmpty()) {
            out.append("<dt>Values</dt><dd><code>");
            text(out, String.join(" ", finding.sampleValues())).append("</code></dd>\n");
        }
        Baseline.Entry entry = view.baseline().entry(finding.id());
        if (entry != null) {
            out.append("<dt>Baseline</dt><dd>");
            text(out, entry.reason() == null ? "accepted" : entry.reason());
            if (entry.expires() != null) {
                out.append(status == Baseline.Status.EXPIRED ? " &mdash; expired " : " &mdash; expires ")
                        .append(entry.expires());
            }
            out.append("</dd>\n");
        }
        out.append("</dl>\n</article>\n");
    }

    /** The repeated statement on one line, cut at {@link #HEADLINE} characters (the Loop row has all of it). */
    private static String headline(String sql) {
        if (sql == null) {
            return "";
        }
        return sql.length() <= HEADLINE ? sql : sql.substring(0, HEADLINE) + "\u2026";
    }

    private static void stats(StringBuilder out, ReportAggregate.FindingSummary summary) {
        out.append("<div class=\"stats\">In <b>").append(summary.scopes())
                .append(summary.scopes() == 1 ? "</b> scope: " : "</b> scopes: ");
        String separator = "";
        for (String name : summary.scopeNames()) {
            out.append(separator).append("<span class=\"scope\">");
            text(out, name).append("</span>");
            separator = ", ";
        }
        if (summary.moreScopeNames()) {
            out.append(", &hellip;");
        }
        out.append(". ").append(summary.totalExecutions()).append(" repeated statements in all, <b>")
                .append(Html.time(summary.totalNanos())).append("</b>");
        double share = summary.shareOfScopeSql();
        if (share >= 0) {
            out.append(" (").append(Html.percent(share)).append(" of those scopes' SQL time)");
        }
        out.append(".</div>\n");
    }

    private static void callSite(StringBuilder out, String callSite, ReportView view) {
        String link = view.link(SourceLocator.parse(callSite));
        if (link == null) {
            out.append("<code class=\"site\">");
            text(out, callSite).append("</code>");
            return;
        }
        out.append("<a class=\"site\" href=\"");
        text(out, safeUrl(link)).append("\"><code>");
        text(out, callSite).append("</code></a>");
    }

    /** Only web and file links: a hostile template must not become a {@code javascript:} link. */
    private static String safeUrl(String link) {
        String lower = link.trim().toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("file:") ? link : "#";
    }

    private static void fix(StringBuilder out, ReportedFinding finding, String id) {
        ReportedFinding.Fix fix = finding.fix();
        if (fix == null) {
            if ("DUPLICATE".equals(finding.kind())) {
                out.append("<dt>Fix</dt><dd>Run it once and reuse the result (cache it, or hoist it out of the loop).</dd>\n");
            }
            return;
        }
        out.append("<dt>Fix");
        if (fix.strategy() != null) {
            out.append(" (");
            text(out, fix.strategy()).append(')');
        }
        out.append("</dt><dd>");
        if (fix.sql() != null) {
            out.append("<pre class=\"fix\" id=\"fix-").append(id).append("\">");
            text(out, fix.sql()).append("</pre><button type=\"button\" class=\"copy\" data-target=\"fix-").append(id)
                    .append("\" hidden>Copy</button> ").append(fix.queriesBefore()).append(" queries &rarr; ")
                    .append(fix.queriesAfter());
            if (fix.reason() != null) {
                out.append(". ");
            }
        }
        text(out, fix.reason()).append("</dd>\n");
        if (fix.frameworkHint() != null) {
            out.append("<dt>In code</dt><dd>");
            text(out, fix.frameworkHint()).append("</dd>\n");
        }
    }
}
