package dev.nplusone.internal.report;

import dev.nplusone.Finding;
import dev.nplusone.ScopeReport;
import dev.nplusone.internal.scope.ScopeActivity;
import java.util.ArrayList;
import java.util.List;

/**
 * One closed scope as the HTML and SARIF reports take it, live from the engine or read back from JSON Lines.
 *
 * @param activity time, per-shape totals and timeline; {@link ScopeActivity#NONE} when not known
 */
public record ClosedScope(String name, String kind, int statements, boolean truncated, List<ReportedFinding> findings,
                          ScopeActivity activity) {

    public ClosedScope {
        findings = List.copyOf(findings);
        activity = activity == null ? ScopeActivity.NONE : activity;
    }

    public static ClosedScope of(ScopeReport report, ScopeActivity activity) {
        List<ReportedFinding> findings = new ArrayList<>(report.findings().size());
        for (Finding finding : report.findings()) {
            findings.add(ReportedFinding.of(finding));
        }
        return new ClosedScope(report.name(), report.kind(), report.statements(), report.truncated(), findings,
                activity);
    }
}
