package dev.nplusone.agent;

import java.sql.Connection;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into every {@code java.sql.Driver.connect} and {@code javax.sql.DataSource.getConnection}
 * implementation. Only the outermost of nested calls on a thread (a pool calling a driver) decides; see
 * {@link ConnectionHooks}. Failures inside are suppressed: the application gets its own connection.
 */
final class ConnectionAdvice {
    private ConnectionAdvice() {
    }

    /** Returns the call depth, or 0 when this advice failed (then the exit does nothing). */
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static int enter() {
        return ConnectionHooks.enter();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter int depth, @Advice.This Object source,
                     @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Connection connection) {
        if (depth > 0) {
            connection = ConnectionHooks.exit(depth, source, connection);
        }
    }
}
