package dev.nplusone.matrix;

import java.sql.DriverManager;
import java.util.Locale;
import java.util.Map;

/**
 * The connection sources of the matrix by name. Each pool is reached through a class of its own in
 * {@code dev.nplusone.matrix.pools}, loaded by name, so a cell's class path needs only its own pool.
 */
public final class Pools {
    /** A pool's adapter: opens the pool on a JDBC URL. */
    public interface Factory {
        ConnectionSource open(String url, String user, String password) throws Exception;
    }

    private static final Map<String, String> ADAPTERS = Map.of("hikari", "Hikari", "dbcp2", "Dbcp2", "c3p0", "C3p0",
            "tomcat-jdbc", "TomcatJdbc", "agroal", "Agroal", "vibur", "Vibur");

    private Pools() {
    }

    /**
     * {@code none}: {@link DriverManager} for every connection; {@code datasource}: the driver's own DataSource;
     * otherwise the pool of that name.
     */
    public static ConnectionSource open(String pool, Database database, String url) throws Exception {
        String user = database.user();
        String password = database.password();
        switch (pool) {
            case "none":
                return () -> DriverManager.getConnection(url, user, password);
            case "datasource":
                return database.dataSource(url)::getConnection;
            default:
                String adapter = ADAPTERS.get(pool.toLowerCase(Locale.ROOT));
                if (adapter == null) {
                    throw new IllegalArgumentException("unknown pool " + pool + "; known: none, datasource, "
                            + ADAPTERS.keySet());
                }
                Factory factory = (Factory) Class.forName(Pools.class.getPackageName() + ".pools." + adapter)
                        .getDeclaredConstructor().newInstance();
                return factory.open(url, user, password);
        }
    }
}
