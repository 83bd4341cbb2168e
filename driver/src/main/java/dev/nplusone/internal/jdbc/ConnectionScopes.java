package dev.nplusone.internal.jdbc;

import dev.nplusone.internal.Engine;
import dev.nplusone.internal.scope.ScopeRecorder;
import java.sql.Connection;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.ttddyy.dsproxy.ConnectionIdManager;

/**
 * The fallback unit of work: a logical connection from checkout (getConnection / connect) to close. Also
 * datasource-proxy's connection id source, which is how we learn that a connection closed. Ids are unique
 * across every wrapped DataSource and driver in the JVM. The recorder is created on the first statement
 * that has no explicit scope, so connections used only inside explicit scopes cost a map entry.
 */
public final class ConnectionScopes implements ConnectionIdManager {
    static final ConnectionScopes INSTANCE = new ConnectionScopes();
    /** How long JVM shutdown waits for connection scopes other threads are reporting. */
    private static final Duration SHUTDOWN_REPORT_WAIT = Duration.ofSeconds(2);

    private final AtomicLong ids = new AtomicLong();
    private final ConcurrentHashMap<String, Slot> open = new ConcurrentHashMap<>();
    /** Connection scopes being reported right now, on whichever thread closed the connection. */
    private final AtomicInteger reporting = new AtomicInteger();

    /** One open connection's scope, created on first use; a watched connection keeps its slot at hand. */
    static final class Slot {
        private volatile ScopeRecorder recorder;
        private volatile boolean closed;

        /** The connection's own scope, created on first use; null once the connection closed. */
        ScopeRecorder recorder(Engine engine, String connectionId, String dataSourceName) {
            if (closed) {
                return null;
            }
            ScopeRecorder existing = recorder;
            if (existing != null) {
                return existing;
            }
            synchronized (this) {
                if (recorder == null && !closed) {
                    String name = "connection " + connectionId + (dataSourceName == null || dataSourceName.isEmpty()
                            ? "" : " (" + dataSourceName + ")");
                    // no span kept: a pooled physical connection outlives the request it first served, and
                    // its findings go to the span current where it closes (see Telemetry#scopeClosed)
                    recorder = new ScopeRecorder(name, ScopeRecorder.CONNECTION_KIND, engine.config().threshold(),
                            null);
                }
                return recorder;
            }
        }

        /** Marks the slot closed and returns the scope to report, if one was ever created. */
        synchronized ScopeRecorder close() {
            closed = true;
            return recorder;
        }
    }

    @Override
    public String getId(Connection connection) {
        String id = Long.toString(ids.incrementAndGet());
        open.put(id, new Slot());
        return id;
    }

    /** The slot of an open connection, or null if the id is not known (closed, or not ours). */
    Slot slot(String connectionId) {
        return connectionId == null ? null : open.get(connectionId);
    }

    @Override
    public void addClosedId(String closedId) {
        Slot slot = closedId == null ? null : open.remove(closedId);
        ScopeRecorder recorder = slot == null ? null : slot.close();
        if (recorder != null) {
            reporting.incrementAndGet();
            try {
                Engine.get().close(recorder);
            } finally {
                reporting.decrementAndGet();
            }
        }
    }

    @Override
    public Set<String> getOpenConnectionIds() {
        return Set.copyOf(open.keySet());
    }

    /** Reports every connection scope still open, for JVM shutdown. */
    public void closeAll() {
        for (String id : getOpenConnectionIds()) {
            addClosedId(id);
        }
        awaitReports();
    }

    /**
     * Waits, briefly, for reports other threads are still writing: a pool closes its connections on its own
     * (daemon) threads, often as the application exits, and the JVM would stop them halfway through a report.
     */
    private void awaitReports() {
        long deadline = System.nanoTime() + SHUTDOWN_REPORT_WAIT.toNanos();
        while (reporting.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public static ConnectionScopes instance() {
        return INSTANCE;
    }
}
