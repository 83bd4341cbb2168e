package dev.nplusone.agent;

import net.bytebuddy.jar.asm.MethodVisitor;

/** The static calls {@link HookWeaver} weaves into one hooked method. */
interface WovenCalls {
    /** What the woven calls push beyond the method's own stack at most: two arguments. */
    int EXTRA_STACK = 2;

    /** At the start of the method; leaves the stack as it found it. */
    void enter(MethodVisitor code);

    /** Before each return instruction, the returned value (if any) on top of the stack. */
    void beforeReturn(MethodVisitor code);

    /**
     * Before rethrowing what the method threw, which is on top of the stack and stays there; by default the
     * call woven before a return, which must then leave the stack as it found it.
     */
    default void beforeThrow(MethodVisitor code) {
        beforeReturn(code);
    }
}
