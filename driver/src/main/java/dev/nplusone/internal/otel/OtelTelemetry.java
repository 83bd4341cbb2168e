package dev.nplusone.internal.otel;

import dev.nplusone.Finding;
import dev.nplusone.ScopeReport;
import dev.nplusone.internal.Log;
import dev.nplusone.internal.otel.OtelApi.Attribute;
import dev.nplusone.internal.scope.ScopeRecorder;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exports to one copy of the OpenTelemetry API. Opening a scope reads the current span and nothing else. Closing a
 * scope records the statement histogram (attributes cached per scope name and kind); only a scope with findings
 * builds events and counts them. Instruments are created on the first close after the application has set its
 * global OpenTelemetry.
 */
final class OtelTelemetry implements Telemetry {
    static final String INSTRUMENTATION_SCOPE = "dev.nplusone";
    /** Distinct scope names (routes, tests) given series of their own; later ones are {@code other}. */
    static final int SCOPE_NAME_BOUND = 200;
    /** Statements per scope: a clean page runs a handful, an N+1 page tens to thousands. */
    private static final List<Long> STATEMENT_BUCKETS = List.of(1L, 2L, 5L, 10L, 20L, 50L, 100L, 200L, 500L, 1000L,
            5000L);

    private final OtelApi api;
    private final MetricScopeNames scopeNames = new MetricScopeNames(SCOPE_NAME_BOUND);
    /**
     * Histogram attributes per scope name, then kind (two lookups rather than a concatenated key: a scope without
     * findings must not allocate for its export). Bounded by the scope-name bound times the few kinds.
     */
    private final Map<String, Map<String, Object>> scopeAttributes = new ConcurrentHashMap<>();
    private volatile Instruments instruments;
    private final Map<Object, long[]> findingsPerSpan = new WeakHashMap<>();
    /**
     * Set by the first failure of the OpenTelemetry API: exporting stops for the life of the JVM, said once, while
     * detection goes on (failures here must not count towards switching nplusone itself off).
     */
    private volatile boolean failed;

    OtelTelemetry(OtelApi api) {
        this.api = api;
    }

    private record Instruments(Object findings, Object statements) {
    }

    @Override
    public Object spanAtOpen() {
        if (failed) {
            return null;
        }
        try {
            return api.currentSpan();
        } catch (Throwable t) {
            stop(t);
            return null;
        }
    }

    @Override
    public void scopeClosed(ScopeReport report, Object span) {
        if (failed) {
            return;
        }
        try {
            String scopeName = scopeNames.of(report.name(), report.kind());
            Instruments metrics = instruments();
            if (metrics != null) {
                api.record(metrics.statements(), report.statements(), histogramAttributes(scopeName, report.kind()));
            }
            if (report.findings().isEmpty()) {
                return;
            }
            if (span == null && ScopeRecorder.CONNECTION_KIND.equals(report.kind())) {
                span = spanAtOpen(); // a connection's scope keeps no span: it goes to the one current where it closes
            }
            if (span != null && api.isRecording(span)) {
                for (Finding finding : report.findings()) {
                    api.addEvent(span, FindingEvent.NAME, api.attributes(FindingEvent.attributes(finding)));
                }
                api.setAttribute(span, "nplusone.findings", findingsOnSpan(span, report.findings().size()));
            }
            if (metrics != null) {
                for (Finding finding : report.findings()) {
                    api.add(metrics.findings(), 1, api.attributes(List.of(
                            new Attribute("nplusone.finding.kind", finding.kind().name()),
                            new Attribute("nplusone.finding.id", finding.id()),
                            new Attribute("nplusone.scope.name", scopeName))));
                }
            }
        } catch (Throwable t) {
            stop(t);
        }
    }

    /**
     * The span's findings so far, this scope's included: several scopes can open under one span (a request's
     * connections, with the URL driver), and the attribute counts them all. Spans are held weakly: ended and
     * dropped by the SDK, they leave the map.
     */
    private long findingsOnSpan(Object span, int added) {
        synchronized (findingsPerSpan) {
            long[] count = findingsPerSpan.computeIfAbsent(span, key -> new long[1]);
            count[0] += added;
            return count[0];
        }
    }

    private void stop(Throwable failure) {
        if (!failed) {
            failed = true;
            Log.get().log(System.Logger.Level.WARNING, "nplusone: exporting findings to OpenTelemetry failed and is"
                    + " switched off (" + api + "); detection and the other reports go on: " + failure, failure);
        }
    }

    private Object histogramAttributes(String scopeName, String kind) throws Throwable {
        Map<String, Object> byKind = scopeAttributes.get(scopeName);
        Object attributes = byKind == null ? null : byKind.get(kind);
        if (attributes == null) {
            attributes = api.attributes(List.of(new Attribute("nplusone.scope.name", scopeName),
                    new Attribute("nplusone.scope.kind", kind)));
            scopeAttributes.computeIfAbsent(scopeName, name -> new ConcurrentHashMap<>()).putIfAbsent(kind, attributes);
        }
        return attributes;
    }

    /** The instruments, created once the application's global OpenTelemetry is set; null before. */
    private Instruments instruments() throws Throwable {
        Instruments created = instruments;
        if (created != null) {
            return created;
        }
        Object meter = api.meter(INSTRUMENTATION_SCOPE);
        if (meter == null) {
            return null;
        }
        synchronized (this) {
            if (instruments == null) {
                instruments = new Instruments(
                        api.counter(meter, "nplusone.findings", "Findings reported by nplusone, one per finding per closed scope",
                                "{finding}"),
                        api.histogram(meter, "nplusone.scope.statements", "Statements executed per closed scope",
                                "{statement}", STATEMENT_BUCKETS));
            }
            return instruments;
        }
    }
}
