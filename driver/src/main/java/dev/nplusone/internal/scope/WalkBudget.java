package dev.nplusone.internal.scope;

import java.util.function.Supplier;

/**
 * How many optional call-site walks a scope can afford: a share of its statements' own measured time. A walk
 * to the application frame costs (CallSiteBenchmark, median, JDK 17) about 3.5 us through 15 framework
 * frames, 10 us through 40 and 23 us through 120 (JDK 25: 2, 4.3 and 10 us): more than a whole in-memory
 * H2 lookup and a fraction of a real database's round trip, so the share depends on how a statement
 * compares with a walk:
 * <ul>
 *   <li>a statement that took at least as long as a walk (a real database: tens of microseconds) earns its
 *       whole time: every execution is walked and per-call-site counts are exact, for at most the SQL time
 *       again and typically a fifth of it. Half its time was not enough: on a loaded machine a localhost
 *       PostgreSQL lookup takes 25 us against a 15 us walk, and exact counts there turned into estimates;</li>
 *   <li>a faster one (an in-memory database) earns 1/{@value #FAST_STATEMENT_SHARE} of its time: walks are a
 *       few percent of the SQL time and per-call-site counts are estimates, said so in the reports.</li>
 * </ul>
 * Walks a scope always does (a shape's first executions, a group reaching the threshold, sites changing) are
 * not charged: they are bounded per shape, and a first walk in a cold JVM would otherwise leave a debt that
 * stops all sampling for thousands of statements. Guarded by the scope's lock.
 */
class WalkBudget {
    static final int FAST_STATEMENT_SHARE = 32;

    /** Makes each new scope's budget: a seam for tests through H2, whose timings vary with the machine. */
    static volatile Supplier<WalkBudget> forNewScope = WalkBudget::new;

    private long earnedNanos;
    private long spentNanos;
    /**
     * The cheapest walk of the scope so far, what a walk costs here: a statement is weighed against it rather
     * than against the last walk, which may be a cold JVM's or a new call site's first and cost many times more,
     * and would otherwise make a real database's statements look fast for the rest of the scope.
     */
    private long cheapestWalkNanos = Long.MAX_VALUE;

    static WalkBudget create() {
        return forNewScope.get();
    }

    /** Whether an optional walk fits: one walk of debt at most, repaid by the statements that follow. */
    boolean allowsWalk() {
        return spentNanos <= earnedNanos;
    }

    void walked(long nanos, boolean optional) {
        cheapestWalkNanos = Math.min(cheapestWalkNanos, nanos);
        if (optional) {
            spentNanos += nanos;
        }
    }

    void statementTook(long nanos) {
        boolean slow = cheapestWalkNanos != Long.MAX_VALUE && nanos >= cheapestWalkNanos;
        earnedNanos += slow ? nanos : nanos / FAST_STATEMENT_SHARE;
    }
}
