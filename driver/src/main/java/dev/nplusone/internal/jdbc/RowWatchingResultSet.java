package dev.nplusone.internal.jdbc;

import dev.nplusone.internal.Failures;
import dev.nplusone.internal.Faults;
import dev.nplusone.internal.scope.ResultSource;
import dev.nplusone.internal.scope.ScopeRecorder;
import dev.nplusone.internal.scope.ShapeGroup;
import dev.nplusone.internal.sql.ValueHash;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.util.Calendar;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ResultSet of a recorded execution: counts its rows (the cardinality of the lookup) and hashes the
 * key-like values read from its first rows into the scope's value index, where parent linking finds the
 * origin of a loop's keys. Only the getters that can return a key (whole numbers, short strings, decimals,
 * UUIDs, through typed getters or getObject, by index or label) look at what they return; primitives are
 * hashed unboxed. When the statement joins tables, every getter also marks its column read on the group (a
 * bit), which is how an unused join is known; for other statements that costs one boolean test.
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
    /** Whether reads mark their column (see {@link dev.nplusone.internal.sql.Shape#joins()}). */
    private final boolean tracksColumns;
    private int rows;

    RowWatchingResultSet(ResultSet target, WatchedStatement<?> statement, ScopeRecorder scope, ShapeGroup group) {
        super(target, statement);
        this.scope = scope;
        this.group = group;
        this.tracksColumns = group.shape().joins();
        if (tracksColumns) {
            group.resultSetOpened();
        }
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

    // The getters below return no key: they only mark their column read.

    @Override
    public boolean getBoolean(int columnIndex) throws SQLException {
        columnRead(columnIndex);
        return target.getBoolean(columnIndex);
    }

    @Override
    public byte getByte(int columnIndex) throws SQLException {
        columnRead(columnIndex);
        return target.getByte(columnIndex);
    }

    @Override
    public float getFloat(int columnIndex) throws SQLException {
        columnRead(columnIndex);
        return target.getFloat(columnIndex);
    }

    @Override
    public double getDouble(int columnIndex) throws SQLException {
        columnRead(columnIndex);
        return target.getDouble(columnIndex);
    }

    @Override
    public byte[] getBytes(int columnIndex) throws SQLException {
        columnRead(columnIndex);
        return target.getBytes(columnIndex);
    }

    @Override
    public java.sql.Date getDate(int columnIndex) throws SQLException {
        columnRead(columnIndex);
        return target.getDate(columnIndex);
    }

    @Override
    public java.sql.Time getTime(int columnIndex) throws SQLException {
        columnRead(columnIndex);
        return target.getTime(columnIndex);
    }

    @Override
    public java.sql.Timestamp getTimestamp(int columnIndex) throws SQLException {
        columnRead(columnIndex);
        return target.getTimestamp(columnIndex);
    }

    @Override
    public java.io.InputStream getAsciiStream(int columnIndex) throws SQLException {
        columnRead(columnIndex);
        return target.getAsciiStream(columnIndex);
    }

    @Deprecated
    @Override
    public java.io.InputStream getUnicodeStream(int columnIndex) throws SQLException {
        columnRead(columnIndex);
        return target.getUnicodeStream(columnIndex);
    }

    @Override
    public java.io.InputStream getBinaryStream(int columnIndex) throws SQLException {
        columnRead(columnIndex);
        return target.getBinaryStream(columnIndex);
    }

    @Override
    public boolean getBoolean(String columnLabel) throws SQLException {
        columnRead(columnLabel);
        return target.getBoolean(columnLabel);
    }

    @Override
    public byte getByte(String columnLabel) throws SQLException {
        columnRead(columnLabel);
        return target.getByte(columnLabel);
    }

    @Override
    public float getFloat(String columnLabel) throws SQLException {
        columnRead(columnLabel);
        return target.getFloat(columnLabel);
    }

    @Override
    public double getDouble(String columnLabel) throws SQLException {
        columnRead(columnLabel);
        return target.getDouble(columnLabel);
    }

    @Override
    public byte[] getBytes(String columnLabel) throws SQLException {
        columnRead(columnLabel);
        return target.getBytes(columnLabel);
    }

    @Override
    public java.sql.Date getDate(String columnLabel) throws SQLException {
        columnRead(columnLabel);
        return target.getDate(columnLabel);
    }

    @Override
    public java.sql.Time getTime(String columnLabel) throws SQLException {
        columnRead(columnLabel);
        return target.getTime(columnLabel);
    }

    @Override
    public java.sql.Timestamp getTimestamp(String columnLabel) throws SQLException {
        columnRead(columnLabel);
        return target.getTimestamp(columnLabel);
    }

    @Override
    public java.io.InputStream getAsciiStream(String columnLabel) throws SQLException {
        columnRead(columnLabel);
        return target.getAsciiStream(columnLabel);
    }

    @Deprecated
    @Override
    public java.io.InputStream getUnicodeStream(String columnLabel) throws SQLException {
        columnRead(columnLabel);
        return target.getUnicodeStream(columnLabel);
    }

    @Override
    public java.io.InputStream getBinaryStream(String columnLabel) throws SQLException {
        columnRead(columnLabel);
        return target.getBinaryStream(columnLabel);
    }

    @Override
    public java.io.Reader getCharacterStream(int columnIndex) throws SQLException {
        columnRead(columnIndex);
        return target.getCharacterStream(columnIndex);
    }

    @Override
    public java.io.Reader getCharacterStream(String columnLabel) throws SQLException {
        columnRead(columnLabel);
        return target.getCharacterStream(columnLabel);
    }

    @Override
    public Ref getRef(int columnIndex) throws SQLException {
        columnRead(columnIndex);
        return target.getRef(columnIndex);
    }

    @Override
    public Blob getBlob(int columnIndex) throws SQLException {
        columnRead(columnIndex);
        return target.getBlob(columnIndex);
    }

    @Override
    public Clob getClob(int columnIndex) throws SQLException {
        columnRead(columnIndex);
        return target.getClob(columnIndex);
    }

    @Override
    public Array getArray(int columnIndex) throws SQLException {
        columnRead(columnIndex);
        return target.getArray(columnIndex);
    }

    @Override
    public Ref getRef(String columnLabel) throws SQLException {
        columnRead(columnLabel);
        return target.getRef(columnLabel);
    }

    @Override
    public Blob getBlob(String columnLabel) throws SQLException {
        columnRead(columnLabel);
        return target.getBlob(columnLabel);
    }

    @Override
    public Clob getClob(String columnLabel) throws SQLException {
        columnRead(columnLabel);
        return target.getClob(columnLabel);
    }

    @Override
    public Array getArray(String columnLabel) throws SQLException {
        columnRead(columnLabel);
        return target.getArray(columnLabel);
    }

    @Override
    public java.sql.Date getDate(int columnIndex, Calendar cal) throws SQLException {
        columnRead(columnIndex);
        return target.getDate(columnIndex, cal);
    }

    @Override
    public java.sql.Date getDate(String columnLabel, Calendar cal) throws SQLException {
        columnRead(columnLabel);
        return target.getDate(columnLabel, cal);
    }

    @Override
    public java.sql.Time getTime(int columnIndex, Calendar cal) throws SQLException {
        columnRead(columnIndex);
        return target.getTime(columnIndex, cal);
    }

    @Override
    public java.sql.Time getTime(String columnLabel, Calendar cal) throws SQLException {
        columnRead(columnLabel);
        return target.getTime(columnLabel, cal);
    }

    @Override
    public java.sql.Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException {
        columnRead(columnIndex);
        return target.getTimestamp(columnIndex, cal);
    }

    @Override
    public java.sql.Timestamp getTimestamp(String columnLabel, Calendar cal) throws SQLException {
        columnRead(columnLabel);
        return target.getTimestamp(columnLabel, cal);
    }

    @Override
    public java.net.URL getURL(int columnIndex) throws SQLException {
        columnRead(columnIndex);
        return target.getURL(columnIndex);
    }

    @Override
    public java.net.URL getURL(String columnLabel) throws SQLException {
        columnRead(columnLabel);
        return target.getURL(columnLabel);
    }

    @Override
    public RowId getRowId(int columnIndex) throws SQLException {
        columnRead(columnIndex);
        return target.getRowId(columnIndex);
    }

    @Override
    public RowId getRowId(String columnLabel) throws SQLException {
        columnRead(columnLabel);
        return target.getRowId(columnLabel);
    }

    @Override
    public NClob getNClob(int columnIndex) throws SQLException {
        columnRead(columnIndex);
        return target.getNClob(columnIndex);
    }

    @Override
    public NClob getNClob(String columnLabel) throws SQLException {
        columnRead(columnLabel);
        return target.getNClob(columnLabel);
    }

    @Override
    public SQLXML getSQLXML(int columnIndex) throws SQLException {
        columnRead(columnIndex);
        return target.getSQLXML(columnIndex);
    }

    @Override
    public SQLXML getSQLXML(String columnLabel) throws SQLException {
        columnRead(columnLabel);
        return target.getSQLXML(columnLabel);
    }

    @Override
    public java.io.Reader getNCharacterStream(int columnIndex) throws SQLException {
        columnRead(columnIndex);
        return target.getNCharacterStream(columnIndex);
    }

    @Override
    public java.io.Reader getNCharacterStream(String columnLabel) throws SQLException {
        columnRead(columnLabel);
        return target.getNCharacterStream(columnLabel);
    }

    private boolean capturing() {
        return rows > 0 && rows <= CAPTURE_ROWS;
    }

    private void readIntegral(int columnIndex, long value) {
        columnRead(columnIndex);
        if (capturing()) {
            valueRead(columnIndex, null, ValueHash.ofLong(value));
        }
    }

    private void readIntegral(String columnLabel, long value) {
        columnRead(columnLabel);
        if (capturing()) {
            valueRead(0, columnLabel, ValueHash.ofLong(value));
        }
    }

    private <V> V readObject(int columnIndex, V value) {
        columnRead(columnIndex);
        if (capturing() && isKeyLike(value)) {
            valueRead(columnIndex, null, ValueHash.of(value));
        }
        return value;
    }

    private <V> V readObject(String columnLabel, V value) {
        columnRead(columnLabel);
        if (capturing() && isKeyLike(value)) {
            valueRead(0, columnLabel, ValueHash.of(value));
        }
        return value;
    }

    /** Reads through the driver's own ResultSet are not seen: no verdict on this statement's columns. */
    @Override
    void leftUnwatched() {
        if (tracksColumns) {
            group.readsUnknown();
        }
    }

    /** Marks a column read, for unused joins: a boolean test for every statement that joins nothing. */
    private void columnRead(int columnIndex) {
        if (tracksColumns) {
            group.columnRead(columnIndex);
        }
    }

    private void columnRead(String columnLabel) {
        if (tracksColumns) {
            try {
                int index = group.columnNamed(columnLabel);
                if (index < 0) {
                    index = target.findColumn(columnLabel);
                    group.rememberColumn(columnLabel, index);
                }
                group.columnRead(index);
            } catch (Throwable t) {
                group.readsUnknown(); // no verdict on columns this driver cannot name
            }
        }
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
