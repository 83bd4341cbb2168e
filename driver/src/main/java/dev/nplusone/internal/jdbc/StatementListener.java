package dev.nplusone.internal.jdbc;

import dev.nplusone.internal.Engine;
import dev.nplusone.internal.Failures;
import dev.nplusone.internal.Faults;
import dev.nplusone.internal.bootstrap.SharedState;
import dev.nplusone.internal.scope.ScopeRecorder;
import dev.nplusone.internal.scope.ShapeGroup;
import dev.nplusone.internal.scope.ThreadState;
import dev.nplusone.internal.sql.SqlCache;
import dev.nplusone.internal.sql.ValueHash;
import java.util.List;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;

/**
 * The jdbc stage: turns each statement execution into a record in the innermost scope. Runs on every
 * execution, so it reads the SQL cache, hashes bound values into thread-local scratch arrays and
 * allocates nothing per statement beyond what the scope keeps. Every failure is caught: the statement
 * proceeds exactly as the driver runs it.
 */
final class StatementListener implements QueryExecutionListener {
    static final StatementListener INSTANCE = new StatementListener();
    private static final int MAX_KEY_VALUES = ShapeGroup.KEY_WIDTH * 4;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
    /**
     * Nesting depth of statement listeners on this thread (a pool's proxy over a driver's proxy), shared with
     * every other copy of nplusone in the JVM (the agent's relocated one), so only the outermost records.
     */
    static final ThreadLocal<int[]> DEPTH = SharedState.statementDepth();

    /** Reusable per-thread buffers for one execution's key values. */
    private static final class Scratch {
        final long[] binds = new long[MAX_KEY_VALUES];
        final int[] indexes = new int[MAX_KEY_VALUES];
        final long[] values = new long[MAX_KEY_VALUES];
    }

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        if (DEPTH.get()[0]++ != 0) {
            return;
        }
        ThreadState thread = ThreadState.current();
        thread.executingGroup = null;
        thread.executingScope = null;
        try {
            Faults.check(Faults.Stage.LISTENER);
            Engine engine = Engine.get();
            if (!engine.active()) {
                return;
            }
            ScopeRecorder scope = thread.innermostScope();
            if (scope == null) {
                scope = ConnectionScopes.INSTANCE.scopeFor(execution.getConnectionId(), execution.getDataSourceName());
            }
            if (scope == null) {
                return;
            }
            ShapeGroup group = null;
            for (int i = 0; i < queries.size(); i++) {
                group = record(engine, scope, queries.get(i), execution.isBatch());
            }
            thread.executingScope = scope;
            thread.executingGroup = group;
        } catch (Throwable t) {
            Failures.record("statement recording", t);
        }
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        if (--DEPTH.get()[0] != 0) {
            return;
        }
        ThreadState thread = ThreadState.current();
        try {
            if (thread.executingGroup != null) {
                thread.executingScope.addNanos(thread.executingGroup, execution.getElapsedTime());
            }
        } catch (Throwable t) {
            Failures.record("statement timing", t);
        }
    }

    private ShapeGroup record(Engine engine, ScopeRecorder scope, QueryInfo query, boolean batchExecution) {
        SqlCache.Statement statement = engine.sql().statement(query.getQuery());
        Scratch scratch = SCRATCH.get();
        long keyHash = statement.literalHash();
        boolean batched = batchExecution || statement.batched();
        int binds = 0;
        String sample = null;
        List<List<ParameterSetOperation>> parameterSets = query.getParametersList();
        if (!batchExecution && parameterSets.size() == 1) {
            List<ParameterSetOperation> parameters = parameterSets.get(0);
            binds = sortedBindHashes(parameters, scratch);
            if (binds < 0) {
                batched = true;
                binds = -binds - 1;
            }
            for (int i = 0; i < binds; i++) {
                keyHash = ValueHash.combine(keyHash, scratch.binds[i]);
            }
            if (engine.config().captureValues()) {
                sample = BoundValues.describe(parameters);
            }
        }
        int count = inTextOrder(statement, scratch, binds);
        return scope.record(statement, keyHash, scratch.values, count, batched, sample);
    }

    /**
     * Lays the key values out in the order their {@code ?} appear in the shape (inline literals and bound
     * parameters interleaved as written), so a position means the same predicate for every execution.
     */
    private static int inTextOrder(SqlCache.Statement statement, Scratch scratch, int binds) {
        long[] literals = statement.literalValues();
        int literal = 0;
        int bind = 0;
        int count = 0;
        int slots = Math.min(statement.slots(), MAX_KEY_VALUES);
        for (int slot = 0; slot < slots; slot++) {
            if (statement.isLiteralSlot(slot)) {
                if (literal < literals.length) {
                    scratch.values[count++] = literals[literal++];
                }
            } else if (bind < binds) {
                scratch.values[count++] = scratch.binds[bind++];
            }
        }
        while (bind < binds && count < MAX_KEY_VALUES) {
            scratch.values[count++] = scratch.binds[bind++]; // parameters the lexer did not see (JDBC escapes)
        }
        return count;
    }

    /**
     * Hashes the bound values into {@code scratch.binds}, ordered by parameter index
     * (datasource-proxy keeps them in the order they were set). Returns how many were written, or
     * {@code -(count + 1)} when a value is an array: the statement loads many keys at once.
     */
    private static int sortedBindHashes(List<ParameterSetOperation> parameters, Scratch scratch) {
        long[] values = scratch.binds;
        int[] indexes = scratch.indexes;
        int written = 0;
        boolean array = false;
        for (int i = 0; i < parameters.size() && written < MAX_KEY_VALUES; i++) {
            ParameterSetOperation operation = parameters.get(i);
            Object[] args = operation.getArgs();
            if (args == null || args.length == 0 || ParameterSetOperation.isRegisterOutParameterOperation(operation)) {
                continue;
            }
            Object value = args.length > 1 && !ParameterSetOperation.isSetNullParameterOperation(operation)
                    ? args[1] : null;
            array |= BoundValues.isArray(value);
            int index = args[0] instanceof Integer position ? position : Integer.MAX_VALUE;
            // insertion sort: parameter lists are short and usually already in order
            int slot = written;
            while (slot > 0 && indexes[slot - 1] > index) {
                indexes[slot] = indexes[slot - 1];
                values[slot] = values[slot - 1];
                slot--;
            }
            indexes[slot] = index;
            values[slot] = ValueHash.of(value);
            written++;
        }
        return array ? -written - 1 : written;
    }
}
