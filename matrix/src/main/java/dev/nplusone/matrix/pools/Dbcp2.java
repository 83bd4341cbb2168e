package dev.nplusone.matrix.pools;

import dev.nplusone.matrix.ConnectionSource;
import dev.nplusone.matrix.Pools;
import org.apache.commons.dbcp2.BasicDataSource;

public final class Dbcp2 implements Pools.Factory {
    @Override
    public ConnectionSource open(String url, String user, String password) {
        BasicDataSource pool = new BasicDataSource();
        pool.setUrl(url);
        pool.setUsername(user);
        pool.setPassword(password);
        return new PooledSource(pool::getConnection, pool::close);
    }
}
