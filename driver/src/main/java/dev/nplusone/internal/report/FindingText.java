package dev.nplusone.internal.report;

import java.util.Locale;

/** The words for a finding that the SARIF message, the HTML report and the CLI's output share. */
final class FindingText {
    private FindingText() {
    }

    /** One paragraph: what repeats, how often, where, from which parent, and the fix. */
    static String message(ReportAggregate.FindingSummary summary) {
        ReportedFinding finding = summary.finding();
        StringBuilder text = new StringBuilder(256);
        text.append(KindWords.title(finding.kind())).append(": ").append(finding.sql()).append(" ran ")
                .append(finding.executions()).append(" times in one scope (").append(finding.distinctKeys())
                .append(finding.distinctKeys() == 1 ? " distinct key" : " distinct keys")
                .append(summary.maxExecutions() > finding.executions() ? "; up to " + summary.maxExecutions()
                        + " in another" : "").append(") at ")
                .append(finding.callSite()).append("; found in ").append(summary.scopes())
                .append(summary.scopes() == 1 ? " scope" : " scopes").append(" (")
                .append(String.join(", ", summary.scopeNames())).append(summary.moreScopeNames() ? ", ..." : "")
                .append("), ").append(millis(summary.totalNanos())).append(" in the repeats.");
        if (finding.parentSql() != null) {
            text.append(" Parent: ").append(finding.parentSql()).append(" (column ").append(finding.parentColumn())
                    .append(").");
        }
        ReportedFinding.Fix fix = finding.fix();
        if (fix != null && fix.sql() != null) {
            text.append(" Fix ").append(fix.strategy()).append(": ").append(fix.sql()).append(" (")
                    .append(fix.queriesBefore()).append(" queries -> ").append(fix.queriesAfter()).append(").");
        } else if (fix != null && fix.reason() != null) {
            text.append(" Fix: ").append(fix.reason()).append('.');
        } else if ("DUPLICATE".equals(finding.kind())) {
            text.append(" Fix: run it once and reuse the result (cache it, or hoist it out of the loop).");
        }
        if (fix != null && fix.frameworkHint() != null) {
            text.append(" In code: ").append(fix.frameworkHint());
        }
        return text.toString();
    }

    /** {@code 1.5 ms} below ten milliseconds, {@code 38 ms} above, {@code 2.4 s} from ten seconds. */
    static String millis(long nanos) {
        double millis = nanos / 1_000_000.0;
        if (millis >= 10_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000);
        }
        return HumanReport.millis(nanos);
    }
}
