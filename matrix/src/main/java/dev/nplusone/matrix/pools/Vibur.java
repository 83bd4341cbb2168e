package dev.nplusone.matrix.pools;

import dev.nplusone.matrix.ConnectionSource;
import dev.nplusone.matrix.Pools;
import org.vibur.dbcp.ViburDBCPDataSource;

public final class Vibur implements Pools.Factory {
    @Override
    public ConnectionSource open(String url, String user, String password) {
        ViburDBCPDataSource pool = new ViburDBCPDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setPoolInitialSize(2);
        pool.start();
        return new PooledSource(pool::getConnection, pool::terminate);
    }
}
