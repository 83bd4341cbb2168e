package dev.nplusone.scenarios;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.nplusone.NPlusOne;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The ways an application's statements reach nplusone in-process. Each detection scenario runs through
 * every one of them; the agent runs the same scenarios in a separate JVM.
 */
public enum EntryPoint {
    /** {@code NPlusOne.wrap(dataSource)}. */
    WRAPPER {
        @Override
        public Watched open(SeedDatabase database) {
            return new Watched(NPlusOne.wrap(database.raw()), () -> { });
        }
    },
    /** {@code DriverManager.getConnection("jdbc:nplusone:h2:...")}. */
    DRIVER_MANAGER {
        @Override
        public Watched open(SeedDatabase database) {
            return new Watched(new DriverManagerDataSource(nplusoneUrl(database)), () -> { });
        }
    },
    /** HikariCP with {@code jdbcUrl=jdbc:nplusone:h2:...}: the pool sees our driver. */
    HIKARI_URL {
        @Override
        public Watched open(SeedDatabase database) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(nplusoneUrl(database));
            config.setUsername("sa");
            config.setMaximumPoolSize(2);
            config.setPoolName("scenario-" + database.url().hashCode());
            HikariDataSource pool = new HikariDataSource(config);
            return new Watched(pool, pool::close);
        }
    };

    public abstract Watched open(SeedDatabase database);

    public static String nplusoneUrl(SeedDatabase database) {
        return "jdbc:nplusone:" + database.url().substring("jdbc:".length());
    }

    /** A watched DataSource and how to release it. */
    public record Watched(DataSource dataSource, Runnable release) implements AutoCloseable {
        @Override
        public void close() {
            release.run();
        }
    }

    /** What a DriverManager-only application does, as a DataSource so that scenarios take one type. */
    static final class DriverManagerDataSource implements DataSource {
        private final String url;

        DriverManagerDataSource(String url) {
            this.url = url;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url, "sa", "");
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return DriverManager.getConnection(url, username, password);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getLogger("scenarios");
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
