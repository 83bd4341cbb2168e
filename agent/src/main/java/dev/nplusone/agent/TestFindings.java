package dev.nplusone.agent;

import dev.nplusone.Finding;
import dev.nplusone.ScopeReport;
import dev.nplusone.internal.scope.ScopeRecorder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tests (and fixtures) whose scopes had findings, one line each, for the summary at the end of a test
 * plan, the way Surefire lists its failures: the test, then its costliest finding and where the loop is.
 */
final class TestFindings {
    /** Tests listed in one summary; past this they are counted. */
    static final int MAX_LISTED = 200;

    private final Map<String, String> lineByTest = new LinkedHashMap<>();
    private int unlisted;

    /** Notes a closed scope's findings when it is a test's; each test is listed once, with its first findings. */
    synchronized void record(ScopeReport report) {
        if (!ScopeRecorder.TEST_KIND.equals(report.kind()) || report.findings().isEmpty()
                || lineByTest.containsKey(report.name())) {
            return;
        }
        if (lineByTest.size() >= MAX_LISTED) {
            unlisted++;
            return;
        }
        lineByTest.put(report.name(), line(report));
    }

    /** The lines noted since the last call, under a heading, or an empty string when there are none. */
    synchronized String drain() {
        int tests = lineByTest.size() + unlisted;
        if (tests == 0) {
            return "";
        }
        StringBuilder out = new StringBuilder("nplusone: ").append(tests)
                .append(tests == 1 ? " test ran" : " tests ran").append(" repeated queries\n");
        lineByTest.values().forEach(line -> out.append("  ").append(line).append('\n'));
        if (unlisted > 0) {
            out.append("  ... and ").append(unlisted).append(" more\n");
        }
        lineByTest.clear();
        unlisted = 0;
        return out.toString();
    }

    private static String line(ScopeReport report) {
        Finding worst = report.findings().get(0);
        for (Finding finding : report.findings()) {
            if (finding.timeNanos() > worst.timeNanos()) {
                worst = finding;
            }
        }
        int others = report.findings().size() - 1;
        return report.name() + ": " + FindingLog.label(worst) + " " + worst.executions() + " x " + worst.sql()
                + "   loop at " + worst.callSite() + (others == 0 ? "" : "   (+" + others + " more)");
    }
}
