package dev.nplusone.benchmarks;

import dev.nplusone.internal.sql.NormalizedSql;
import dev.nplusone.internal.sql.SqlCache;
import dev.nplusone.internal.sql.SqlNormalizer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.statement.Statement;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The fingerprint stage on statements that are all different (values written inline): nplusone's single-pass
 * normaliser against JSqlParser on the same strings. The corpus is larger than the SQL cache, so every
 * {@link #sqlCacheMiss} really misses.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SqlBenchmark {
    /** Twice the engine's statement cache (10,000), a power of two for cheap cycling. */
    static final int CORPUS = 1 << 15;
    /** Statements JSqlParser must accept before a run: every template many times over, with varied values. */
    static final int CHECKED = 256;
    /** Statements the cache-hit benchmark cycles through, all cached during set-up. */
    static final int HOT = 256;

    private String[] statements;
    private int next;
    private SqlCache cache;
    private ExecutorService parserThread;

    @Setup(Level.Trial)
    public void setUp() throws ParseException {
        statements = SqlCorpus.statements(CORPUS);
        cache = new SqlCache(10_000, 5_000, 2_000_000); // the engine's bounds
        parserThread = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "benchmark-sql-parser");
            thread.setDaemon(true);
            return thread;
        });
        checkParses(statements, CHECKED);
        for (int i = 0; i < HOT; i++) {
            cache.statement(statements[i]);
        }
    }

    /**
     * Fails unless JSqlParser parses the first {@code count} statements: a statement it rejected would time its
     * error path, not a parse.
     */
    static void checkParses(String[] statements, int count) throws ParseException {
        for (int i = 0; i < Math.min(count, statements.length); i++) {
            parseSimple(statements[i]);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        parserThread.shutdownNow();
    }

    private String nextStatement() {
        return statements[next++ & (CORPUS - 1)];
    }

    /** {@code SqlNormalizer.normalize}: the lexer alone. */
    @Benchmark
    public NormalizedSql normalizer() {
        return SqlNormalizer.normalize(nextStatement());
    }

    /** {@code SqlCache.statement} on a string it has not seen: what the hot path pays for new SQL. */
    @Benchmark
    public SqlCache.Statement sqlCacheMiss() {
        return cache.statement(nextStatement());
    }

    /**
     * {@code SqlCache.statement} on one of 256 strings it already holds (the same String instances, as an ORM
     * reuses them): what the hot path pays for SQL it has seen.
     */
    @Benchmark
    public SqlCache.Statement sqlCacheHit() {
        return cache.statement(statements[next++ & (HOT - 1)]);
    }

    /**
     * JSqlParser's parser run directly on the calling thread in its simple mode (no complex-parsing lookahead,
     * which {@code CCJSqlParserUtil.parse} also tries first): its cheapest use, no executor, no timeout.
     */
    @Benchmark
    public Statement jsqlparser() throws ParseException {
        return parseSimple(nextStatement());
    }

    static Statement parseSimple(String sql) throws ParseException {
        return CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(false).Statement();
    }

    /**
     * JSqlParser the way nplusone's {@code SqlParsing.parseShape} calls it (a shared parser thread, with a
     * timeout): the same parse plus the hand-off. The target compares against {@link #jsqlparser}.
     */
    @Benchmark
    public Statement jsqlparserOnExecutor() throws JSQLParserException {
        return CCJSqlParserUtil.parse(nextStatement(), parserThread, parser -> parser.withTimeOut(2_000));
    }
}
