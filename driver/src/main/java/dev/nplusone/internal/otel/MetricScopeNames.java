package dev.nplusone.internal.otel;

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
    private static final String CONNECTION_KIND = "connection";

    private final int bound;
    private final Set<String> kept = ConcurrentHashMap.newKeySet();

    MetricScopeNames(int bound) {
        this.bound = bound;
    }

    String of(String name, String kind) {
        String stable = CONNECTION_KIND.equals(kind) ? withoutConnectionNumber(name) : name;
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

    /**
     * {@code connection 17 (orders)} becomes {@code connection (orders)}; {@code connection 17}, {@code connection}. A
     * DriverManager connection is named after its JDBC URL, which may hold a host, a user or a password: in metrics it
     * is just {@code connection}.
     */
    static String withoutConnectionNumber(String name) {
        int space = name.indexOf(' ');
        if (space < 0) {
            return name;
        }
        int end = space + 1;
        while (end < name.length() && Character.isDigit(name.charAt(end))) {
            end++;
        }
        String source = name.substring(end).trim();
        return name.substring(0, space) + (source.isEmpty() || source.startsWith("(jdbc:") ? "" : " " + source);
    }
}
