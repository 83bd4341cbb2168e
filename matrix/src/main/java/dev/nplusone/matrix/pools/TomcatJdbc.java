package dev.nplusone.matrix.pools;

import dev.nplusone.matrix.ConnectionSource;
import dev.nplusone.matrix.Pools;
import org.apache.tomcat.jdbc.pool.DataSource;

public final class TomcatJdbc implements Pools.Factory {
    @Override
    public ConnectionSource open(String url, String user, String password) {
        DataSource pool = new DataSource();
        pool.setUrl(url);
        pool.setUsername(user);
        pool.setPassword(password);
        return new PooledSource(pool::getConnection, pool::close);
    }
}
