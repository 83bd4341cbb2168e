package dev.nplusone.scenarios;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.nplusone.NPlusOne;
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
            return new Watched(new UrlDataSource(nplusoneUrl(database), database.user(), database.password()), () -> { });
        }
    },
    /** HikariCP with {@code jdbcUrl=jdbc:nplusone:h2:...}: the pool sees our driver. */
    HIKARI_URL {
        @Override
        public Watched open(SeedDatabase database) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(nplusoneUrl(database));
            config.setUsername(database.user());
            config.setPassword(database.password());
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
}
