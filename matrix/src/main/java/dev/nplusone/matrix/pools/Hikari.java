package dev.nplusone.matrix.pools;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.nplusone.matrix.ConnectionSource;
import dev.nplusone.matrix.Pools;

public final class Hikari implements Pools.Factory {
    @Override
    public ConnectionSource open(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        HikariDataSource pool = new HikariDataSource(config);
        return new PooledSource(pool::getConnection, pool::close);
    }
}
