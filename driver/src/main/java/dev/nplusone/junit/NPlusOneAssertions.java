package dev.nplusone.junit;

import dev.nplusone.Finding;
import dev.nplusone.NPlusOne;
import dev.nplusone.ScopeReport;
import dev.nplusone.ShapeStats;
import dev.nplusone.StatementType;
import dev.nplusone.internal.OpenScope;
import dev.nplusone.internal.scope.ScopeRecorder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions on the statements a piece of code runs, for tests that do not use {@link NoNPlusOne}:
 *
 * <pre>{@code
 * assertNoNPlusOne(() -> page.render(dataSource));
 * assertSelectCount(2, () -> page.render(dataSource));
 * assertQueryCountDoesNotScale(size -> blogWithPosts(size), page::render, 5, 50);
 * }</pre>
 *
 * <p>Each assertion runs the code in a scope of its own on the calling thread (nested in the test's scope, if
 * any, which then does not see these statements). The connections must be watched: {@code NPlusOne.wrap},
 * a {@code jdbc:nplusone:} URL or the agent. An exception thrown by the code fails the assertion with that
 * exception: unchecked ones as they are, checked ones as the cause of an {@link AssertionError}. Each
 * assertion returns the scope's report for further checks.
 */
public final class NPlusOneAssertions {
    private NPlusOneAssertions() {
    }

    /** Code under test that may throw. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Throwable;
    }

    /** Code under test run at a given data size. */
    @FunctionalInterface
    public interface SizedRunnable {
        void run(int size) throws Throwable;
    }

    /** Creates the data of a given size for {@link #assertQueryCountDoesNotScale(Fixture, Scenario, int, int)}. */
    @FunctionalInterface
    public interface Fixture<T> {
        T create(int size) throws Throwable;
    }

    /** Code under test run against what a {@link Fixture} created. */
    @FunctionalInterface
    public interface Scenario<T> {
        void run(T data) throws Throwable;
    }

    /**
     * Fails with the findings, their evidence and their fix when {@code code} runs an N+1 query pattern. Fails as
     * well when nplusone saw no statement at all (the DataSource is not watched, or the code runs its SQL on other
     * threads): the check would prove nothing, and says so. When nplusone is switched off it checks nothing.
     */
    public static ScopeReport assertNoNPlusOne(ThrowingRunnable code) {
        OpenScope scope = record("assertNoNPlusOne", code);
        ScopeReport report = scope.report();
        if (report.statements() == 0 && NPlusOne.enabled()) {
            throw new AssertionFailedError(Messages.noStatementToCheck(report));
        }
        List<Finding> findings = report.findings(Finding.Kind.N_PLUS_ONE);
        if (!findings.isEmpty()) {
            throw new AssertionFailedError(Messages.nPlusOneFound(report, findings, 0, scope.recorder().threshold(),
                    false));
        }
        return report;
    }

    /** Fails unless {@code code} runs exactly {@code expected} SELECT statements. */
    public static ScopeReport assertSelectCount(int expected, ThrowingRunnable code) {
        return assertCount(StatementType.SELECT, "assertSelectCount", expected, code);
    }

    /** Fails unless {@code code} runs exactly {@code expected} INSERT statements (a batch counts once). */
    public static ScopeReport assertInsertCount(int expected, ThrowingRunnable code) {
        return assertCount(StatementType.INSERT, "assertInsertCount", expected, code);
    }

    /** Fails unless {@code code} runs exactly {@code expected} UPDATE statements (a batch counts once). */
    public static ScopeReport assertUpdateCount(int expected, ThrowingRunnable code) {
        return assertCount(StatementType.UPDATE, "assertUpdateCount", expected, code);
    }

    /** Fails unless {@code code} runs exactly {@code expected} DELETE statements (a batch counts once). */
    public static ScopeReport assertDeleteCount(int expected, ThrowingRunnable code) {
        return assertCount(StatementType.DELETE, "assertDeleteCount", expected, code);
    }

    private static ScopeReport assertCount(StatementType type, String name, int expected, ThrowingRunnable code) {
        if (expected < 0) {
            throw new IllegalArgumentException("expected count must be 0 or more, was " + expected);
        }
        ScopeReport report = record(name, code).report();
        int actual = report.count(type);
        if (actual != expected) {
            throw new AssertionFailedError(Messages.countMismatch(type, expected, report), expected, actual);
        }
        return report;
    }

    /**
     * Runs {@code code} at two data sizes and fails when any statement shape runs more often at the larger
     * one, naming the shapes that grew: the check that catches an N+1 before production data does, even below
     * the finding threshold. Everything {@code code} runs is counted, including creating its data; use
     * {@link #assertQueryCountDoesNotScale(Fixture, Scenario, int, int)} to create the data uncounted.
     *
     * @return the report of the run at the larger size
     */
    public static ScopeReport assertQueryCountDoesNotScale(SizedRunnable code, int small, int large) {
        return assertQueryCountDoesNotScale(size -> size, code::run, small, large);
    }

    /**
     * As {@link #assertQueryCountDoesNotScale(SizedRunnable, int, int)}, with the data of each size created by
     * {@code fixture} before the counted scope opens, and handed to {@code scenario}.
     *
     * @return the report of the run at the larger size
     */
    public static <T> ScopeReport assertQueryCountDoesNotScale(Fixture<T> fixture, Scenario<T> scenario, int small,
                                                               int large) {
        if (small < 0 || large <= small) {
            throw new IllegalArgumentException("sizes must satisfy 0 <= small < large, were " + small + " and " + large);
        }
        ScopeReport smallRun = runAtSize(fixture, scenario, small);
        ScopeReport largeRun = runAtSize(fixture, scenario, large);
        Map<String, Integer> before = new HashMap<>();
        for (ShapeStats shape : smallRun.shapes()) {
            before.put(shape.sql(), shape.executions());
        }
        List<String> grown = new ArrayList<>();
        for (ShapeStats shape : largeRun.shapes()) {
            int executions = before.getOrDefault(shape.sql(), 0);
            if (shape.executions() > executions) {
                grown.add(Messages.growthLine(executions, shape.executions(), shape.sql()));
            }
        }
        if (!grown.isEmpty()) {
            throw new AssertionFailedError(Messages.grewWithData(small, large, grown, largeRun));
        }
        return largeRun;
    }

    private static <T> ScopeReport runAtSize(Fixture<T> fixture, Scenario<T> scenario, int size) {
        T data;
        try {
            data = fixture.create(size);
        } catch (Throwable t) {
            throw failure("creating the data of size " + size, t);
        }
        return record("assertQueryCountDoesNotScale at size " + size, () -> scenario.run(data)).report();
    }

    /** Runs {@code code} in a scope of its own on this thread; returns the closed scope. */
    static OpenScope record(String name, ThrowingRunnable code) {
        OpenScope scope = OpenScope.open(name, ScopeRecorder.TEST_KIND, 0);
        try {
            code.run();
        } catch (Throwable t) {
            throw failure("the code under test", t);
        } finally {
            scope.close();
        }
        return scope;
    }

    /** Unchecked exceptions and errors as they are; a checked exception as the cause of an assertion error. */
    private static RuntimeException failure(String what, Throwable thrown) {
        if (thrown instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        throw new AssertionFailedError("Expecting " + what + " to complete, but it threw " + thrown, thrown);
    }
}
