package dev.nplusone.matrix.pools;

import dev.nplusone.matrix.ConnectionSource;
import dev.nplusone.matrix.Pools;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.sql.SQLException;

public final class Agroal implements Pools.Factory {
    @Override
    public ConnectionSource open(String url, String user, String password) throws SQLException {
        AgroalDataSourceConfigurationSupplier configuration = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(4).connectionFactoryConfiguration(factory -> {
                    factory.jdbcUrl(url);
                    return user.isEmpty() ? factory
                            : factory.principal(new NamePrincipal(user)).credential(new SimplePassword(password));
                }));
        AgroalDataSource pool = AgroalDataSource.from(configuration);
        return new PooledSource(pool::getConnection, pool::close);
    }
}
