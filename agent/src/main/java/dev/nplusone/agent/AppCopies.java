package dev.nplusone.agent;

import dev.nplusone.NPlusOneDriver;
import dev.nplusone.internal.Engine;
import dev.nplusone.internal.jdbc.ConnectionScopes;
import dev.nplusone.internal.jdbc.JdbcWrapping;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Knows the application's own copy of nplusone (nplusone-driver with its datasource-proxy) from the agent's
 * relocated one. Shading moves every class to {@code dev.nplusone.agent.shaded.} + its original name and also
 * rewrites string constants that look like those names, so the original names are computed from our own
 * relocated classes rather than written down.
 */
final class AppCopies {
    private static final String SHADED_PREFIX = NPlusOneAgent.class.getPackageName() + ".shaded.";
    private static final String APP_DRIVER = originalName(NPlusOneDriver.class.getName());
    private static final String APP_JDBC_PACKAGE = originalName(JdbcWrapping.class.getPackageName()) + ".";
    private static final String APP_PROXY_TYPE = originalName(JdbcWrapping.proxyMarkerType().getName());
    private static final String APP_CONNECTION_SCOPES = originalName(ConnectionScopes.class.getName());
    private static final String APP_JDBC_WRAPPING = originalName(JdbcWrapping.class.getName());
    private static final String APP_ENGINE = originalName(Engine.class.getName());

    /** Classes whose callers are a pool's own internals: connections they open are the pool's, not the application's. */
    private static final String[] POOL_INTERNALS = {
        "com.zaxxer.hikari.pool.", "org.apache.commons.dbcp2.", "org.apache.tomcat.dbcp.", "org.apache.tomcat.jdbc.pool.",
        "com.mchange.v2.", "io.agroal.pool.", "oracle.ucp.", "org.vibur.dbcp.",
    };
    /** How many callers of connect/getConnection are looked at for pool internals. */
    private static final int CALLERS = 12;
    private static final StackWalker WALKER = StackWalker.getInstance();

    /** Per connection class: the application's datasource-proxy marker interface, if its class loader sees one. */
    private static final ClassValue<Optional<Class<?>>> APP_PROXY_TYPES = new ClassValue<>() {
        @Override
        protected Optional<Class<?>> computeValue(Class<?> connectionType) {
            try {
                return Optional.of(Class.forName(APP_PROXY_TYPE, false, connectionType.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError absent) {
                return Optional.empty();
            }
        }
    };

    /**
     * Per DataSource or Driver class: the application's own {@code JdbcWrapping.wrap(Connection, String)}, when
     * the application carries nplusone-driver (typically on a test class path, for the JUnit helpers). Looked
     * up through the thread's context class loader, then the class's own, the first time the class is seen.
     */
    private static final ClassValue<Optional<ApplicationCopy>> APP_WRAPPERS = new ClassValue<>() {
        @Override
        protected Optional<ApplicationCopy> computeValue(Class<?> sourceType) {
            for (ClassLoader loader : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
                    sourceType.getClassLoader()}) {
                try {
                    Class<?> wrapping = Class.forName(APP_JDBC_WRAPPING, false, loader);
                    if (wrapping != JdbcWrapping.class) {
                        return Optional.of(new ApplicationCopy(wrapping.getMethod("wrap", Connection.class, String.class),
                                Class.forName(APP_ENGINE, false, loader).getMethod("started")));
                    }
                } catch (ClassNotFoundException | NoSuchMethodException | LinkageError absent) {
                    // not in this loader: try the next one
                }
            }
            return Optional.empty();
        }
    };

    /** The application's {@code JdbcWrapping.wrap} and {@code Engine.started}. */
    private record ApplicationCopy(Method wrap, Method started) {
    }

    private AppCopies() {
    }

    /**
     * The connection watched by the application's own copy of nplusone, or null when the application has none
     * or has not used it (opened a scope, wrapped a DataSource). Statements then reach the copy whose scopes the
     * application opens ({@code NPlusOne.scope}, the JUnit extension), which the agent's relocated copy cannot
     * see. An application that only carries the jar (the demo's web server) stays with the agent's copy and its
     * HTTP request scopes.
     */
    static Connection watchedByApplicationCopy(Object source, Connection connection, String name)
            throws ReflectiveOperationException {
        Optional<ApplicationCopy> copy = APP_WRAPPERS.get(source.getClass());
        if (copy.isEmpty() || !Boolean.TRUE.equals(copy.get().started().invoke(null))) {
            return null;
        }
        return (Connection) copy.get().wrap().invoke(null, connection, name);
    }

    static String originalName(String name) {
        return name.startsWith(SHADED_PREFIX) ? name.substring(SHADED_PREFIX.length()) : name;
    }

    /** Whether the DataSource or Driver is the application's nplusone-driver (its wrapper, its URL driver). */
    static boolean isApplicationCopy(Object source) {
        String name = source.getClass().getName();
        return name.equals(APP_DRIVER) || name.startsWith(APP_JDBC_PACKAGE);
    }

    /**
     * Whether the connection is, or wraps, one watched by the application's nplusone-driver, found through the
     * JDBC {@code Wrapper} API (pools answer it for the connection they wrap).
     */
    static boolean watchedByApplicationCopy(Connection connection) throws ReflectiveOperationException {
        Optional<Class<?>> proxyType = APP_PROXY_TYPES.get(connection.getClass());
        if (proxyType.isEmpty() || proxyType.get() == JdbcWrapping.proxyMarkerType()) {
            return false;
        }
        Object proxy;
        try {
            proxy = proxyType.get().isInstance(connection) ? connection
                    : connection.isWrapperFor(proxyType.get()) ? connection.unwrap(proxyType.get()) : null;
        } catch (SQLException | RuntimeException notAWrapper) {
            return false;
        }
        if (proxy == null) {
            return false;
        }
        Method getProxyConfig = proxyType.get().getMethod("getProxyConfig");
        Object config = getProxyConfig.invoke(proxy);
        Object ids = config == null ? null : config.getClass().getMethod("getConnectionIdManager").invoke(config);
        return ids != null && ids.getClass().getName().equals(APP_CONNECTION_SCOPES);
    }

    /** Whether the connect/getConnection being left was called by a connection pool's internals. */
    static boolean openedByPool() {
        return WALKER.walk(frames -> frames
                .dropWhile(frame -> isHook(frame.getClassName()))
                .skip(1) // the instrumented connect/getConnection itself
                .limit(CALLERS)
                .anyMatch(frame -> isPoolInternal(frame.getClassName())));
    }

    private static boolean isHook(String className) {
        return className.equals(AppCopies.class.getName()) || className.equals(ConnectionHooks.class.getName());
    }

    private static boolean isPoolInternal(String className) {
        for (String prefix : POOL_INTERNALS) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
