package dev.nplusone.internal.jdbc;

import dev.nplusone.internal.Engine;
import dev.nplusone.internal.scope.ScopeRecorder;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    private final AtomicLong ids = new AtomicLong();
    private final ConcurrentHashMap<String, Slot> open = new ConcurrentHashMap<>();

    private static final class Slot {
        volatile ScopeRecorder recorder;
    }

    @Override
    public String getId(Connection connection) {
        String id = Long.toString(ids.incrementAndGet());
        open.put(id, new Slot());
        return id;
    }

    /** The connection's own scope, created on first use; null if the connection is not known (closed). */
    ScopeRecorder scopeFor(String connectionId, String dataSourceName) {
        Slot slot = connectionId == null ? null : open.get(connectionId);
        if (slot == null) {
            return null;
        }
        ScopeRecorder recorder = slot.recorder;
        if (recorder == null) {
            synchronized (slot) {
                recorder = slot.recorder;
                if (recorder == null) {
                    String name = "connection " + connectionId + (dataSourceName == null || dataSourceName.isEmpty()
                            ? "" : " (" + dataSourceName + ")");
                    recorder = new ScopeRecorder(name, "connection", Engine.get().config().threshold());
                    slot.recorder = recorder;
                }
            }
        }
        return recorder;
    }

    @Override
    public void addClosedId(String closedId) {
        Slot slot = open.remove(closedId);
        if (slot != null && slot.recorder != null) {
            Engine.get().close(slot.recorder);
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
    }

    public static ConnectionScopes instance() {
        return INSTANCE;
    }
}
