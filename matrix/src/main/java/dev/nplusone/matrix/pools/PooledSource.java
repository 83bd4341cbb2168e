package dev.nplusone.matrix.pools;

import dev.nplusone.matrix.ConnectionSource;
import java.sql.Connection;
import java.sql.SQLException;

/** A pool's checkout and its shutdown. */
final class PooledSource implements ConnectionSource {
    private final ConnectionSource checkout;
    private final AutoCloseable shutdown;

    PooledSource(ConnectionSource checkout, AutoCloseable shutdown) {
        this.checkout = checkout;
        this.shutdown = shutdown;
    }

    @Override
    public Connection connection() throws SQLException {
        return checkout.connection();
    }

    @Override
    public void close() throws Exception {
        shutdown.close();
    }
}
