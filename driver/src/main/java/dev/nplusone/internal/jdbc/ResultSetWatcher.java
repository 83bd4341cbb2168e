package dev.nplusone.internal.jdbc;

import dev.nplusone.internal.Failures;
import dev.nplusone.internal.Faults;
import dev.nplusone.internal.scope.ResultSource;
import dev.nplusone.internal.scope.ScopeRecorder;
import dev.nplusone.internal.scope.ShapeGroup;
import dev.nplusone.internal.scope.ThreadState;
import dev.nplusone.internal.sql.ValueHash;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import net.ttddyy.dsproxy.ConnectionInfo;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.dsproxy.proxy.ResultSetProxyLogic;
import net.ttddyy.dsproxy.proxy.ResultSetProxyLogicFactory;

/**
 * Watches the ResultSet of a recorded execution: counts its rows (cardinality of the lookup) and hashes the
 * key-like values read from its first rows into the scope's value index (where parent linking finds the
 * origin of a loop's keys). Works whether columns are read by index or label, with typed getters or
 * getObject, because it looks at what the getter returned. Calls reach the driver directly
 * ({@link DirectResultSetLogic}).
 */
final class ResultSetWatcher extends DirectResultSetLogic {
    /** Rows of each result whose values are indexed: a page of parents is rarely longer. */
    static final int CAPTURE_ROWS = 1_000;
    private static final int MAX_KEY_STRING = 64;
    private static final int ROW_BITS = 20; // CAPTURE_ROWS < 2^20
    private static final AtomicLong RESULTS = new AtomicLong();

    static final ResultSetProxyLogicFactory FACTORY = new ResultSetProxyLogicFactory() {
        @Override
        public ResultSetProxyLogic create(ResultSet resultSet, ConnectionInfo connectionInfo, ProxyConfig config) {
            ThreadState thread = ThreadState.current();
            // Only the outermost proxy watches; nested proxies (pool over driver) pass calls through.
            if (StatementListener.DEPTH.get()[0] <= 1 && thread.executingGroup != null) {
                return new ResultSetWatcher(resultSet, config, thread.executingScope, thread.executingGroup);
            }
            return passThrough(resultSet, config);
        }
    };

    private final ScopeRecorder scope;
    private final ShapeGroup group;
    private final long rowBase = RESULTS.incrementAndGet() << ROW_BITS;
    private int rows;

    private ResultSetWatcher(ResultSet resultSet, ProxyConfig config, ScopeRecorder scope, ShapeGroup group) {
        super(resultSet, config);
        this.scope = scope;
        this.group = group;
    }

    @Override
    void observe(String method, Object[] args, Object result) {
        try {
            watch(method, args, result);
        } catch (Throwable t) {
            Failures.record("result set watching", t);
        }
    }

    private void watch(String method, Object[] args, Object result) throws Exception {
        Faults.check(Faults.Stage.RESULT_SET);
        if (method.equals("next")) {
            if (Boolean.TRUE.equals(result)) {
                group.rowRead(++rows);
            }
        } else if (rows > 0 && rows <= CAPTURE_ROWS && args != null && args.length >= 1 && isKeyLike(result)
                && method.startsWith("get")) {
            ResultSource source = sourceOf(args[0]);
            if (source != null) {
                scope.valueRead(source, ValueHash.of(result), rowBase | rows);
            }
        }
    }

    private static boolean isKeyLike(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short
                || (value instanceof String s && s.length() <= MAX_KEY_STRING) || value instanceof UUID
                || value instanceof BigDecimal || value instanceof BigInteger;
    }

    /** The column's source; found once per group and column, then kept on the group (see ShapeGroup). */
    private ResultSource sourceOf(Object column) throws Exception {
        if (column instanceof Integer index) {
            ResultSource source = group.sourceAt(index);
            if (source == null && index >= 1 && index <= resultSet.getMetaData().getColumnCount()) {
                String label = resultSet.getMetaData().getColumnLabel(index);
                source = scope.source(group.shape(), label.toLowerCase(Locale.ROOT));
                if (source != null) {
                    group.rememberSource(index, source);
                }
            }
            return source;
        }
        if (column instanceof String label) {
            ResultSource source = group.sourceNamed(label);
            if (source == null) {
                source = scope.source(group.shape(), label.toLowerCase(Locale.ROOT));
                if (source != null) {
                    group.rememberSource(label, source);
                }
            }
            return source;
        }
        return null;
    }
}
