package org.apache.catalina.core;

import java.util.concurrent.Callable;

/** Test look-alike of Tomcat's filter chain: the frames a request runs on, below the application. */
public final class LookAlikeFilterChain {
    private LookAlikeFilterChain() {
    }

    public static <T> T doFilter(int depth, Callable<T> servlet) throws Exception {
        return depth <= 0 ? servlet.call() : doFilter(depth - 1, servlet);
    }
}
