package dev.nplusone.matrix.pools;

import com.mchange.v2.c3p0.ComboPooledDataSource;
import dev.nplusone.matrix.ConnectionSource;
import dev.nplusone.matrix.Pools;

public final class C3p0 implements Pools.Factory {
    @Override
    public ConnectionSource open(String url, String user, String password) {
        ComboPooledDataSource pool = new ComboPooledDataSource();
        pool.setJdbcUrl(url);
        pool.setUser(user);
        pool.setPassword(password);
        return new PooledSource(pool::getConnection, pool::close);
    }
}
