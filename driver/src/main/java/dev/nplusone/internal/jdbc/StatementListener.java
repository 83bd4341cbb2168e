package dev.nplusone.internal.jdbc;

import dev.nplusone.internal.Engine;
import dev.nplusone.internal.Failures;
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

    /** Reusable per-thread buffers for one execution's key values. */
    private static final class Scratch {
        final long[] values = new long[MAX_KEY_VALUES];
        final int[] indexes = new int[MAX_KEY_VALUES];
    }

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        ThreadState thread = ThreadState.current();
        if (thread.depth++ != 0) {
            return;
        }
        thread.executingGroup = null;
        thread.executingScope = null;
        try {
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
        ThreadState thread = ThreadState.current();
        if (--thread.depth != 0) {
            return;
        }
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
        long[] values = scratch.values;
        int count = Math.min(statement.literalValues().length, MAX_KEY_VALUES);
        System.arraycopy(statement.literalValues(), 0, values, 0, count);
        long keyHash = statement.literalHash();
        boolean batched = batchExecution || statement.batched();
        List<List<ParameterSetOperation>> parameterSets = query.getParametersList();
        String sample = null;
        if (!batchExecution && parameterSets.size() == 1) {
            List<ParameterSetOperation> parameters = parameterSets.get(0);
            int bound = sortedBindHashes(parameters, scratch, count);
            if (bound < 0) {
                batched = true;
                bound = -bound - 1;
            }
            for (int i = count; i < count + bound; i++) {
                keyHash = ValueHash.combine(keyHash, values[i]);
            }
            count += bound;
            if (engine.config().captureValues()) {
                sample = BoundValues.describe(parameters);
            }
        }
        return scope.record(statement, keyHash, values, count, batched, sample);
    }

    /**
     * Hashes the bound values into {@code scratch.values} from {@code offset}, ordered by parameter index
     * (datasource-proxy keeps them in the order they were set). Returns how many were written, or
     * {@code -(count + 1)} when a value is an array: the statement loads many keys at once.
     */
    private static int sortedBindHashes(List<ParameterSetOperation> parameters, Scratch scratch, int offset) {
        long[] values = scratch.values;
        int[] indexes = scratch.indexes;
        int written = 0;
        boolean array = false;
        for (int i = 0; i < parameters.size() && offset + written < MAX_KEY_VALUES; i++) {
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
                values[offset + slot] = values[offset + slot - 1];
                slot--;
            }
            indexes[slot] = index;
            values[offset + slot] = ValueHash.of(value);
            written++;
        }
        return array ? -written - 1 : written;
    }
}
