package dev.nplusone.agent;

import dev.nplusone.internal.Failures;
import dev.nplusone.internal.report.LiveReports;

/**
 * Called from the code {@link HookWeaver} weaves into the JUnit Platform's launcher (hence public): when the
 * outermost {@code Launcher.execute} on a thread returns, the test plan is over and the agent prints its
 * summary and writes the HTML and SARIF reports. A forked test JVM (Surefire, Gradle) still passes its output to
 * the build then; at JVM exit, in a
 * shutdown hook, it no longer does.
 */
public final class TestPlans {
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private TestPlans() {
    }

    /** A launcher starts executing. Never throws. */
    public static void enter() {
        try {
            DEPTH.get()[0]++;
        } catch (Throwable t) {
            Failures.record("agent test plan", t);
        }
    }

    /** A launcher returned or threw. Never throws. */
    public static void exit() {
        try {
            if (--DEPTH.get()[0] == 0) {
                AgentReporter reporter = AgentRuntime.startedReporter();
                if (reporter != null) {
                    reporter.printSummary();
                    LiveReports.flushAll();
                }
            }
        } catch (Throwable t) {
            Failures.record("agent test plan", t);
        }
    }
}
