package dev.nplusone.internal.otel;

import dev.nplusone.ScopeReport;
import dev.nplusone.internal.config.Config;

/**
 * Where closed scopes go in OpenTelemetry. {@link #spanAtOpen()} runs whenever a scope opens (per request), so it
 * is one call that reads the current span; everything else happens when a scope closes.
 */
public interface Telemetry {
    /** No OpenTelemetry, or {@code nplusone.otel=off}: nothing is captured and nothing exported. */
    Telemetry NONE = new Telemetry() {
        @Override
        public Object spanAtOpen() {
            return null;
        }

        @Override
        public void scopeClosed(ScopeReport report, Object span) {
        }
    };

    /** The span current on this thread, to keep with the scope being opened; null when there is none. Never throws. */
    Object spanAtOpen();

    /**
     * Records the scope's statement count and, when it has findings, exports them: as events on {@code span}, the span
     * current when the scope opened, or, for a connection's own scope (which keeps none: a pooled connection outlives
     * the request it first served), on the span current on the closing thread. Never throws.
     */
    void scopeClosed(ScopeReport report, Object span);

    /**
     * NONE when {@code config} says {@code otel=off}; else the application's OpenTelemetry, looked for once, when the
     * first scope opens (on a request thread the agent then sees the application's class loader).
     */
    static Telemetry forConfig(Config config) {
        return config.otel() ? OtelDetection.ON_FIRST_USE : NONE;
    }
}
