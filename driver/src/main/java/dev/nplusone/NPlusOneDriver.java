package dev.nplusone;

import dev.nplusone.internal.jdbc.JdbcWrapping;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;

/**
 * The {@code jdbc:nplusone:} driver: {@code jdbc:nplusone:h2:mem:test} connects through the driver for
 * {@code jdbc:h2:mem:test} and returns a watched connection. Registered through
 * {@code META-INF/services/java.sql.Driver}, so DriverManager and pools (HikariCP's {@code jdbcUrl}) find it.
 */
public final class NPlusOneDriver implements Driver {
    public static final String PREFIX = "jdbc:nplusone:";
    private static final Logger LOGGER = Logger.getLogger("dev.nplusone");

    static {
        try {
            DriverManager.registerDriver(new NPlusOneDriver());
        } catch (SQLException e) {
            LOGGER.warning("nplusone: could not register the jdbc:nplusone: driver: " + e);
        }
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null; // the java.sql.Driver contract: not our URL
        }
        String realUrl = realUrl(url);
        Connection connection = realDriver(realUrl).connect(realUrl, info);
        if (connection == null) {
            throw new SQLException("nplusone: the driver for " + safeName(realUrl) + " did not accept the URL", "08001");
        }
        return JdbcWrapping.wrap(connection, safeName(realUrl));
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return new DriverPropertyInfo[0];
        }
        String realUrl = realUrl(url);
        return realDriver(realUrl).getPropertyInfo(realUrl, info);
    }

    @Override
    public int getMajorVersion() {
        return 0;
    }

    @Override
    public int getMinorVersion() {
        return 1;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() {
        return LOGGER;
    }

    static String realUrl(String url) {
        return "jdbc:" + url.substring(PREFIX.length());
    }

    /** The URL without its parameters, which may hold credentials: safe to show in reports. */
    static String safeName(String realUrl) {
        int end = realUrl.length();
        for (char separator : new char[] {'?', ';', '&'}) {
            int index = realUrl.indexOf(separator);
            if (index >= 0 && index < end) {
                end = index;
            }
        }
        String name = realUrl.substring(0, end);
        int at = name.indexOf('@');
        int scheme = name.indexOf("//");
        return at > scheme && scheme >= 0 ? name.substring(0, scheme + 2) + name.substring(at + 1) : name;
    }

    private static Driver realDriver(String realUrl) throws SQLException {
        try {
            return DriverManager.getDriver(realUrl);
        } catch (SQLException notRegistered) {
            // Drivers on the class path that DriverManager has not loaded in this class loader.
            for (Driver driver : ServiceLoader.load(Driver.class, Thread.currentThread().getContextClassLoader())) {
                if (!(driver instanceof NPlusOneDriver) && driver.acceptsURL(realUrl)) {
                    return driver;
                }
            }
            throw new SQLException("nplusone: no JDBC driver found for " + safeName(realUrl)
                    + " (from " + PREFIX + "...): is the database's driver on the class path?", "08001", notRegistered);
        }
    }
}
