package dev.nplusone.internal.jdbc;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ConnectionInfo;
import net.ttddyy.dsproxy.proxy.JdbcProxyFactory;
import net.ttddyy.dsproxy.proxy.ProxyConfig;

/**
 * nplusone's wrappers behind datasource-proxy's {@link JdbcProxyFactory} extension point, in place of its
 * JDK proxies: {@code ProxyDataSource} hands each connection it opens to {@link #createConnection}, and the
 * watched connection creates its statements and their ResultSets itself. Requests for objects of a
 * connection that is not ours go to datasource-proxy's default factory.
 */
final class WatchingProxyFactory implements JdbcProxyFactory {
    static final WatchingProxyFactory INSTANCE = new WatchingProxyFactory();

    private WatchingProxyFactory() {
    }

    @Override
    public DataSource createDataSource(DataSource dataSource, ProxyConfig config) {
        return DEFAULT.createDataSource(dataSource, config);
    }

    @Override
    public Connection createConnection(Connection connection, ConnectionInfo info, ProxyConfig config) {
        return new WatchedConnection(connection, info, config);
    }

    @Override
    public Statement createStatement(Statement statement, ConnectionInfo info, Connection proxyConnection,
                                     ProxyConfig config) {
        return proxyConnection instanceof WatchedConnection watched ? new WatchedStatement<>(statement, watched)
                : DEFAULT.createStatement(statement, info, proxyConnection, config);
    }

    @Override
    public PreparedStatement createPreparedStatement(PreparedStatement statement, String sql, ConnectionInfo info,
                                                     Connection proxyConnection, ProxyConfig config,
                                                     boolean generateKey) {
        return proxyConnection instanceof WatchedConnection watched
                ? new WatchedPreparedStatement<>(statement, watched, sql)
                : DEFAULT.createPreparedStatement(statement, sql, info, proxyConnection, config, generateKey);
    }

    @Override
    public CallableStatement createCallableStatement(CallableStatement statement, String sql, ConnectionInfo info,
                                                     Connection proxyConnection, ProxyConfig config) {
        return proxyConnection instanceof WatchedConnection watched
                ? new WatchedCallableStatement(statement, watched, sql)
                : DEFAULT.createCallableStatement(statement, sql, info, proxyConnection, config);
    }

    @Override
    public ResultSet createResultSet(ResultSet resultSet, ConnectionInfo info, ProxyConfig config) {
        return DEFAULT.createResultSet(resultSet, info, config);
    }

    @Override
    public ResultSet createGeneratedKeys(ResultSet resultSet, ConnectionInfo info, ProxyConfig config) {
        return DEFAULT.createGeneratedKeys(resultSet, info, config);
    }
}
