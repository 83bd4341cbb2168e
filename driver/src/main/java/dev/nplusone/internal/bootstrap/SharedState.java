package dev.nplusone.internal.bootstrap;

/**
 * Per-thread state that every copy of nplusone in one JVM must agree on. The application's own
 * nplusone-driver and the agent's relocated copy are different classes with their own statics, so a
 * statement that passes through proxies of both would be recorded twice. The agent jar carries this class
 * under its original name (never relocated) and sits on the system class path, so each copy looks the class
 * up in the system class loader and shares its thread locals; without the agent each copy uses its own.
 * Uses JDK types only: its name is the rendezvous.
 */
public final class SharedState {
    /** Per thread, cell 0: how many nplusone statement listeners are on the stack. Only the outermost records. */
    public static final ThreadLocal<int[]> STATEMENT_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private SharedState() {
    }

    /** The statement depth of the system class loader's copy of this class when there is one, else this copy's. */
    @SuppressWarnings("unchecked")
    public static ThreadLocal<int[]> statementDepth() {
        try {
            Class<?> jvmWide = Class.forName(SharedState.class.getName(), false, ClassLoader.getSystemClassLoader());
            return (ThreadLocal<int[]>) jvmWide.getField("STATEMENT_DEPTH").get(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError notThere) {
            return STATEMENT_DEPTH;
        }
    }
}
