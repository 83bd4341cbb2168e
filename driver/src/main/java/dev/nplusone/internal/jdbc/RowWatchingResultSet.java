package dev.nplusone.internal.jdbc;

import dev.nplusone.internal.Failures;
import dev.nplusone.internal.Faults;
import dev.nplusone.internal.scope.ResultSource;
import dev.nplusone.internal.scope.ScopeRecorder;
import dev.nplusone.internal.scope.ShapeGroup;
import dev.nplusone.internal.sql.ValueHash;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ResultSet of a recorded execution: counts its rows (the cardinality of the lookup) and hashes the
 * key-like values read from its first rows into the scope's value index, where parent linking finds the
 * origin of a loop's keys. Only the getters that can return a key (whole numbers, short strings, decimals,
 * UUIDs, through typed getters or getObject, by index or label) look at what they return; primitives are
 * hashed unboxed.
 */
final class RowWatchingResultSet extends WatchedResultSet {
    /** Rows of each result whose values are indexed: a page of parents is rarely longer. */
    static final int CAPTURE_ROWS = 1_000;
    private static final int MAX_KEY_STRING = 64;
    private static final int ROW_BITS = 20; // CAPTURE_ROWS < 2^20
    private static final AtomicLong RESULTS = new AtomicLong();

    private final ScopeRecorder scope;
    private final ShapeGroup group;
    private final long rowBase = RESULTS.incrementAndGet() << ROW_BITS;
    private int rows;

    RowWatchingResultSet(ResultSet target, WatchedStatement<?> statement, ScopeRecorder scope, ShapeGroup group) {
        super(target, statement);
        this.scope = scope;
        this.group = group;
    }

    @Override
    public boolean next() throws SQLException {
        boolean more = target.next();
        if (more) {
            try {
                Faults.check(Faults.Stage.RESULT_SET);
                group.rowRead(++rows);
            } catch (Throwable t) {
                Failures.record("result set watching", t);
            }
        }
        return more;
    }

    @Override
    public String getString(int columnIndex) throws SQLException {
        return readObject(columnIndex, target.getString(columnIndex));
    }

    @Override
    public String getString(String columnLabel) throws SQLException {
        return readObject(columnLabel, target.getString(columnLabel));
    }

    @Override
    public String getNString(int columnIndex) throws SQLException {
        return readObject(columnIndex, target.getNString(columnIndex));
    }

    @Override
    public String getNString(String columnLabel) throws SQLException {
        return readObject(columnLabel, target.getNString(columnLabel));
    }

    @Override
    public short getShort(int columnIndex) throws SQLException {
        short value = target.getShort(columnIndex);
        readIntegral(columnIndex, value);
        return value;
    }

    @Override
    public short getShort(String columnLabel) throws SQLException {
        short value = target.getShort(columnLabel);
        readIntegral(columnLabel, value);
        return value;
    }

    @Override
    public int getInt(int columnIndex) throws SQLException {
        int value = target.getInt(columnIndex);
        readIntegral(columnIndex, value);
        return value;
    }

    @Override
    public int getInt(String columnLabel) throws SQLException {
        int value = target.getInt(columnLabel);
        readIntegral(columnLabel, value);
        return value;
    }

    @Override
    public long getLong(int columnIndex) throws SQLException {
        long value = target.getLong(columnIndex);
        readIntegral(columnIndex, value);
        return value;
    }

    @Override
    public long getLong(String columnLabel) throws SQLException {
        long value = target.getLong(columnLabel);
        readIntegral(columnLabel, value);
        return value;
    }

    @Override
    public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
        return readObject(columnIndex, target.getBigDecimal(columnIndex));
    }

    @Override
    public BigDecimal getBigDecimal(String columnLabel) throws SQLException {
        return readObject(columnLabel, target.getBigDecimal(columnLabel));
    }

    @Deprecated
    @Override
    public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
        return readObject(columnIndex, target.getBigDecimal(columnIndex, scale));
    }

    @Deprecated
    @Override
    public BigDecimal getBigDecimal(String columnLabel, int scale) throws SQLException {
        return readObject(columnLabel, target.getBigDecimal(columnLabel, scale));
    }

    @Override
    public Object getObject(int columnIndex) throws SQLException {
        return readObject(columnIndex, target.getObject(columnIndex));
    }

    @Override
    public Object getObject(String columnLabel) throws SQLException {
        return readObject(columnLabel, target.getObject(columnLabel));
    }

    @Override
    public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
        return readObject(columnIndex, target.getObject(columnIndex, map));
    }

    @Override
    public Object getObject(String columnLabel, Map<String, Class<?>> map) throws SQLException {
        return readObject(columnLabel, target.getObject(columnLabel, map));
    }

    @Override
    public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
        return readObject(columnIndex, target.getObject(columnIndex, type));
    }

    @Override
    public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
        return readObject(columnLabel, target.getObject(columnLabel, type));
    }

    private boolean capturing() {
        return rows > 0 && rows <= CAPTURE_ROWS;
    }

    private void readIntegral(int columnIndex, long value) {
        if (capturing()) {
            valueRead(columnIndex, null, ValueHash.ofLong(value));
        }
    }

    private void readIntegral(String columnLabel, long value) {
        if (capturing()) {
            valueRead(0, columnLabel, ValueHash.ofLong(value));
        }
    }

    private <V> V readObject(int columnIndex, V value) {
        if (capturing() && isKeyLike(value)) {
            valueRead(columnIndex, null, ValueHash.of(value));
        }
        return value;
    }

    private <V> V readObject(String columnLabel, V value) {
        if (capturing() && isKeyLike(value)) {
            valueRead(0, columnLabel, ValueHash.of(value));
        }
        return value;
    }

    /**
     * Whole numbers, short strings and UUIDs. A decimal with digits after the point (a price, an amount) is
     * not a key, and hashing it would strip its zeros into new objects on every row.
     */
    private static boolean isKeyLike(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short
                || (value instanceof String s && s.length() <= MAX_KEY_STRING) || value instanceof UUID
                || (value instanceof BigDecimal d && d.scale() <= 0) || value instanceof BigInteger;
    }

    /** Tells the scope that the current row gave {@code valueHash} in a column (by label when one is given). */
    private void valueRead(int columnIndex, String columnLabel, long valueHash) {
        try {
            Faults.check(Faults.Stage.RESULT_SET);
            ResultSource source = columnLabel == null ? sourceAt(columnIndex) : sourceNamed(columnLabel);
            if (source != null) {
                scope.valueRead(source, valueHash, rowBase | rows);
            }
        } catch (Throwable t) {
            Failures.record("result set watching", t);
        }
    }

    /** The column's source; found once per group and column, then kept on the group (see ShapeGroup). */
    private ResultSource sourceAt(int index) throws SQLException {
        ResultSource source = group.sourceAt(index);
        if (source == null && index >= 1 && index <= target.getMetaData().getColumnCount()) {
            String label = target.getMetaData().getColumnLabel(index);
            source = scope.source(group.shape(), label.toLowerCase(Locale.ROOT));
            if (source != null) {
                group.rememberSource(index, source);
            }
        }
        return source;
    }

    private ResultSource sourceNamed(String label) {
        ResultSource source = group.sourceNamed(label);
        if (source == null) {
            source = scope.source(group.shape(), label.toLowerCase(Locale.ROOT));
            if (source != null) {
                group.rememberSource(label, source);
            }
        }
        return source;
    }
}
