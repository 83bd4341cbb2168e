package dev.nplusone.internal.scope;

import java.util.ArrayDeque;

/**
 * Per-thread state of the hot path, reached with a single ThreadLocal read: the explicit scopes open on the
 * thread (innermost last). A statement keeps its own recorded scope and group for its ResultSet; the wrapper
 * nesting depth lives in {@code SharedState}, shared with the agent's relocated copy.
 */
public final class ThreadState {
    private static final ThreadLocal<ThreadState> CURRENT = ThreadLocal.withInitial(ThreadState::new);

    private final ArrayDeque<ScopeRecorder> scopes = new ArrayDeque<>(4);

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
