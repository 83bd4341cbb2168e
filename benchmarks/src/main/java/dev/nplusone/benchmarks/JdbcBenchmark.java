package dev.nplusone.benchmarks;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JDBC through each {@link Variant}, on one connection held for the trial (as inside a transaction or a
 * pooled checkout). Every operation prepares its statement, as ORMs without a statement cache do, so the
 * per-statement proxy work is measured along with the execution.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JdbcBenchmark {
    static final int ROWS = 1_000;

    /** All variants unless {@code -p variant=...} picks some. */
    @Param
    public Variant variant;

    private BenchDatabase database;
    private Variant.Session session;
    private long nextId;

    @Setup(Level.Trial)
    public void openTrial() throws SQLException {
        database = new BenchDatabase("jdbc_" + variant.name().toLowerCase(java.util.Locale.ROOT), ROWS);
        session = variant.open(database);
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        session.startIteration();
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        session.endIteration();
    }

    @TearDown(Level.Trial)
    public void closeTrial() throws SQLException {
        try {
            session.close();
        } finally {
            database.close();
        }
    }

    /** Prepared primary-key lookup: prepare, bind, execute, read the one row's four columns, close. */
    @Benchmark
    public long lookup() throws SQLException {
        session.beforeOperation();
        long id = nextId = nextId % ROWS + 1;
        try (PreparedStatement statement = session.connection().prepareStatement(BenchDatabase.LOOKUP)) {
            statement.setLong(1, id);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1) + row.getString(2).length() + row.getLong(3) + row.getBigDecimal(4).scale();
            }
        }
    }

    /** Reads a 1,000-row result, four getters per row: where ResultSet proxying and value capture show. */
    @Benchmark
    public long readRows() throws SQLException {
        session.beforeOperation();
        long sum = 0;
        try (PreparedStatement statement = session.connection().prepareStatement(BenchDatabase.READ_ALL);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                sum += rows.getLong(1) + rows.getString(2).length() + rows.getLong(3) + rows.getBigDecimal(4).scale();
            }
        }
        return sum;
    }

    /**
     * {@link #readRows} with each item's owner joined in and its name read: the ResultSets of joining statements
     * mark each column read (for unused joins), so this is where that marking shows.
     */
    @Benchmark
    public long readJoinedRows() throws SQLException {
        session.beforeOperation();
        long sum = 0;
        try (PreparedStatement statement = session.connection().prepareStatement(BenchDatabase.READ_JOINED);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                sum += rows.getLong(1) + rows.getString(2).length() + rows.getLong(3) + rows.getBigDecimal(4).scale()
                        + rows.getString(6).length();
            }
        }
        return sum;
    }

    /**
     * A one-row UPDATE by key, a new key each time: what a write loop repeats (its call site is walked like a
     * lookup's, its update count kept).
     */
    @Benchmark
    public int updateOne() throws SQLException {
        session.beforeOperation();
        long id = nextId = nextId % ROWS + 1;
        try (PreparedStatement statement = session.connection().prepareStatement(BenchDatabase.UPDATE_ONE)) {
            statement.setString(1, "item " + id);
            statement.setLong(2, id);
            return statement.executeUpdate();
        }
    }

    /** For the smoke test: the session of the current trial. */
    Variant.Session session() {
        return session;
    }
}
