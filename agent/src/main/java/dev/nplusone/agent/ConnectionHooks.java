package dev.nplusone.agent;

import dev.nplusone.internal.Failures;
import dev.nplusone.internal.jdbc.JdbcWrapping;
import java.sql.Connection;

/**
 * Called from the code {@link HookWeaver} weaves into the application's JDBC classes (hence public): a depth
 * per thread finds the outermost connect/getConnection (a pool calling a driver nests them). Decides, for
 * the outermost connect/getConnection on a thread, whether to return a watched connection:
 * <ul>
 *   <li>not when the connection comes from the application's own nplusone-driver, or wraps one
 *       ({@link AppCopies}): that copy already watches it, and its explicit and JUnit scopes must win;</li>
 *   <li>not when a pool opens it for itself ({@link AppCopies#openedByPool()}): the pool's logical connection,
 *       checked out by the application, is the one watched, so a statement seen through both is counted once
 *       and the connection scope is the checkout rather than the life of the physical connection;</li>
 *   <li>when the application carries nplusone-driver but did not wrap this connection itself (a test class
 *       path with the JUnit helpers, say), through that copy ({@link AppCopies#watchedByApplicationCopy(Object,
 *       Connection, String)}), so the scopes the application opens see its statements;</li>
 *   <li>otherwise through the agent's own copy; wrapping a connection already watched returns it unchanged.</li>
 * </ul>
 */
public final class ConnectionHooks {
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private ConnectionHooks() {
    }

    /** How many connect/getConnection calls this thread is inside. */
    static int depth() {
        return DEPTH.get()[0];
    }

    /** Entering connect/getConnection. Never throws. */
    public static void enter() {
        try {
            DEPTH.get()[0]++;
        } catch (Throwable t) {
            Failures.record("agent connection watching", t);
        }
    }

    /** Leaving connect/getConnection with {@code connection} from {@code source}: returns the connection the application gets. Never throws. */
    public static Connection exit(Connection connection, Object source) {
        try {
            int depth = DEPTH.get()[0]--;
            if (depth != 1 || connection == null || AppCopies.isApplicationCopy(source) || AppCopies.openedByPool()
                    || AppCopies.watchedByApplicationCopy(connection) || AgentRuntime.reporter() == null) {
                return connection;
            }
            String name = source.getClass().getName();
            AgentHealth.watchedConnection(name);
            Connection applicationWatched = AppCopies.watchedByApplicationCopy(source, connection, name);
            return applicationWatched != null ? applicationWatched : JdbcWrapping.wrap(connection, name);
        } catch (Throwable t) {
            Failures.record("agent connection watching", t);
            return connection;
        }
    }

    /** Leaving connect/getConnection by an exception. Never throws. */
    public static void thrown() {
        try {
            DEPTH.get()[0]--;
        } catch (Throwable t) {
            Failures.record("agent connection watching", t);
        }
    }
}
