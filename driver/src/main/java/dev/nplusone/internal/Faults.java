package dev.nplusone.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Test seam: makes one pipeline stage throw, so tests can prove that a failure inside nplusone never reaches
 * the application. Each stage checks it once, at the entry of code whose failures are already caught and
 * sent to {@link Failures}. Nothing in production arms it: the check is one read of a static field that is
 * always null, with no allocation and no lock.
 */
public final class Faults {
    /** The pipeline stages that can be made to fail. */
    public enum Stage {
        /** Recording a statement execution, before it does anything (jdbc stage). */
        LISTENER,
        /** The lexer that fingerprints SQL (fingerprint stage, on a cache miss). */
        NORMALIZER,
        /** Recording an execution in its scope (scope stage). */
        SCOPE_RECORDING,
        /** Walking the stack for the application frame (scope stage). */
        CALL_SITE,
        /** Counting rows and indexing values of a watched ResultSet (jdbc stage). */
        RESULT_SET,
        /** The structural analysis of a shape, with JSqlParser or the lexer (fingerprint stage). */
        SHAPE_ANALYSIS,
        /** Turning a closed scope into findings (detect stage). */
        DETECTION,
        /** Building the JOIN or IN rewrite of a finding (suggest stage). */
        SUGGESTION
    }

    private static volatile Stage armed;
    private static final AtomicLong FIRED = new AtomicLong();

    private Faults() {
    }

    /** Throws if a test armed {@code stage}. Call it only where a Throwable is caught and recorded. */
    public static void check(Stage stage) {
        if (armed == stage) {
            FIRED.incrementAndGet();
            throw new InjectedFault(stage);
        }
    }

    /** Makes {@code stage} fail until {@link #disarm()}; null arms nothing. */
    static void arm(Stage stage) {
        FIRED.set(0);
        armed = stage;
    }

    static void disarm() {
        armed = null;
    }

    /** How many failures were injected since the stage was armed. */
    static long fired() {
        return FIRED.get();
    }

    /** An Error rather than an exception, so that only code that catches Throwable survives it. */
    static final class InjectedFault extends Error {
        private static final long serialVersionUID = 1L;

        InjectedFault(Stage stage) {
            super("injected fault in " + stage, null, false, false);
        }
    }
}
