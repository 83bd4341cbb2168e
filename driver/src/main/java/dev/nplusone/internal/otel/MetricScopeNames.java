package dev.nplusone.internal.otel;

import dev.nplusone.internal.ConnectionScopeNames;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scope names as metric attributes, with bounded cardinality: the first {@code bound} distinct names keep their
 * own series, later ones are counted as {@code other}, so a service with thousands of tests or unexpected routes
 * cannot flood a metrics backend. A connection scope's name carries its connection's number, unique per
 * checkout: in metrics it is named after its data source only.
 */
final class MetricScopeNames {
    static final String OTHER = "other";

    private final int bound;
    private final Set<String> kept = ConcurrentHashMap.newKeySet();

    MetricScopeNames(int bound) {
        this.bound = bound;
    }

    String of(String name, String kind) {
        String stable = ConnectionScopeNames.grouped(name, kind);
        if (kept.contains(stable)) {
            return stable;
        }
        // Two threads may both pass the size check at the bound: the set then holds one name more, still bounded.
        if (kept.size() < bound) {
            kept.add(stable);
            return stable;
        }
        return OTHER;
    }
}
