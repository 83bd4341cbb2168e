package dev.nplusone.internal.jdbc;

import dev.nplusone.internal.bootstrap.SharedState;
import dev.nplusone.internal.scope.ScopeRecorder;
import dev.nplusone.internal.scope.ShapeGroup;
import dev.nplusone.internal.sql.SqlCache;
import dev.nplusone.internal.sql.ValueHash;

/**
 * The jdbc stage's hand-off to the scope stage: one statement execution becomes a record in a scope, keyed
 * by the hash of its key values (inline literals and bound parameters, in the order their {@code ?} appear
 * in the shape). Works in thread-local scratch arrays, so recording allocates nothing beyond what the scope
 * keeps.
 */
final class StatementRecorder {
    /**
     * Nesting depth of nplusone statement wrappers on this thread (a pool's wrapper over the URL driver's),
     * shared with every other copy of nplusone in the JVM (the agent's relocated one), so only the outermost
     * records.
     */
    static final ThreadLocal<int[]> DEPTH = SharedState.statementDepth();
    private static final int MAX_KEY_VALUES = ShapeGroup.KEY_WIDTH * 4;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Reusable per-thread buffers for one execution's key values. */
    private static final class Scratch {
        final long[] binds = new long[MAX_KEY_VALUES];
        final long[] values = new long[MAX_KEY_VALUES];
    }

    private StatementRecorder() {
    }

    /**
     * Records one execution of {@code statement}; {@code binds} is null for a plain Statement. Returns the
     * group the execution went to (for its time and its ResultSet), or null past the scope's shape bound.
     */
    static ShapeGroup record(ScopeRecorder scope, SqlCache.Statement statement, Binds binds, boolean batchExecution) {
        Scratch scratch = SCRATCH.get();
        long keyHash = statement.literalHash();
        boolean batched = batchExecution || statement.batched();
        int bound = 0;
        String sample = null;
        if (!batchExecution && binds != null) {
            bound = binds.hashesInOrder(scratch.binds);
            batched |= binds.anyArray();
            for (int i = 0; i < bound; i++) {
                keyHash = ValueHash.combine(keyHash, scratch.binds[i]);
            }
            sample = binds.describe();
        }
        int count = inTextOrder(statement, scratch, bound);
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
}
