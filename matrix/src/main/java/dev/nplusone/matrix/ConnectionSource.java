package dev.nplusone.matrix;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where the program's pages take their connections: a pool, the driver's DataSource or DriverManager. A plain
 * functional interface, not a {@code DataSource}, so the program adds no connection source of its own for the agent
 * to watch.
 */
@FunctionalInterface
public interface ConnectionSource extends AutoCloseable {
    Connection connection() throws SQLException;

    @Override
    default void close() throws Exception {
    }
}
