package dev.nplusone.internal.report;

import dev.nplusone.Finding;
import dev.nplusone.ScopeReport;
import java.util.Locale;

/** The report a person reads: in the log, and as a JUnit failure message. */
public final class HumanReport {
    private static final String INDENT = "            ";

    private HumanReport() {
    }

    public static String format(ScopeReport report) {
        StringBuilder out = new StringBuilder();
        out.append("nplusone: ").append(report.findings().size())
                .append(report.findings().size() == 1 ? " finding" : " findings")
                .append(" in scope '").append(report.name()).append("' (").append(report.statements())
                .append(report.statements() == 1 ? " statement" : " statements")
                .append(report.truncated() ? ", tracking truncated: counts are lower bounds" : "").append(")\n");
        for (Finding finding : report.findings()) {
            out.append(format(finding, report.name())).append('\n');
        }
        return out.toString();
    }

    public static String format(Finding finding, String scopeName) {
        StringBuilder out = new StringBuilder();
        boolean nPlusOne = finding.kind() == Finding.Kind.N_PLUS_ONE;
        boolean write = finding.kind() == Finding.Kind.WRITE_LOOP;
        boolean unusedJoin = finding.kind() == Finding.Kind.UNUSED_JOIN;
        out.append(KindWords.label(finding.kind())).append(nPlusOne ? " [" + finding.confidence() + "] " : " ")
                .append(finding.executions()).append(" executions, ");
        if (!unusedJoin) {
            String keys = write ? " distinct rows, " : " distinct keys, ";
            out.append(finding.distinctKeys()).append(finding.distinctKeys() == 1 ? keys.replace("rows", "row")
                    .replace("keys", "key") : keys);
        }
        out.append(write ? "1 row changed each" : rows(finding.maxRows())).append(", ").append(millis(finding.timeNanos()))
                .append("   (scope: ").append(scopeName).append(")\n");
        out.append(unusedJoin ? "  run at  : " : "  loop at : ").append(finding.callSite()).append(estimate(finding))
                .append('\n');
        Finding.Parent parent = finding.parent();
        if (parent != null) {
            out.append("  parent  : ").append(parent.sql()).append("   -> ").append(parent.rows())
                    .append(parent.rows() == 1 ? " row" : " rows").append(", column ").append(parent.column()).append('\n');
        }
        out.append(unusedJoin ? "  joins   : " : "  repeated: ").append(finding.sql()).append('\n');
        if (!finding.sampleValues().isEmpty()) {
            out.append("  values  : ").append(String.join(" ", finding.sampleValues())).append('\n');
        }
        Finding.Suggestion suggestion = finding.suggestion();
        if (suggestion != null && suggestion.sql() == null) {
            out.append("  fix     : ").append(suggestion.reason()).append('\n');
        } else if (suggestion != null) {
            out.append(fixLabel(suggestion.strategy())).append(suggestion.sql()).append('\n');
            out.append(INDENT);
            boolean counts = suggestion.strategy() != Finding.Strategy.DROP_JOIN;
            if (counts) {
                out.append(suggestion.queriesBefore()).append(" queries -> ").append(suggestion.queriesAfter());
            }
            if (suggestion.reason() != null) {
                out.append(counts ? "  (" : "(").append(suggestion.reason()).append(')');
            }
            out.append('\n');
            if (suggestion.chain() != null) {
                out.append("  chain   : ").append(suggestion.chain().sql()).append('\n');
                out.append(INDENT).append(suggestion.chain().queriesBefore()).append(" queries -> ")
                        .append(suggestion.chain().queriesAfter()).append("  (both levels joined into the root statement)\n");
            }
            if (suggestion.frameworkHint() != null) {
                out.append("  in code : ").append(suggestion.frameworkHint()).append('\n');
            }
        } else if (finding.kind() == Finding.Kind.DUPLICATE) {
            out.append("  fix     : run it once and reuse the result (cache it, or hoist it out of the loop)\n");
        }
        return out.substring(0, out.length() - 1);
    }

    private static String fixLabel(Finding.Strategy strategy) {
        return switch (strategy) {
            case JOIN -> "  fix JOIN: ";
            case BATCH_IN -> "  fix IN  : ";
            case GROUP_BY -> "  fix GROUP BY: ";
            case JDBC_BATCH -> "  fix BATCH: ";
            case MULTI_ROW_INSERT -> "  fix INSERT: ";
            case WHERE_IN -> "  fix WHERE IN: ";
            case DROP_JOIN -> "  fix DROP JOIN: ";
        };
    }

    /** Why the count at this call site may be off: not every execution's call site was walked. */
    static String estimate(Finding finding) {
        if (!finding.executionsEstimated()) {
            return "";
        }
        return "   (call site walked for " + finding.walkedExecutions() + " of these " + finding.executions()
                + " executions, the others counted here by estimate)";
    }

    private static String rows(int maxRows) {
        if (maxRows <= 1) {
            return "<=1 row each";
        }
        return "up to " + maxRows + " rows each";
    }

    /** {@code 1.5 ms} below ten milliseconds, {@code 38 ms} above. */
    public static String millis(long nanos) {
        double millis = nanos / 1_000_000.0;
        return millis < 10 ? String.format(Locale.ROOT, "%.1f ms", millis) : String.format(Locale.ROOT, "%d ms", Math.round(millis));
    }
}
