package dev.nplusone.internal.jdbc;

import dev.nplusone.internal.Failures;
import dev.nplusone.internal.Faults;
import dev.nplusone.internal.scope.ResultSource;
import dev.nplusone.internal.scope.ScopeRecorder;
import dev.nplusone.internal.scope.ShapeGroup;
import dev.nplusone.internal.scope.ThreadState;
import dev.nplusone.internal.sql.ValueHash;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import net.ttddyy.dsproxy.ConnectionInfo;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.dsproxy.proxy.ResultSetProxyLogic;
import net.ttddyy.dsproxy.proxy.ResultSetProxyLogicFactory;
import net.ttddyy.dsproxy.proxy.SimpleResultSetProxyLogic;

/**
 * Watches the ResultSet of a recorded execution: counts its rows (cardinality of the lookup) and hashes the
 * key-like values read from its first rows into the scope's value index (where parent linking finds the
 * origin of a loop's keys). Works whether columns are read by index or label, with typed getters or
 * getObject, because it looks at what the getter returned.
 */
final class ResultSetWatcher extends SimpleResultSetProxyLogic {
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
                return new ResultSetWatcher(resultSet, connectionInfo, config, thread.executingScope,
                        thread.executingGroup);
            }
            return new SimpleResultSetProxyLogic(resultSet, connectionInfo, config);
        }
    };

    private final ResultSet resultSet;
    private final ScopeRecorder scope;
    private final ShapeGroup group;
    private final long rowBase = RESULTS.incrementAndGet() << ROW_BITS;
    private int rows;
    private ResultSource[] sourcesByIndex;
    private Map<String, ResultSource> sourcesByLabel;

    private ResultSetWatcher(ResultSet resultSet, ConnectionInfo connectionInfo, ProxyConfig config,
                             ScopeRecorder scope, ShapeGroup group) {
        super(resultSet, connectionInfo, config);
        this.resultSet = resultSet;
        this.scope = scope;
        this.group = group;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        Object result = super.invoke(proxy, method, args);
        try {
            observe(method.getName(), args, result);
        } catch (Throwable t) {
            Failures.record("result set watching", t);
        }
        return result;
    }

    private void observe(String method, Object[] args, Object result) throws Exception {
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

    private ResultSource sourceOf(Object column) throws Exception {
        if (column instanceof Integer index) {
            if (sourcesByIndex == null) {
                sourcesByIndex = new ResultSource[resultSet.getMetaData().getColumnCount() + 1];
            }
            if (index < 1 || index >= sourcesByIndex.length) {
                return null;
            }
            ResultSource source = sourcesByIndex[index];
            if (source == null) {
                String label = resultSet.getMetaData().getColumnLabel(index);
                source = scope.source(group.shape(), label.toLowerCase(Locale.ROOT));
                sourcesByIndex[index] = source;
            }
            return source;
        }
        if (column instanceof String label) {
            if (sourcesByLabel == null) {
                sourcesByLabel = new HashMap<>();
            }
            ResultSource source = sourcesByLabel.get(label);
            if (source == null) {
                source = scope.source(group.shape(), label.toLowerCase(Locale.ROOT));
                sourcesByLabel.put(label, source);
            }
            return source;
        }
        return null;
    }
}
