package org.springframework.transaction.interceptor;

import java.util.function.Supplier;

/** A look-alike of Spring's transaction interceptor frames, for call-site walks through deep stacks. */
public final class BenchTransactionFrames {
    private BenchTransactionFrames() {
    }

    /** Goes {@code depth} frames deeper, round-robin through framework-named classes, then runs {@code top}. */
    public static <T> T invoke(int depth, Supplier<T> top) {
        return depth <= 0 ? top.get() : org.hibernate.engine.internal.BenchSessionFrames.load(depth - 1, top);
    }
}
