package dev.nplusone.internal.scope;

import dev.nplusone.ScopeReport;
import dev.nplusone.StatementType;
import dev.nplusone.internal.Faults;
import dev.nplusone.internal.sql.Shape;
import dev.nplusone.internal.sql.SqlCache;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What one unit of work executed, kept as counters per shape and call site rather than a list of
 * executions, so memory is bounded whatever the statement count. Past the bounds the scope keeps counting
 * statements and marks itself truncated.
 *
 * <p>Thread-safe through its own monitor: a scope normally lives on one thread (uncontended locking is
 * cheap), but may be carried onto others.
 */
public final class ScopeRecorder implements KeySet.KeyBudget {
    static final int MAX_SHAPES = 2_000;
    static final int MAX_KEYS_PER_GROUP = 1_024;
    static final int MAX_KEYS_PER_SCOPE = 100_000;
    static final int MAX_SOURCES = 1_024;
    /**
     * Executions whose key values are logged for parent linking, over all groups: 256 groups' worth. Without
     * it a scope of 2,000 shapes run 256 times each kept 25 MB of logs; with it, at most 6 MB.
     */
    static final int MAX_LOGGED_PER_SCOPE = 256 * ShapeGroup.LOGGED_EXECUTIONS;

    /** The kind of the scopes the JUnit helpers open: their call sites are walked for every execution. */
    public static final String TEST_KIND = "test";
    /** The kind of a connection's own scope, the fallback unit of work from checkout to close. */
    public static final String CONNECTION_KIND = "connection";

    private volatile String name;
    private final String kind;
    /** The OpenTelemetry span current when the scope opened, or null: where its findings go as events. */
    private final Object span;
    private final int threshold;
    private final long startNanos = System.nanoTime();
    private final Map<Shape, ShapeEntry> shapes = new LinkedHashMap<>();
    // Created when the scope first reads a result value: many scopes (writes, counts, empty ones) never do.
    private Map<SourceKey, ResultSource> sourcesByKey;
    private List<ResultSource> sources = List.of();
    private ValueIndex values;
    private final WalkBudget walkBudget = WalkBudget.create();
    private final Timeline timeline = new Timeline();
    private final ShapeKeyBudget shapeKeyBudget = new ShapeKeyBudget();
    private int statements;
    private long sequence;
    private int keysStored;
    private int executionsLogged;
    private boolean truncated;
    private final Object closing = new Object();
    private volatile boolean closed;
    private ScopeReport report; // guarded by closing
    /** Whether the engine reports the scope: its activity is final then, and made once. */
    private boolean reporting; // guarded by this
    /** Kept once reported: the JSON Lines, the HTML report and the actuator page all read the same one. */
    private ScopeActivity reportedActivity; // guarded by this

    public ScopeRecorder(String name, String kind, int threshold) {
        this(name, kind, threshold, null);
    }

    /** @param span the OpenTelemetry span current on the opening thread (see {@code internal.otel}), or null */
    public ScopeRecorder(String name, String kind, int threshold, Object span) {
        this.name = name;
        this.kind = kind;
        this.threshold = threshold;
        this.span = span;
    }

    /** Records one execution; returns its group (for time and rows), or null when past the shape bound. */
    public synchronized ShapeGroup record(SqlCache.Statement statement, long keyHash, long[] keyValues, int keyCount,
                                          boolean batched, String sample) {
        Faults.check(Faults.Stage.SCOPE_RECORDING);
        statements++;
        long executionSequence = ++sequence;
        Shape shape = statement.shape();
        ShapeEntry entry = shapes.get(shape);
        if (entry == null) {
            if (shapes.size() >= MAX_SHAPES) {
                truncated = true;
                return null;
            }
            entry = new ShapeEntry(shape, new CallSiteSampling(walkBudget, kind.equals(TEST_KIND)),
                    new KeySet(MAX_KEYS_PER_GROUP));
            shapes.put(shape, entry);
        }
        ShapeGroup group = entry.record(threshold, executionSequence, keyHash, keyValues, keyCount, batched, sample, this);
        group.rememberSql(statement.sql());
        return group;
    }

    /** Adds an execution's time, {@code nanos} from {@code startedAt} ({@link System#nanoTime()}), to its group. */
    public synchronized void addNanos(ShapeGroup group, long startedAt, long nanos) {
        group.addNanos(nanos);
        timeline.add(group.shape(), startedAt - startNanos, nanos);
    }

    /** The column of a shape's results that values are being read from, or null past the source bound. */
    public synchronized ResultSource source(Shape shape, String column) {
        if (sourcesByKey == null) {
            sourcesByKey = new HashMap<>();
            sources = new ArrayList<>();
            values = new ValueIndex();
        }
        SourceKey key = new SourceKey(shape, column);
        ResultSource source = sourcesByKey.get(key);
        if (source == null && sources.size() < MAX_SOURCES) {
            source = new ResultSource(sources.size(), shape, column);
            sources.add(source);
            sourcesByKey.put(key, source);
        }
        return source;
    }

    /**
     * Notes that {@code source} produced a value, now: after every execution recorded so far. {@code row}
     * identifies the result row (unique in the JVM), so a row read through several getters counts once.
     */
    public synchronized void valueRead(ResultSource source, long valueHash, long row) {
        source.valueRead(row);
        values.record(valueHash, source.id(), sequence);
    }

    @Override
    public boolean take() {
        if (keysStored >= MAX_KEYS_PER_SCOPE) {
            truncated = true;
            return false;
        }
        keysStored++;
        return true;
    }

    /**
     * Closes the scope once, whichever thread or handle asks first: {@code reporting} runs then, and every
     * call returns its report. From then on no thread takes the scope as its innermost.
     */
    public ScopeReport close(Function<ScopeRecorder, ScopeReport> reporting) {
        synchronized (closing) {
            if (!closed) {
                closed = true;
                report = reporting.apply(this);
            }
            return report;
        }
    }

    /** Once the scope is reported: lets the scopes opened next size their value index like this one's. */
    public synchronized void noteValueIndexSize() {
        if (values != null) {
            values.scopeClosed();
        }
    }

    public boolean closed() {
        return closed;
    }

    /** The report of the closed scope, or null while it is open. */
    public ScopeReport report() {
        synchronized (closing) {
            return report;
        }
    }

    @Override
    public boolean takeLogged() {
        if (executionsLogged >= MAX_LOGGED_PER_SCOPE) {
            return false;
        }
        executionsLogged++;
        return true;
    }

    /**
     * Names the scope anew before it closes: a request's route is known only once the framework has matched it,
     * and its report, metrics and spans should all carry the route.
     */
    public void rename(String newName) {
        this.name = newName;
    }

    public String name() {
        return name;
    }

    public String kind() {
        return kind;
    }

    /** The OpenTelemetry span current when the scope opened, or null. */
    public Object span() {
        return span;
    }

    public int threshold() {
        return threshold;
    }

    public long elapsedNanos() {
        return System.nanoTime() - startNanos;
    }

    /** A consistent copy of what the detector needs, taken under the scope's lock. */
    public synchronized Snapshot snapshot() {
        List<ShapeGroup> groups = new ArrayList<>();
        List<ShapeSummary> summaries = new ArrayList<>(shapes.size());
        for (ShapeEntry entry : shapes.values()) {
            groups.addAll(entry.groups);
            summaries.add(new ShapeSummary(entry.shape, entry.executions, entry.keys.size(), entry.groups.size()));
        }
        boolean keysTruncated = false;
        for (ShapeGroup group : groups) {
            keysTruncated |= group.keysSaturated();
        }
        ValueIndexView valueView = values == null ? NO_VALUES : values::firstSeen;
        return new Snapshot(name, kind, threshold, statements, groups, summaries, List.copyOf(sources), valueView,
                truncated || keysTruncated);
    }

    /**
     * Time, per-shape totals and the timeline, for the reports for people; taken under the scope's lock, and only
     * when a report asks for it. Of a scope being reported it is computed once, however many reports ask.
     */
    public synchronized ScopeActivity activity() {
        if (reportedActivity != null) {
            return reportedActivity;
        }
        ScopeActivity activity = computeActivity();
        if (reporting) {
            reportedActivity = activity;
        }
        return activity;
    }

    /**
     * The engine reports the scope (closed on its thread, or its connection returned to the pool): what it did is
     * final, so its activity is made at most once from now on.
     */
    public synchronized void reporting() {
        reporting = true;
    }

    private ScopeActivity computeActivity() {
        Map<Shape, Integer> index = new HashMap<>();
        List<ScopeActivity.ShapeTotal> totals = new ArrayList<>(Math.min(shapes.size(), ScopeActivity.MAX_SHAPES));
        long sqlNanos = 0;
        int similar = 0;
        int duplicates = 0;
        for (ShapeEntry entry : shapes.values()) {
            long nanos = 0;
            int lookups = 0;
            for (ShapeGroup group : entry.groups) {
                nanos += group.nanos();
                lookups += group.lookupExecutions();
            }
            sqlNanos += nanos;
            if (entry.executions > 1) {
                similar += entry.executions;
            }
            if (lookups > 0 && !entry.keys.saturated()) {
                // Past the key bound distinct keys are not known, and repeats are not counted as duplicates.
                duplicates += Math.max(0, lookups - entry.keys.size());
            }
            if (totals.size() < ScopeActivity.MAX_SHAPES) {
                index.put(entry.shape, totals.size());
                totals.add(new ScopeActivity.ShapeTotal(entry.shape.sql(), entry.shape.kind().name(), entry.executions,
                        entry.keys.size(), nanos));
            }
        }
        List<ScopeActivity.Execution> executions = new ArrayList<>(timeline.size());
        for (int i = 0; i < timeline.size(); i++) {
            Integer shape = index.get(timeline.shape(i));
            if (shape != null) {
                executions.add(new ScopeActivity.Execution(shape, timeline.offset(i), timeline.duration(i)));
            }
        }
        return new ScopeActivity(sqlNanos, similar, duplicates, totals, executions, statements);
    }

    private record SourceKey(Shape shape, String column) {
    }

    /** Per-shape totals, whatever the call sites. */
    public record ShapeSummary(Shape shape, int executions, int distinctKeys, int callSites) {
        public StatementType type() {
            return shape.kind();
        }
    }

    /** What the detector reads. The value index is only read after the scope closed. */
    public record Snapshot(String name, String kind, int threshold, int statements, List<ShapeGroup> groups,
                           List<ShapeSummary> shapes, List<ResultSource> sources, ValueIndexView values,
                           boolean truncated) {
    }

    private static final ValueIndexView NO_VALUES = (valueHash, sourceId) -> -1;

    /** Read access to the value index: when a source first produced a value, or -1. */
    @FunctionalInterface
    public interface ValueIndexView {
        long firstSeen(long valueHash, int sourceId);
    }

    /**
     * The allowance of the per-shape key sets, apart from the groups' so that counting a shape's keys never
     * takes room from the keys findings are judged on; bounded alike, so memory per scope stays bounded.
     */
    private static final class ShapeKeyBudget implements KeySet.KeyBudget {
        private int keysStored;

        @Override
        public boolean take() {
            if (keysStored >= MAX_KEYS_PER_SCOPE) {
                return false;
            }
            keysStored++;
            return true;
        }

        @Override
        public boolean takeLogged() {
            return false;
        }
    }

    /** One shape's groups, its keys and the call-site sampling state. */
    private static final class ShapeEntry {
        final Shape shape;
        final List<ShapeGroup> groups = new ArrayList<>(1);
        final CallSiteSampling sampling;
        /** The shape's keys whatever the call site: two sites looking up the same ids count them once. */
        final KeySet keys;
        int executions;
        ShapeGroup lastWalkedGroup;

        ShapeEntry(Shape shape, CallSiteSampling sampling, KeySet keys) {
            this.shape = shape;
            this.sampling = sampling;
            this.keys = keys;
        }

        /**
         * Counts one execution at its call site: walked, or estimated as the last site walked (see
         * {@link CallSiteSampling}). Writes are walked like reads (a write loop is blamed on its call site);
         * other statements (DDL, calls) are not.
         */
        ShapeGroup record(int threshold, long sequence, long keyHash, long[] keyValues, int keyCount, boolean batched,
                          String sample, ScopeRecorder scope) {
            executions++;
            if (!batched) {
                keys.add(keyHash, scope.shapeKeyBudget);
            }
            ShapeGroup group;
            boolean walked = false;
            if (shape.kind() != StatementType.SELECT && !shape.writes()) {
                group = groupFor(CallSite.UNKNOWN);
            } else {
                int walksBefore = sampling.walks();
                CallSite site = sampling.next(threshold,
                        lastWalkedGroup == null ? 0 : lastWalkedGroup.executions());
                walked = sampling.walks() > walksBefore;
                group = walked ? groupFor(site) : lastWalkedGroup;
                lastWalkedGroup = group;
            }
            group.record(sequence, keyHash, keyValues, keyCount, batched, sample, scope);
            if (walked) {
                group.walkedHere();
            }
            return group;
        }

        ShapeGroup groupFor(CallSite site) {
            for (int i = 0; i < groups.size(); i++) {
                ShapeGroup group = groups.get(i);
                if (group.callSite() == site || group.callSite().equals(site)) {
                    return group;
                }
            }
            ShapeGroup group = new ShapeGroup(shape, site, sampling, MAX_KEYS_PER_GROUP);
            groups.add(group);
            return group;
        }
    }
}
