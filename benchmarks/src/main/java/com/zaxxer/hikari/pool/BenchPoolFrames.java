package com.zaxxer.hikari.pool;

import java.util.function.Supplier;

/** A look-alike of HikariCP's statement proxies, for call-site walks through deep stacks. */
public final class BenchPoolFrames {
    private BenchPoolFrames() {
    }

    public static <T> T execute(int depth, Supplier<T> top) {
        return depth <= 0 ? top.get()
                : org.springframework.transaction.interceptor.BenchTransactionFrames.invoke(depth - 1, top);
    }
}
