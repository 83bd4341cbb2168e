package dev.nplusone.internal.jdbc;

import dev.nplusone.internal.Engine;
import dev.nplusone.internal.Failures;
import dev.nplusone.internal.Faults;
import dev.nplusone.internal.scope.ScopeRecorder;
import dev.nplusone.internal.scope.ShapeGroup;
import dev.nplusone.internal.scope.ThreadState;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A watched statement: each execution is recorded in the innermost scope on the thread (else the
 * connection's) before it reaches the driver, then timed, and its ResultSet is watched. The driver's result
 * and exceptions come back unchanged. Prepared and callable statements extend it with their parameters.
 */
class WatchedStatement<S extends Statement> extends WatchedJdbcObject<S> implements Statement {
    /** A call into the driver that executes SQL. */
    @FunctionalInterface
    interface Execution<R> {
        R run() throws SQLException;
    }

    final WatchedConnection connection;
    private List<String> batch;
    private ScopeRecorder recordedScope;
    private ShapeGroup recordedGroup;
    private WatchedResultSet lastResult;

    WatchedStatement(S target, WatchedConnection connection) {
        super(target, connection.config);
        this.connection = connection;
    }

    /**
     * Runs {@code execution} as the execution of {@code sql} (null: the batch added so far), recorded when
     * nplusone is active and this is the outermost nplusone wrapper on the thread.
     */
    final <R> R executed(String sql, boolean batchExecution, Execution<R> execution) throws SQLException {
        int[] depth = enter(sql, batchExecution);
        long start = depth == null ? 0 : System.nanoTime();
        try {
            return execution.run();
        } finally {
            leave(depth, start);
        }
    }

    /** Returns the thread's depth counter, taken, or null when nplusone is off and nothing is counted. */
    private int[] enter(String sql, boolean batchExecution) {
        recordedScope = null;
        recordedGroup = null;
        Engine engine = Engine.get();
        if (!engine.active()) {
            return null;
        }
        int[] depth = StatementRecorder.DEPTH.get();
        if (depth[0]++ == 0) {
            try {
                Faults.check(Faults.Stage.LISTENER);
                ScopeRecorder scope = ThreadState.current().innermostScope();
                if (scope == null) {
                    scope = connection.fallbackScope(engine);
                }
                if (scope != null) {
                    recordedGroup = record(engine, scope, sql, batchExecution);
                    recordedScope = scope;
                }
            } catch (Throwable t) {
                recordedGroup = null;
                Failures.record("statement recording", t);
            }
        }
        return depth;
    }

    private void leave(int[] depth, long start) {
        if (depth == null) {
            return;
        }
        long elapsed = System.nanoTime() - start;
        depth[0]--;
        if (recordedGroup != null) {
            try {
                recordedScope.addNanos(recordedGroup, start, elapsed);
            } catch (Throwable t) {
                Failures.record("statement timing", t);
            }
        }
    }

    /** Records one execution in {@code scope}; a plain statement's SQL is its own, or the batch's. */
    ShapeGroup record(Engine engine, ScopeRecorder scope, String sql, boolean batchExecution) {
        if (sql != null) {
            return StatementRecorder.record(scope, engine.sql().statement(sql), null, batchExecution);
        }
        ShapeGroup last = null;
        if (batch != null) {
            for (String each : batch) {
                last = StatementRecorder.record(scope, engine.sql().statement(each), null, true);
            }
        }
        return last;
    }

    /** Rows an update changed: a write loop is one row per execution. */
    final int changed(int rows) {
        ShapeGroup group = recordedGroup;
        if (group != null) {
            group.rowRead(rows);
        }
        return rows;
    }

    final long changed(long rows) {
        changed((int) Math.min(rows, Integer.MAX_VALUE));
        return rows;
    }

    /**
     * After {@code execute}: a recorded write's update count, which the driver keeps as the current result
     * (asking for it does not advance the results). Reads are left alone.
     */
    final boolean executedWrite(boolean returnedResultSet) {
        ShapeGroup group = recordedGroup;
        if (!returnedResultSet && group != null && group.shape().writes()) {
            try {
                changed(target.getUpdateCount());
            } catch (Throwable t) {
                Failures.record("update count", t);
            }
        }
        return returnedResultSet;
    }

    /** The driver's ResultSet of the last execution, watched when that execution was recorded. */
    final ResultSet watched(ResultSet resultSet) {
        if (resultSet == null) {
            return null;
        }
        ShapeGroup group = recordedGroup;
        WatchedResultSet watched = group == null ? new WatchedResultSet(resultSet, this)
                : new RowWatchingResultSet(resultSet, this, recordedScope, group);
        lastResult = watched;
        return watched;
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        return watched(executed(sql, false, () -> target.executeQuery(sql)));
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        return changed(executed(sql, false, () -> target.executeUpdate(sql)));
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return changed(executed(sql, false, () -> target.executeUpdate(sql, autoGeneratedKeys)));
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return changed(executed(sql, false, () -> target.executeUpdate(sql, columnIndexes)));
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        return changed(executed(sql, false, () -> target.executeUpdate(sql, columnNames)));
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        return executedWrite(executed(sql, false, () -> target.execute(sql)));
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        return executedWrite(executed(sql, false, () -> target.execute(sql, autoGeneratedKeys)));
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        return executedWrite(executed(sql, false, () -> target.execute(sql, columnIndexes)));
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        return executedWrite(executed(sql, false, () -> target.execute(sql, columnNames)));
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        return changed(executed(sql, false, () -> target.executeLargeUpdate(sql)));
    }

    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return changed(executed(sql, false, () -> target.executeLargeUpdate(sql, autoGeneratedKeys)));
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return changed(executed(sql, false, () -> target.executeLargeUpdate(sql, columnIndexes)));
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        return changed(executed(sql, false, () -> target.executeLargeUpdate(sql, columnNames)));
    }

    @Override
    public int[] executeBatch() throws SQLException {
        return executedBatch(target::executeBatch);
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        return executedBatch(target::executeLargeBatch);
    }

    /** Runs the batch added so far (recorded as batched: not lookups), then forgets it. */
    <R> R executedBatch(Execution<R> execution) throws SQLException {
        try {
            return executed(null, true, execution);
        } finally {
            if (batch != null) {
                batch.clear();
            }
        }
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        target.addBatch(sql);
        if (batch == null) {
            batch = new ArrayList<>();
        }
        batch.add(sql);
    }

    @Override
    public void clearBatch() throws SQLException {
        target.clearBatch();
        if (batch != null) {
            batch.clear();
        }
    }

    /** The same watched ResultSet as long as the driver returns the same one. */
    @Override
    public ResultSet getResultSet() throws SQLException {
        ResultSet current = target.getResultSet();
        WatchedResultSet last = lastResult;
        return last != null && last.target == current ? last : watched(current);
    }

    /** The watched connection, once the driver has said the statement may be asked for it. */
    @Override
    public Connection getConnection() throws SQLException {
        target.getConnection();
        return connection;
    }

    @Override
    public void close() throws SQLException {
        target.close();
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        return target.getMaxFieldSize();
    }

    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        target.setMaxFieldSize(max);
    }

    @Override
    public int getMaxRows() throws SQLException {
        return target.getMaxRows();
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        target.setMaxRows(max);
    }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        target.setEscapeProcessing(enable);
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        return target.getQueryTimeout();
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        target.setQueryTimeout(seconds);
    }

    @Override
    public void cancel() throws SQLException {
        target.cancel();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return target.getWarnings();
    }

    @Override
    public void clearWarnings() throws SQLException {
        target.clearWarnings();
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        target.setCursorName(name);
    }

    @Override
    public int getUpdateCount() throws SQLException {
        return target.getUpdateCount();
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        return target.getMoreResults();
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        target.setFetchDirection(direction);
    }

    @Override
    public int getFetchDirection() throws SQLException {
        return target.getFetchDirection();
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        target.setFetchSize(rows);
    }

    @Override
    public int getFetchSize() throws SQLException {
        return target.getFetchSize();
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        return target.getResultSetConcurrency();
    }

    @Override
    public int getResultSetType() throws SQLException {
        return target.getResultSetType();
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        return target.getMoreResults(current);
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        return target.getGeneratedKeys();
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        return target.getResultSetHoldability();
    }

    @Override
    public boolean isClosed() throws SQLException {
        return target.isClosed();
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        target.setPoolable(poolable);
    }

    @Override
    public boolean isPoolable() throws SQLException {
        return target.isPoolable();
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        target.closeOnCompletion();
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        return target.isCloseOnCompletion();
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        return target.getLargeUpdateCount();
    }

    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        target.setLargeMaxRows(max);
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        return target.getLargeMaxRows();
    }

    @Override
    public String enquoteLiteral(String val) throws SQLException {
        return target.enquoteLiteral(val);
    }

    @Override
    public String enquoteIdentifier(String identifier, boolean alwaysQuote) throws SQLException {
        return target.enquoteIdentifier(identifier, alwaysQuote);
    }

    @Override
    public boolean isSimpleIdentifier(String identifier) throws SQLException {
        return target.isSimpleIdentifier(identifier);
    }

    @Override
    public String enquoteNCharLiteral(String val) throws SQLException {
        return target.enquoteNCharLiteral(val);
    }
}
