package dev.nplusone.internal;

/**
 * The {@code dev.nplusone} logger, created when something is first logged: creating a {@code System.Logger}
 * starts the platform's logging backend ({@code java.util.logging} by default), which costs tens of
 * milliseconds at start-up, and most runs never log anything.
 */
public final class Log {
    private Log() {
    }

    private static final class Holder {
        static final System.Logger LOGGER = System.getLogger("dev.nplusone");
    }

    public static System.Logger get() {
        return Holder.LOGGER;
    }
}
