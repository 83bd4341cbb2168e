package dev.nplusone.internal.report;

import dev.nplusone.Finding;
import java.util.List;

/**
 * A finding as the reports for people and CI see it: the JSON Lines fields, read back from a file or taken from a
 * live {@link Finding}. Kinds and strategies are kept as names, so a report built from the JSON Lines of a newer
 * nplusone still renders the kinds it does not know.
 */
public record ReportedFinding(String id, String kind, String confidence, int executions, int distinctKeys,
                              int maxRows, String sql, String callSite, String parentSql, String parentColumn,
                              int parentRows, Fix fix, long timeNanos, List<String> sampleValues,
                              boolean executionsEstimated) {

    public ReportedFinding {
        sampleValues = sampleValues == null ? List.of() : List.copyOf(sampleValues);
    }

    /** The suggestion: {@code sql} is null when no rewrite could be proven right ({@code reason} says why). */
    public record Fix(String strategy, String sql, int queriesBefore, int queriesAfter, String reason,
                      String frameworkHint) {
    }

    public static ReportedFinding of(Finding finding) {
        Finding.Parent parent = finding.parent();
        Finding.Suggestion suggestion = finding.suggestion();
        Fix fix = suggestion == null ? null : new Fix(suggestion.strategy().name(), suggestion.sql(),
                suggestion.queriesBefore(), suggestion.queriesAfter(), suggestion.reason(), suggestion.frameworkHint());
        return new ReportedFinding(finding.id(), finding.kind().name(), finding.confidence().name(),
                finding.executions(), finding.distinctKeys(), finding.maxRows(), finding.sql(), finding.callSite(),
                parent == null ? null : parent.sql(), parent == null ? null : parent.column(),
                parent == null ? 0 : parent.rows(), fix, finding.timeNanos(), finding.sampleValues(),
                finding.executionsEstimated());
    }
}
