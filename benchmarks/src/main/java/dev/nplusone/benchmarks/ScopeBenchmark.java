package dev.nplusone.benchmarks;

import dev.nplusone.ScopeReport;
import dev.nplusone.internal.Engine;
import dev.nplusone.internal.config.Config;
import dev.nplusone.internal.scope.ResultSource;
import dev.nplusone.internal.scope.ScopeRecorder;
import dev.nplusone.internal.scope.ShapeGroup;
import dev.nplusone.internal.sql.SqlCache;
import dev.nplusone.internal.sql.ValueHash;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a request-sized scope costs the engine itself, without JDBC: open and close, and the recording,
 * detection, suggestion and report (to a listener, no log) of one N+1 in it. Statements go in through
 * {@link ScopeRecorder#record} and result values through {@link ScopeRecorder#valueRead}, as the jdbc stage
 * hands them on, so the figures are what a scope adds on top of the proxies.
 *
 * <ul>
 *   <li>{@code emptyScope}: open and close a scope that ran nothing;</li>
 *   <li>{@code cleanScope}: 50 lookups of two shapes, each with a new key, under a threshold no loop reaches
 *       (the clean request): recording and a close that finds nothing;</li>
 *   <li>{@code seenFinding}: a parent returning 49 rows whose author ids are read, then 49 lookups by those ids:
 *       one CONFIRMED N+1 with a JOIN rewrite, the same finding in every operation (a page hit again);</li>
 *   <li>{@code newFinding}: the same loop on tables named afresh for each operation (16,384 names, more than
 *       any memo keeps), so every close analyses and rewrites statements it never saw: the cost of a first
 *       finding, JSqlParser included;</li>
 *   <li>{@code closeCleanScope}, {@code closeSeenFinding}: the close alone (detection, suggestion, report) of
 *       the scopes of {@code cleanScope} and {@code seenFinding}, recorded before each operation outside the
 *       measured time: recording is dominated by call-site walks, which would hide the close.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class ScopeBenchmark {
    static final int LOOP = 49;
    private static final int CLEAN_THRESHOLD = 1_000;
    private static final int NEW_TABLE_NAMES = 1 << 14;

    private Engine engine;
    private Config previous;
    private long reported;
    private final Consumer<ScopeReport> listener = report -> reported++;
    private final long[] keyValues = new long[ShapeGroup.KEY_WIDTH];
    private long nextKey;
    private int nextTableName;
    private SqlCache.Statement[] cleanStatements;
    private SqlCache.Statement seenParent;
    private SqlCache.Statement seenChild;

    @Setup
    public void start() {
        engine = Engine.get();
        previous = engine.config();
        engine.configure(Config.from(Map.of("log", "false"), message -> {
            throw new IllegalStateException(message);
        }));
        engine.addListener(listener);
        cleanStatements = new SqlCache.Statement[] {
            engine.sql().statement("select p.id, p.title from blog_post p where p.id = ?"),
            engine.sql().statement("select c.id, c.body from blog_comment c where c.post_id = ? order by c.id"),
        };
        seenParent = engine.sql().statement(parentSql("blog_post"));
        seenChild = engine.sql().statement(childSql("blog_author"));
    }

    @TearDown
    public void finish() {
        engine.removeListener(listener);
        engine.configure(previous);
    }

    /** Scopes the listener was given. */
    long reported() {
        return reported;
    }

    @Benchmark
    public ScopeReport emptyScope() {
        return engine.closeOnThread(engine.open("GET /empty", "explicit", 0));
    }

    @Benchmark
    public ScopeReport cleanScope() {
        return engine.closeOnThread(recordClean());
    }

    @Benchmark
    public ScopeReport seenFinding() {
        return engine.closeOnThread(recordLoop(seenParent, seenChild));
    }

    /** A scope recorded before each operation, for the benchmarks that measure its close alone. */
    @State(Scope.Thread)
    public static class Recorded {
        ScopeRecorder clean;
        ScopeRecorder seenFinding;

        @Setup(Level.Invocation)
        public void record(ScopeBenchmark benchmark) {
            clean = benchmark.recordClean();
            seenFinding = benchmark.recordLoop(benchmark.seenParent, benchmark.seenChild);
        }

        @TearDown(Level.Invocation)
        public void closeWhatWasNotMeasured(ScopeBenchmark benchmark) {
            benchmark.engine.closeOnThread(clean);
            benchmark.engine.closeOnThread(seenFinding);
        }
    }

    @Benchmark
    public ScopeReport closeCleanScope(Recorded recorded) {
        return engine.closeOnThread(recorded.clean);
    }

    @Benchmark
    public ScopeReport closeSeenFinding(Recorded recorded) {
        return engine.closeOnThread(recorded.seenFinding);
    }

    @Benchmark
    public ScopeReport newFinding() {
        int name = nextTableName++ % NEW_TABLE_NAMES;
        return engine.closeOnThread(recordLoop(engine.sql().statement(parentSql("post_" + name)),
                engine.sql().statement(childSql("author_" + name))));
    }

    ScopeRecorder recordClean() {
        ScopeRecorder scope = engine.open("GET /clean", "explicit", CLEAN_THRESHOLD);
        for (int i = 0; i < 50; i++) {
            recordLookup(scope, cleanStatements[i & 1], ++nextKey);
        }
        return scope;
    }

    ScopeRecorder recordLoop(SqlCache.Statement parent, SqlCache.Statement child) {
        ScopeRecorder scope = engine.open("GET /posts", "explicit", 0);
        recordLookup(scope, parent, 7);
        ResultSource ids = scope.source(parent.shape(), "id");
        ResultSource authors = scope.source(parent.shape(), "author_id");
        long firstKey = nextKey;
        for (int row = 1; row <= LOOP; row++) {
            scope.valueRead(ids, ValueHash.ofLong(firstKey + row + 1_000_000), row);
            scope.valueRead(authors, ValueHash.ofLong(firstKey + row), row);
        }
        for (int row = 1; row <= LOOP; row++) {
            ShapeGroup group = recordLookup(scope, child, firstKey + row);
            group.rowRead(1);
        }
        nextKey += LOOP;
        return scope;
    }

    private ShapeGroup recordLookup(ScopeRecorder scope, SqlCache.Statement statement, long key) {
        long hash = ValueHash.ofLong(key);
        keyValues[0] = hash;
        ShapeGroup group = scope.record(statement, ValueHash.combine(statement.literalHash(), hash), keyValues, 1,
                false, null);
        scope.addNanos(group, System.nanoTime(), 1_000);
        return group;
    }

    private static String parentSql(String table) {
        return "select p.id, p.title, p.author_id from " + table + " p where p.blog_id = ? order by p.id";
    }

    private static String childSql(String table) {
        return "select a.id, a.name from " + table + " a where a.id = ?";
    }
}
