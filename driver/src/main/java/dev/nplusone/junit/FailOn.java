package dev.nplusone.junit;

import dev.nplusone.Finding;
import dev.nplusone.ScopeReport;
import dev.nplusone.internal.Engine;
import dev.nplusone.internal.config.ReportSettings;
import dev.nplusone.internal.report.Baseline;
import dev.nplusone.internal.report.HumanReport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * {@code nplusone.failOn} for tests the extension scopes without {@link NoNPlusOne}: {@code any} fails a test on any
 * finding, {@code new} on a finding the baseline ({@code nplusone.baseline}) does not accept or whose acceptance
 * expired. {@code none}, the default, fails nothing.
 */
final class FailOn {
    private FailOn() {
    }

    /** The failure for the test whose scope {@code report} is, or null. */
    static AssertionFailedError verdict(ScopeReport report) {
        ReportSettings settings = Engine.get().config().reports();
        if (settings.failOn() == ReportSettings.FailOn.NONE || report.findings().isEmpty()) {
            return null;
        }
        Baseline baseline = Baseline.configured(settings.baseline());
        LocalDate today = LocalDate.now();
        List<String> failing = new ArrayList<>();
        for (Finding finding : report.findings()) {
            Baseline.Status status = baseline.status(finding.id(), today);
            if (settings.failOn() == ReportSettings.FailOn.ANY || status != Baseline.Status.ACCEPTED) {
                failing.add(HumanReport.format(finding, report.name()) + "\n  id      : " + finding.id()
                        + (status == Baseline.Status.EXPIRED ? " (its acceptance in the baseline expired)" : ""));
            }
        }
        if (failing.isEmpty()) {
            return null;
        }
        String why = settings.failOn() == ReportSettings.FailOn.ANY ? "nplusone.failOn=any"
                : "nplusone.failOn=new and the baseline " + (settings.baseline() == null ? "(none set)"
                : settings.baseline()) + " does not accept " + (failing.size() == 1 ? "it" : "them");
        return new AssertionFailedError("Expecting no repeated queries (" + why + "), but " + failing.size()
                + (failing.size() == 1 ? " was" : " were") + " found:\n" + String.join("\n", failing));
    }
}
