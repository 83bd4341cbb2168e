package dev.nplusone.internal.jdbc;

import dev.nplusone.internal.Engine;
import dev.nplusone.internal.sql.BoundedCache;
import java.sql.Connection;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ConnectionInfo;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.dsproxy.proxy.ProxyJdbcObject;
import net.ttddyy.dsproxy.support.ProxyDataSource;

/**
 * The jdbc stage's entry: watched DataSources and connections. datasource-proxy provides the DataSource
 * wrapper, the connection ids and the configuration; the JDBC objects themselves are nplusone's own
 * delegating classes ({@link WatchingProxyFactory}). datasource-proxy's types never leave this package.
 */
public final class JdbcWrapping {
    /** One configuration per name: the agent and the URL driver wrap a connection per checkout. */
    private static final BoundedCache<String, ProxyConfig> CONFIGS = new BoundedCache<>(256);

    private JdbcWrapping() {
    }

    /** Returns a DataSource whose connections are watched; wrapping a watched DataSource returns it as is. */
    public static DataSource wrap(DataSource dataSource, String name) {
        Engine.get(); // this copy is in use from now on (Engine.started), which a Java agent asks
        if (dataSource instanceof WatchedDataSource) {
            return dataSource;
        }
        WatchedDataSource watched = new WatchedDataSource(dataSource);
        watched.setProxyConfig(proxyConfig(name));
        return watched;
    }

    /** Wraps one connection (the jdbc:nplusone: driver's); a watched connection is returned as is. */
    public static Connection wrap(Connection connection, String name) {
        Engine.get();
        if (isWatched(connection)) {
            return connection;
        }
        ProxyConfig config = CONFIGS.get(name, JdbcWrapping::proxyConfig);
        ConnectionInfo info = new ConnectionInfo();
        info.setConnectionId(config.getConnectionIdManager().getId(connection));
        info.setDataSourceName(name);
        return config.getJdbcProxyFactory().createConnection(connection, info, config);
    }

    /**
     * datasource-proxy's interface that every watched JDBC object implements, under the name this copy carries
     * it by (relocated inside the driver jar, relocated again inside the agent's): the agent asks, rather than
     * naming the type, to recognise connections watched by the application's own copy.
     */
    public static Class<?> proxyMarkerType() {
        return ProxyJdbcObject.class;
    }

    static boolean isWatched(Connection connection) {
        return connection instanceof WatchedConnection;
    }

    private static ProxyConfig proxyConfig(String name) {
        return ProxyConfig.Builder.create()
                .dataSourceName(name)
                .connectionIdManager(ConnectionScopes.INSTANCE)
                .jdbcProxyFactory(WatchingProxyFactory.INSTANCE)
                .retrieveIsolationLevel(false)
                .build();
    }

    /** Marks our own wrapper so that wrapping twice is a no-op. */
    static final class WatchedDataSource extends ProxyDataSource {
        WatchedDataSource(DataSource dataSource) {
            super(dataSource);
        }
    }
}
