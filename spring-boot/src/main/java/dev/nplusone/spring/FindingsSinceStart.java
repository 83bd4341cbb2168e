package dev.nplusone.spring;

import dev.nplusone.Finding;
import dev.nplusone.ScopeReport;
import dev.nplusone.internal.ConnectionScopeNames;
import dev.nplusone.internal.Engine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.beans.factory.DisposableBean;

/**
 * Every finding since the application started, one entry per finding id however often its scope ran: how often it
 * was found, in which routes (scope names), and the latest evidence and fix. Bounded: past {@code capacity}
 * distinct findings new ones are counted, not kept. What the actuator endpoint serves as JSON.
 */
public final class FindingsSinceStart implements Consumer<ScopeReport>, DisposableBean {
    static final int DEFAULT_CAPACITY = 500;
    /** Routes listed per finding; a finding in more routes says how many more. */
    static final int ROUTES_PER_FINDING = 20;
    /**
     * Distinct routes past the listed ones that are told apart and counted; past them {@code moreRoutes} stops
     * growing (a finding in every test of a big suite would otherwise keep every test's name).
     */
    static final int MORE_ROUTES_COUNTED = 200;

    private final int capacity;
    private final Map<String, Collected> byId = new LinkedHashMap<>();
    private long scopes;
    private long scopesWithFindings;
    private long dropped;

    FindingsSinceStart(int capacity) {
        this.capacity = capacity;
        Engine.get().addListener(this);
    }

    /**
     * One finding as collected so far.
     *
     * @param routes     the first {@link #ROUTES_PER_FINDING} routes (scope names) it was found in, a connection
     *                   scope's named after its data source
     * @param moreRoutes how many other distinct routes it was found in (at most {@link #MORE_ROUTES_COUNTED})
     */
    public record Entry(Finding latest, long occurrences, long executions, int maxExecutions, List<String> routes,
                        int moreRoutes, Instant firstSeen, Instant lastSeen) {
    }

    /** Everything collected, most executions first. */
    public record Snapshot(long scopes, long scopesWithFindings, long findingsNotKept, List<Entry> findings) {
    }

    @Override
    public synchronized void accept(ScopeReport report) {
        scopes++;
        if (report.findings().isEmpty()) {
            return;
        }
        scopesWithFindings++;
        Instant now = Instant.now();
        for (Finding finding : report.findings()) {
            Collected collected = byId.get(finding.id());
            if (collected == null) {
                if (byId.size() >= capacity) {
                    dropped++;
                    continue;
                }
                collected = new Collected(now);
                byId.put(finding.id(), collected);
            }
            collected.add(finding, ConnectionScopeNames.grouped(report.name(), report.kind()), now);
        }
    }

    public synchronized Snapshot snapshot() {
        List<Entry> entries = new ArrayList<>();
        for (Collected collected : byId.values()) {
            entries.add(collected.entry());
        }
        entries.sort(Comparator.comparingLong(Entry::executions).reversed());
        return new Snapshot(scopes, scopesWithFindings, dropped, List.copyOf(entries));
    }

    /** Stops listening when the application context closes (tests start several in one JVM). */
    @Override
    public void destroy() {
        Engine.get().removeListener(this);
    }

    private static final class Collected {
        private final Instant firstSeen;
        private final Set<String> routes = new LinkedHashSet<>();
        private final Set<String> moreRoutes = new HashSet<>();
        private Finding latest;
        private long occurrences;
        private long executions;
        private int maxExecutions;
        private Instant lastSeen;

        Collected(Instant firstSeen) {
            this.firstSeen = firstSeen;
        }

        void add(Finding finding, String route, Instant now) {
            latest = finding;
            occurrences++;
            executions += finding.executions();
            maxExecutions = Math.max(maxExecutions, finding.executions());
            if (routes.size() < ROUTES_PER_FINDING) {
                routes.add(route);
            } else if (!routes.contains(route) && moreRoutes.size() < MORE_ROUTES_COUNTED) {
                moreRoutes.add(route);
            }
            lastSeen = now;
        }

        Entry entry() {
            return new Entry(latest, occurrences, executions, maxExecutions, List.copyOf(routes), moreRoutes.size(), firstSeen,
                    lastSeen);
        }
    }
}
