package dev.nplusone.agent;

import dev.nplusone.ScopeReport;
import dev.nplusone.internal.Failures;
import dev.nplusone.internal.Log;
import dev.nplusone.internal.jdbc.ConnectionScopes;
import dev.nplusone.internal.report.LiveReports;
import dev.nplusone.internal.report.Reporter;
import dev.nplusone.internal.scope.ScopeRecorder;

/**
 * Where closed scopes go in agent mode. JSON Lines are written per scope, as the contract says, through
 * the engine's reporter; the log says each finding once, then keeps a running count ({@link FindingLog}),
 * because a web application repeats the same request thousands of times. HTTP scopes come here from
 * {@link HttpScopes} once their route is known; every other scope comes from the engine's listener.
 */
final class AgentReporter {
    private static final int SUMMARY_SIZE = 10;

    private final AgentSettings settings;
    private final Reporter json = new Reporter();
    private final FindingLog log = new FindingLog();
    private final TestFindings tests = new TestFindings();
    /** Whether findings were logged since the last summary: a test plan's end and the JVM's exit say each once. */
    private boolean unsummarized;

    AgentReporter(AgentSettings settings) {
        this.settings = settings;
    }

    /** The engine's listener: every closed scope except HTTP ones, which {@link HttpScopes} publishes renamed. */
    void scopeClosed(ScopeReport report, ScopeRecorder recorder) {
        AgentHealth.scopeClosed(report);
        if (!HttpScopes.KIND.equals(report.kind())) {
            publish(report, recorder);
        }
    }

    /**
     * Writes a closed scope to the JSON Lines (those with findings; all with {@code json.all=true}) and the HTML and
     * SARIF reports (all), and logs its findings.
     */
    void publish(ScopeReport report, ScopeRecorder recorder) {
        json.report(report, recorder::activity, settings.json());
        if (report.findings().isEmpty()) {
            return;
        }
        if (settings.user().log()) {
            tests.record(report);
            synchronized (this) {
                unsummarized = true;
            }
            String text = log.record(report);
            if (!text.isEmpty()) {
                Log.get().log(System.Logger.Level.WARNING, text);
            }
        }
    }

    /** At JVM exit: reports the connection scopes still open, then prints the summary and writes HTML and SARIF. */
    void shutdown() {
        try {
            ConnectionScopes.instance().closeAll();
            printSummary();
        } catch (Throwable t) {
            Failures.record("agent shutdown summary", t);
        }
        LiveReports.flushAll();
    }

    /**
     * The tests with findings and the top findings, unless nothing was found since the last summary. Printed
     * to standard error rather than logged: at JVM exit logging frameworks shut down in their own hooks, and at
     * the end of a test plan this is what a build shows of a forked test JVM.
     */
    synchronized void printSummary() {
        if (!settings.user().log() || !unsummarized) {
            return;
        }
        unsummarized = false;
        System.err.print(tests.drain() + log.summary(SUMMARY_SIZE) + jsonNote());
        System.err.flush();
    }

    private String jsonNote() {
        return settings.json().json() == null
                ? "nplusone: for JSON Lines of every scope with findings, add json=<file> to the agent's arguments\n"
                : "nplusone: JSON Lines of every scope with findings: " + settings.json().json().toAbsolutePath() + "\n";
    }
}
