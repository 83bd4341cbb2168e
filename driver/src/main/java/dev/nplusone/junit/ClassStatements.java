package dev.nplusone.junit;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many {@link NoNPlusOne} tests of one class ran and how many statements nplusone saw in them, kept in the
 * store of the class's context: a class whose checked tests all ran without a single watched statement checked
 * nothing, which must not pass in silence. Tests of a class may run in parallel.
 */
final class ClassStatements {
    private final AtomicInteger tests = new AtomicInteger();
    private final AtomicLong statements = new AtomicLong();
    private volatile boolean required;

    static Object key(Class<?> type) {
        return List.of(ClassStatements.class, type);
    }

    void tested(int statementsSeen, boolean requireStatements) {
        tests.incrementAndGet();
        statements.addAndGet(statementsSeen);
        if (requireStatements) {
            required = true;
        }
    }

    /** Whether tests ran and none of them ran a watched statement. */
    boolean checkedNothing() {
        return tests.get() > 0 && statements.get() == 0;
    }

    int tests() {
        return tests.get();
    }

    /** Whether a test asked for {@code requireStatements}: the class then fails instead of warning. */
    boolean required() {
        return required;
    }
}
