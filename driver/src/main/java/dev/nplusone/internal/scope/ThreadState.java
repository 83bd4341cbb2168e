package dev.nplusone.internal.scope;

import java.util.ArrayDeque;

/**
 * Per-thread state of the hot path, one object per thread reached with a single ThreadLocal read: the
 * explicit scopes open on the thread (innermost last), and the group of the statement being executed (so
 * its ResultSet can report rows and values to it). The proxy nesting depth lives in {@code SharedState},
 * shared with the agent's relocated copy.
 */
public final class ThreadState {
    private static final ThreadLocal<ThreadState> CURRENT = ThreadLocal.withInitial(ThreadState::new);

    private final ArrayDeque<ScopeRecorder> scopes = new ArrayDeque<>(4);
    /** The scope and group of the last statement recorded on this thread, for its ResultSet. */
    public ScopeRecorder executingScope;
    public ShapeGroup executingGroup;

    public static ThreadState current() {
        return CURRENT.get();
    }

    /**
     * The innermost open scope on this thread, or null. Scopes closed meanwhile (from another thread, or
     * carried here by a task that outlived them) are dropped, so statements go to the next scope out.
     */
    public ScopeRecorder innermostScope() {
        ScopeRecorder scope = scopes.peekLast();
        while (scope != null && scope.closed()) {
            scopes.pollLast();
            scope = scopes.peekLast();
        }
        return scope;
    }

    public void push(ScopeRecorder scope) {
        scopes.addLast(scope);
    }

    /** Removes the scope wherever it is, so scopes closed out of order do not corrupt the stack. */
    public void remove(ScopeRecorder scope) {
        scopes.removeLastOccurrence(scope);
    }
}
