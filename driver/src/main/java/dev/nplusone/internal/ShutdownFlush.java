package dev.nplusone.internal;

import dev.nplusone.internal.jdbc.ConnectionScopes;
import dev.nplusone.internal.report.LiveReports;

/**
 * At JVM shutdown, reports the connection scopes still open (pooled connections are rarely closed), then writes the
 * HTML and SARIF reports with everything.
 */
final class ShutdownFlush {
    private ShutdownFlush() {
    }

    static void register() {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(ShutdownFlush::flush, "nplusone-shutdown"));
        } catch (Throwable t) {
            Failures.record("shutdown hook", t);
        }
    }

    private static void flush() {
        try {
            ConnectionScopes.instance().closeAll();
        } catch (Throwable t) {
            Failures.record("shutdown report", t);
        }
        LiveReports.flushAll();
    }
}
