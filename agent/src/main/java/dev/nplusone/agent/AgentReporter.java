package dev.nplusone.agent;

import dev.nplusone.ScopeReport;
import dev.nplusone.internal.Failures;
import dev.nplusone.internal.Log;
import dev.nplusone.internal.jdbc.ConnectionScopes;
import dev.nplusone.internal.report.Reporter;

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

    AgentReporter(AgentSettings settings) {
        this.settings = settings;
    }

    /** The engine's listener: every closed scope except HTTP ones, which {@link HttpScopes} publishes renamed. */
    void scopeClosed(ScopeReport report) {
        if (!HttpScopes.KIND.equals(report.kind())) {
            publish(report);
        }
    }

    void publish(ScopeReport report) {
        if (report.findings().isEmpty()) {
            return;
        }
        if (settings.json().json() != null) {
            json.report(report, settings.json());
        }
        if (settings.user().log()) {
            String text = log.record(report);
            if (!text.isEmpty()) {
                Log.get().log(System.Logger.Level.WARNING, text);
            }
        }
    }

    /**
     * At JVM exit: reports the connection scopes still open, then prints the top findings. Printed to
     * standard error rather than logged, because logging frameworks shut down in their own hooks.
     */
    void shutdown() {
        try {
            ConnectionScopes.instance().closeAll();
            if (settings.user().log()) {
                System.err.print(log.summary(SUMMARY_SIZE));
                System.err.flush();
            }
        } catch (Throwable t) {
            Failures.record("agent shutdown summary", t);
        }
    }
}
