package dev.nplusone.apps;

import dev.nplusone.NPlusOne;
import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.SeedDatabase;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * An application that wraps nplusone's DataSource in one of its own whose connections do not say what they
 * wrap (no {@code unwrap}): the agent cannot tell that nplusone-driver already watches them, so each
 * statement passes through the agent's proxy and then the application's. Runs the authors page once.
 */
public final class StackedProxiesProgram {
    private StackedProxiesProgram() {
    }

    public static void main(String[] args) throws Exception {
        Watchdog.exitAfterSeconds(60);
        SeedDatabase database = SeedDatabase.create();
        BlogPages.authorsInLoop(new OpaqueDataSource(NPlusOne.wrap(database.raw())));
    }

    /** A DataSource of the application's own, over nplusone's, handing out connections that hide what they wrap. */
    record OpaqueDataSource(DataSource inner) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = inner.getConnection();
            return (Connection) Proxy.newProxyInstance(OpaqueDataSource.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
                        if (method.getName().equals("isWrapperFor")) {
                            return false;
                        }
                        if (method.getName().equals("unwrap")) {
                            throw new SQLException("not a wrapper");
                        }
                        try {
                            return method.invoke(connection, arguments);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException("this application has one user");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return inner.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            inner.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            inner.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return inner.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return inner.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }
    }
}
