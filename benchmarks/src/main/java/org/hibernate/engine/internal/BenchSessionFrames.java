package org.hibernate.engine.internal;

import java.util.function.Supplier;

/** A look-alike of Hibernate's session internals, for call-site walks through deep stacks. */
public final class BenchSessionFrames {
    private BenchSessionFrames() {
    }

    public static <T> T load(int depth, Supplier<T> top) {
        return depth <= 0 ? top.get() : com.zaxxer.hikari.pool.BenchPoolFrames.execute(depth - 1, top);
    }
}
