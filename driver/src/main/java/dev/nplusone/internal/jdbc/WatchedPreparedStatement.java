package dev.nplusone.internal.jdbc;

import dev.nplusone.internal.Engine;
import dev.nplusone.internal.scope.ScopeRecorder;
import dev.nplusone.internal.scope.ShapeGroup;
import dev.nplusone.internal.sql.SqlCache;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;

/**
 * A watched prepared statement: every parameter the application binds is hashed as it is set (the key of
 * the lookup), and each execution is recorded with the statement's SQL, whose fingerprint is looked up once
 * per statement rather than per execution.
 */
class WatchedPreparedStatement<S extends PreparedStatement> extends WatchedStatement<S> implements PreparedStatement {
    final String sql;
    final Binds binds;
    private SqlCache.Statement fingerprint;

    WatchedPreparedStatement(S target, WatchedConnection connection, String sql) {
        super(target, connection);
        this.sql = sql;
        this.binds = new Binds(Engine.get().config().captureValues());
    }

    @Override
    ShapeGroup record(Engine engine, ScopeRecorder scope, String executedSql, boolean batchExecution) {
        if (executedSql != sql) {
            return super.record(engine, scope, executedSql, batchExecution); // execute(String) on a prepared statement
        }
        SqlCache.Statement statement = fingerprint;
        if (statement == null) {
            statement = engine.sql().statement(sql);
            fingerprint = statement;
        }
        return StatementRecorder.record(scope, statement, binds, batchExecution);
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        return watched(executed(sql, false, () -> target.executeQuery()));
    }

    @Override
    public int executeUpdate() throws SQLException {
        return changed(executed(sql, false, () -> target.executeUpdate()));
    }

    @Override
    public boolean execute() throws SQLException {
        return executedWrite(executed(sql, false, () -> target.execute()));
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        return changed(executed(sql, false, () -> target.executeLargeUpdate()));
    }

    @Override
    final <R> R executedBatch(Execution<R> execution) throws SQLException {
        return executed(sql, true, execution);
    }

    @Override
    public void addBatch() throws SQLException {
        target.addBatch();
        binds.clear();
    }

    @Override
    public void clearParameters() throws SQLException {
        target.clearParameters();
        binds.clear();
    }

    @Override
    public void setNull(int parameterIndex, int sqlType) throws SQLException {
        target.setNull(parameterIndex, sqlType);
        binds.bindNull(parameterIndex);
    }

    @Override
    public void setBoolean(int parameterIndex, boolean x) throws SQLException {
        target.setBoolean(parameterIndex, x);
        binds.bindBoolean(parameterIndex, x);
    }

    @Override
    public void setByte(int parameterIndex, byte x) throws SQLException {
        target.setByte(parameterIndex, x);
        binds.bindIntegral(parameterIndex, x);
    }

    @Override
    public void setShort(int parameterIndex, short x) throws SQLException {
        target.setShort(parameterIndex, x);
        binds.bindIntegral(parameterIndex, x);
    }

    @Override
    public void setInt(int parameterIndex, int x) throws SQLException {
        target.setInt(parameterIndex, x);
        binds.bindIntegral(parameterIndex, x);
    }

    @Override
    public void setLong(int parameterIndex, long x) throws SQLException {
        target.setLong(parameterIndex, x);
        binds.bindIntegral(parameterIndex, x);
    }

    @Override
    public void setFloat(int parameterIndex, float x) throws SQLException {
        target.setFloat(parameterIndex, x);
        binds.bindFloating(parameterIndex, x);
    }

    @Override
    public void setDouble(int parameterIndex, double x) throws SQLException {
        target.setDouble(parameterIndex, x);
        binds.bindFloating(parameterIndex, x);
    }

    @Override
    public void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
        target.setBigDecimal(parameterIndex, x);
        binds.bindObject(parameterIndex, x);
    }

    @Override
    public void setString(int parameterIndex, String x) throws SQLException {
        target.setString(parameterIndex, x);
        binds.bindObject(parameterIndex, x);
    }

    @Override
    public void setBytes(int parameterIndex, byte[] x) throws SQLException {
        target.setBytes(parameterIndex, x);
        binds.bindObject(parameterIndex, x);
    }

    @Override
    public void setDate(int parameterIndex, java.sql.Date x) throws SQLException {
        target.setDate(parameterIndex, x);
        binds.bindObject(parameterIndex, x);
    }

    @Override
    public void setTime(int parameterIndex, java.sql.Time x) throws SQLException {
        target.setTime(parameterIndex, x);
        binds.bindObject(parameterIndex, x);
    }

    @Override
    public void setTimestamp(int parameterIndex, java.sql.Timestamp x) throws SQLException {
        target.setTimestamp(parameterIndex, x);
        binds.bindObject(parameterIndex, x);
    }

    @Override
    public void setAsciiStream(int parameterIndex, java.io.InputStream x, int length) throws SQLException {
        target.setAsciiStream(parameterIndex, x, length);
        binds.bindObject(parameterIndex, x);
    }

    @Deprecated
    @Override
    public void setUnicodeStream(int parameterIndex, java.io.InputStream x, int length) throws SQLException {
        target.setUnicodeStream(parameterIndex, x, length);
        binds.bindObject(parameterIndex, x);
    }

    @Override
    public void setBinaryStream(int parameterIndex, java.io.InputStream x, int length) throws SQLException {
        target.setBinaryStream(parameterIndex, x, length);
        binds.bindObject(parameterIndex, x);
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
        target.setObject(parameterIndex, x, targetSqlType);
        binds.bindObject(parameterIndex, x);
    }

    @Override
    public void setObject(int parameterIndex, Object x) throws SQLException {
        target.setObject(parameterIndex, x);
        binds.bindObject(parameterIndex, x);
    }

    @Override
    public void setCharacterStream(int parameterIndex, java.io.Reader reader, int length) throws SQLException {
        target.setCharacterStream(parameterIndex, reader, length);
        binds.bindObject(parameterIndex, reader);
    }

    @Override
    public void setRef(int parameterIndex, Ref x) throws SQLException {
        target.setRef(parameterIndex, x);
        binds.bindObject(parameterIndex, x);
    }

    @Override
    public void setBlob(int parameterIndex, Blob x) throws SQLException {
        target.setBlob(parameterIndex, x);
        binds.bindObject(parameterIndex, x);
    }

    @Override
    public void setClob(int parameterIndex, Clob x) throws SQLException {
        target.setClob(parameterIndex, x);
        binds.bindObject(parameterIndex, x);
    }

    @Override
    public void setArray(int parameterIndex, Array x) throws SQLException {
        target.setArray(parameterIndex, x);
        binds.bindObject(parameterIndex, x);
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        return target.getMetaData();
    }

    @Override
    public void setDate(int parameterIndex, java.sql.Date x, Calendar cal) throws SQLException {
        target.setDate(parameterIndex, x, cal);
        binds.bindObject(parameterIndex, x);
    }

    @Override
    public void setTime(int parameterIndex, java.sql.Time x, Calendar cal) throws SQLException {
        target.setTime(parameterIndex, x, cal);
        binds.bindObject(parameterIndex, x);
    }

    @Override
    public void setTimestamp(int parameterIndex, java.sql.Timestamp x, Calendar cal) throws SQLException {
        target.setTimestamp(parameterIndex, x, cal);
        binds.bindObject(parameterIndex, x);
    }

    @Override
    public void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
        target.setNull(parameterIndex, sqlType, typeName);
        binds.bindNull(parameterIndex);
    }

    @Override
    public void setURL(int parameterIndex, java.net.URL x) throws SQLException {
        target.setURL(parameterIndex, x);
        binds.bindObject(parameterIndex, x);
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        return target.getParameterMetaData();
    }

    @Override
    public void setRowId(int parameterIndex, RowId x) throws SQLException {
        target.setRowId(parameterIndex, x);
        binds.bindObject(parameterIndex, x);
    }

    @Override
    public void setNString(int parameterIndex, String value) throws SQLException {
        target.setNString(parameterIndex, value);
        binds.bindObject(parameterIndex, value);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
        target.setNCharacterStream(parameterIndex, value, length);
        binds.bindObject(parameterIndex, value);
    }

    @Override
    public void setNClob(int parameterIndex, NClob value) throws SQLException {
        target.setNClob(parameterIndex, value);
        binds.bindObject(parameterIndex, value);
    }

    @Override
    public void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
        target.setClob(parameterIndex, reader, length);
        binds.bindObject(parameterIndex, reader);
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
        target.setBlob(parameterIndex, inputStream, length);
        binds.bindObject(parameterIndex, inputStream);
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
        target.setNClob(parameterIndex, reader, length);
        binds.bindObject(parameterIndex, reader);
    }

    @Override
    public void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
        target.setSQLXML(parameterIndex, xmlObject);
        binds.bindObject(parameterIndex, xmlObject);
    }

    @Override
    public void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        target.setObject(parameterIndex, x, targetSqlType, scaleOrLength);
        binds.bindObject(parameterIndex, x);
    }

    @Override
    public void setAsciiStream(int parameterIndex, java.io.InputStream x, long length) throws SQLException {
        target.setAsciiStream(parameterIndex, x, length);
        binds.bindObject(parameterIndex, x);
    }

    @Override
    public void setBinaryStream(int parameterIndex, java.io.InputStream x, long length) throws SQLException {
        target.setBinaryStream(parameterIndex, x, length);
        binds.bindObject(parameterIndex, x);
    }

    @Override
    public void setCharacterStream(int parameterIndex, java.io.Reader reader, long length) throws SQLException {
        target.setCharacterStream(parameterIndex, reader, length);
        binds.bindObject(parameterIndex, reader);
    }

    @Override
    public void setAsciiStream(int parameterIndex, java.io.InputStream x) throws SQLException {
        target.setAsciiStream(parameterIndex, x);
        binds.bindObject(parameterIndex, x);
    }

    @Override
    public void setBinaryStream(int parameterIndex, java.io.InputStream x) throws SQLException {
        target.setBinaryStream(parameterIndex, x);
        binds.bindObject(parameterIndex, x);
    }

    @Override
    public void setCharacterStream(int parameterIndex, java.io.Reader reader) throws SQLException {
        target.setCharacterStream(parameterIndex, reader);
        binds.bindObject(parameterIndex, reader);
    }

    @Override
    public void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
        target.setNCharacterStream(parameterIndex, value);
        binds.bindObject(parameterIndex, value);
    }

    @Override
    public void setClob(int parameterIndex, Reader reader) throws SQLException {
        target.setClob(parameterIndex, reader);
        binds.bindObject(parameterIndex, reader);
    }

    @Override
    public void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
        target.setBlob(parameterIndex, inputStream);
        binds.bindObject(parameterIndex, inputStream);
    }

    @Override
    public void setNClob(int parameterIndex, Reader reader) throws SQLException {
        target.setNClob(parameterIndex, reader);
        binds.bindObject(parameterIndex, reader);
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        target.setObject(parameterIndex, x, targetSqlType, scaleOrLength);
        binds.bindObject(parameterIndex, x);
    }

    @Override
    public void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
        target.setObject(parameterIndex, x, targetSqlType);
        binds.bindObject(parameterIndex, x);
    }
}
