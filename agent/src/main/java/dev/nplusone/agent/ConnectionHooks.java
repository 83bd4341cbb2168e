package dev.nplusone.agent;

import dev.nplusone.internal.Failures;
import dev.nplusone.internal.jdbc.JdbcWrapping;
import java.sql.Connection;

/**
 * Called from {@link ConnectionAdvice} inside the application's JDBC classes (hence public). Decides, for
 * the outermost connect/getConnection on a thread, whether to return a watched connection:
 * <ul>
 *   <li>not when the connection comes from the application's own nplusone-driver, or wraps one
 *       ({@link AppCopies}): that copy already watches it, and its explicit and JUnit scopes must win;</li>
 *   <li>not when a pool opens it for itself ({@link AppCopies#openedByPool()}): the pool's logical connection,
 *       checked out by the application, is the one watched, so a statement seen through both is counted once
 *       and the connection scope is the checkout rather than the life of the physical connection;</li>
 *   <li>otherwise yes; wrapping a connection the agent already watches returns it unchanged.</li>
 * </ul>
 */
public final class ConnectionHooks {
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private ConnectionHooks() {
    }

    /** Entering connect/getConnection: returns the new call depth on this thread (1 = outermost). */
    public static int enter() {
        return ++DEPTH.get()[0];
    }

    /** Leaving it: returns the connection the application gets. Never throws. */
    public static Connection exit(int depth, Object source, Connection connection) {
        DEPTH.get()[0] = depth - 1;
        if (depth != 1 || connection == null) {
            return connection;
        }
        try {
            if (AppCopies.isApplicationCopy(source) || AppCopies.openedByPool()
                    || AppCopies.watchedByApplicationCopy(connection) || AgentRuntime.reporter() == null) {
                return connection;
            }
            return JdbcWrapping.wrap(connection, source.getClass().getName());
        } catch (Throwable t) {
            Failures.record("agent connection watching", t);
            return connection;
        }
    }
}
