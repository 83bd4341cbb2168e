package dev.nplusone.junit;

import dev.nplusone.Finding;
import dev.nplusone.ScopeReport;
import dev.nplusone.ShapeStats;
import dev.nplusone.StatementType;
import dev.nplusone.internal.Engine;
import dev.nplusone.internal.OpenScope;
import java.util.List;

/**
 * What the current test has run so far: statements per shape and the findings. Declare it as a parameter of
 * a test method in a class using {@link NoNPlusOne} (or {@code @ExtendWith(NPlusOneExtension.class)}):
 *
 * <pre>{@code
 * @Test
 * void renders_the_page_with_two_selects(RecordedQueries queries) throws Exception {
 *     page.render(dataSource);
 *     assertEquals(2, queries.count(StatementType.SELECT));
 * }
 * }</pre>
 *
 * <p>Every read takes a fresh snapshot of the test's scope, so it sees the statements run up to that point.
 * The scope covers the test method body only: reading before the body starts (in {@code @BeforeEach}) throws;
 * reading after it ended (in {@code @AfterEach}) gives the final figures. Read it on the test's thread.
 */
public final class RecordedQueries {
    private final String testName;
    private volatile OpenScope scope;
    private volatile ScopeReport finalReport;

    RecordedQueries(String testName) {
        this.testName = testName;
    }

    void started(OpenScope openScope) {
        this.finalReport = null;
        this.scope = openScope;
    }

    void finished(ScopeReport report) {
        this.finalReport = report;
    }

    /** Everything so far: statement count, per-shape counts, findings (N+1 and duplicates). */
    public ScopeReport snapshot() {
        ScopeReport done = finalReport;
        if (done != null) {
            return done;
        }
        OpenScope current = scope;
        if (current == null) {
            throw new IllegalStateException("the statements of " + testName + " are recorded while its method body"
                    + " runs; it has not started yet");
        }
        return Engine.get().peek(current.recorder());
    }

    /** Statements run so far. */
    public int statements() {
        return snapshot().statements();
    }

    /** Statements of one type run so far, for example {@code count(StatementType.SELECT)}. */
    public int count(StatementType type) {
        return snapshot().count(type);
    }

    /** Per-shape counts so far, in order of first execution. */
    public List<ShapeStats> shapes() {
        return snapshot().shapes();
    }

    /** The N+1 and duplicate findings so far, before any {@link AllowNPlusOne}. */
    public List<Finding> findings() {
        return snapshot().findings();
    }

    @Override
    public String toString() {
        return "RecordedQueries of " + testName;
    }
}
