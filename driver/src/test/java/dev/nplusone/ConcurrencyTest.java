package dev.nplusone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.nplusone.internal.Failures;
import dev.nplusone.scenarios.SeedDatabase;
import dev.nplusone.support.CollectedReports;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Many threads at once: each scope gets exactly its own statements, a shared pool's checkouts are scopes of
 * their own, and a scope carried onto executor threads gets the statements run there.
 */
class ConcurrencyTest {
    static final int THREADS = 16;
    static final int STATEMENTS_PER_THREAD = 10_000;
    static final String AUTHOR_SQL = "select a.id, a.name from blog_author a where a.id = ?";
    static final String POST_SQL = "select p.id, p.title from blog_post p where p.id = ?";

    static SeedDatabase database;
    static DataSource watched;
    static ExecutorService pool;

    @RegisterExtension
    final CollectedReports reports = new CollectedReports();

    @BeforeAll
    static void start() {
        database = SeedDatabase.create();
        watched = NPlusOne.wrap(database.raw());
        pool = Executors.newFixedThreadPool(4);
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    /** Author lookups of thread {@code t}: a different count and number of distinct keys per thread. */
    static int authorLookups(int t) {
        return 2_000 + 250 * t;
    }

    static int authorKeys(int t) {
        return t + 2;
    }

    static int postKeys(int t) {
        return SeedDatabase.POSTS - t;
    }

    /**
     * Each shape runs from one call site in each thread, so the call-site sampling that starts after 64
     * executions attributes every execution correctly, and the counts below are exact, not lower bounds.
     */
    @Test
    void sixteen_threads_each_in_its_own_scope_get_exactly_their_own_statements() throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        List<Future<ScopeReport>> results = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                results.add(threads.submit(() -> {
                    start.await();
                    Scope scope = NPlusOne.scope("worker " + thread);
                    try (scope; Connection connection = watched.getConnection()) {
                        runWorker(connection, thread);
                    }
                    return scope.report();
                }));
            }
            for (int t = 0; t < THREADS; t++) {
                ScopeReport report = results.get(t).get();
                int authors = authorLookups(t);
                int posts = STATEMENTS_PER_THREAD - 1 - authors;

                assertEquals("worker " + t, report.name());
                assertEquals(STATEMENTS_PER_THREAD, report.statements());
                assertFalse(report.truncated());
                assertEquals(List.of(
                                AUTHOR_SQL + " " + authors + "x " + authorKeys(t) + " keys",
                                POST_SQL + " " + posts + "x " + postKeys(t) + " keys"),
                        report.findings(Finding.Kind.N_PLUS_ONE).stream()
                                .map(f -> f.sql() + " " + f.executions() + "x " + f.distinctKeys() + " keys")
                                .sorted().toList(), report.name());
                assertEquals(List.of(1, authors, posts), report.shapes().stream().map(ShapeStats::executions).toList());
                assertEquals(List.of(1, 1, 1), report.shapes().stream().map(ShapeStats::callSites).toList());
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(0, Failures.count());
    }

    static void runWorker(Connection connection, int t) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select p.id, p.author_id from blog_post p order by p.id")) {
            while (rows.next()) {
                rows.getInt(2);
            }
        }
        try (PreparedStatement authors = connection.prepareStatement(AUTHOR_SQL);
             PreparedStatement posts = connection.prepareStatement(POST_SQL)) {
            int authorCount = authorLookups(t);
            for (int i = 0; i < STATEMENTS_PER_THREAD - 1; i++) {
                if (i < authorCount) {
                    lookUp(authors, i % authorKeys(t) + 1);
                } else {
                    lookUp(posts, i % postKeys(t) + 1);
                }
            }
        }
    }

    static void lookUp(PreparedStatement statement, int key) throws SQLException {
        statement.setInt(1, key);
        try (ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                throw new IllegalStateException("no row for key " + key);
            }
        }
    }

    @Test
    void concurrent_checkouts_from_a_shared_pool_are_reported_one_scope_per_checkout() throws Exception {
        int checkoutsPerThread = 40;
        HikariConfig config = new HikariConfig();
        config.setDataSource(database.raw());
        config.setMaximumPoolSize(4);
        config.setPoolName("reliability-shared");
        Map<String, Integer> expected = new TreeMap<>();
        try (HikariDataSource hikari = new HikariDataSource(config)) {
            DataSource shared = NPlusOne.wrap(hikari, "shared pool");
            CyclicBarrier start = new CyclicBarrier(THREADS);
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                for (int c = 0; c < checkoutsPerThread; c++) {
                    expected.merge(checkoutSummary(lookupsOf(thread, c)), 1, Integer::sum);
                }
                done.add(threads.submit(() -> {
                    start.await();
                    for (int c = 0; c < checkoutsPerThread; c++) {
                        try (Connection connection = shared.getConnection();
                             PreparedStatement authors = connection.prepareStatement(AUTHOR_SQL)) {
                            for (int key = 1; key <= lookupsOf(thread, c); key++) {
                                lookUp(authors, key);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            threads.shutdown();
        }

        List<ScopeReport> checkouts = reports.all().stream().filter(r -> r.name().endsWith("(shared pool)")).toList();
        assertEquals(THREADS * checkoutsPerThread, checkouts.size());
        assertEquals(checkouts.size(), checkouts.stream().map(ScopeReport::name).distinct().count());
        Map<String, Integer> actual = new TreeMap<>();
        for (ScopeReport report : checkouts) {
            actual.merge(checkoutSummary(report), 1, Integer::sum);
        }
        assertEquals(expected, actual);
    }

    /** 1 to 7 lookups, so some checkouts have an N+1 and others do not. */
    static int lookupsOf(int thread, int checkout) {
        return 1 + (thread + checkout) % 7;
    }

    static String checkoutSummary(int lookups) {
        return lookups + " statements, " + (lookups >= 3 ? "N+1 of " + lookups : "no finding");
    }

    static String checkoutSummary(ScopeReport report) {
        List<Finding> findings = report.findings();
        return report.statements() + " statements, " + (findings.isEmpty() ? "no finding"
                : "N+1 of " + findings.get(0).executions() + (findings.get(0).distinctKeys() == findings.get(0).executions()
                        ? "" : " with " + findings.get(0).distinctKeys() + " keys"));
    }

    @Test
    void a_scope_wrapped_onto_an_executor_gets_the_statements_its_tasks_run() throws Exception {
        Scope scope = NPlusOne.scope("fan-out");
        try (scope) {
            List<Future<Integer>> parts = new ArrayList<>();
            for (int part = 0; part < 4; part++) {
                int first = part * 5 + 1;
                parts.add(pool.submit(scope.wrap(() -> authorsFrom(first, 5))));
            }
            for (Future<Integer> part : parts) {
                assertEquals(5, part.get());
            }
            pool.submit(scope.wrap(() -> assertEquals(scope, NPlusOne.current().orElseThrow()))).get();
        }

        Finding finding = scope.report().findings().get(0);
        assertEquals(20, scope.report().statements());
        assertEquals(20, finding.executions());
        assertEquals(20, finding.distinctKeys());
        assertTrue(finding.callSite().startsWith(ConcurrencyTest.class.getName() + ".lookUp("), finding.callSite());
        assertFalse(NPlusOne.current().isPresent());
    }

    @Test
    void a_scope_wrapped_onto_completable_futures_gets_every_stage() throws Exception {
        Scope scope = NPlusOne.scope("async page");
        try (scope) {
            CompletableFuture<Integer> page = CompletableFuture
                    .supplyAsync(() -> authorsFrom(1, 6), scope.wrap(pool))
                    .thenApplyAsync(found -> found + authorsFrom(7, 6), scope.wrap(pool))
                    .thenCombineAsync(CompletableFuture.supplyAsync(() -> authorsFrom(13, 8), scope.wrap(pool)),
                            Integer::sum, scope.wrap(pool));
            assertEquals(20, page.get());
        }

        assertEquals(20, scope.report().statements());
        assertEquals(20, scope.report().findings().get(0).executions());
    }

    @Test
    void the_current_scope_can_be_carried_by_code_that_did_not_open_it() throws Exception {
        Scope scope = NPlusOne.scope("opened elsewhere");
        try (scope) {
            Scope current = NPlusOne.current().orElseThrow();
            assertEquals(scope, current);
            assertEquals(12, pool.submit(current.wrap(() -> authorsFrom(1, 12))).get());
        }

        assertEquals(12, scope.report().statements());
        assertFalse(NPlusOne.current().isPresent());
    }

    @Test
    void wrapped_work_that_outlives_its_scope_goes_to_its_connection_scope_and_the_closed_report_stays_as_it_was()
            throws Exception {
        Scope scope = NPlusOne.scope("closed early");
        Runnable late;
        try (scope) {
            authorsFrom(1, 3);
            late = scope.wrap(() -> {
                authorsFrom(4, 5);
            });
        }
        ScopeReport closed = scope.report();
        pool.submit(late).get();

        assertEquals(3, closed.statements());
        assertEquals(closed, scope.report());
        assertTrue(reports.all().stream().anyMatch(r -> r.kind().equals("connection") && r.statements() == 5),
                () -> reports.all().toString());
    }

    @Test
    void a_scope_closed_on_another_thread_stops_taking_the_opening_threads_statements() throws Exception {
        Scope outer = NPlusOne.scope("outer");
        Scope inner = NPlusOne.scope("inner");
        authorsFrom(1, 2);
        pool.submit(inner::close).get();
        authorsFrom(3, 4);
        outer.close();

        assertEquals(2, inner.report().statements());
        assertEquals(4, outer.report().statements());
        assertNotEquals(inner, outer);
    }

    @Test
    void a_scope_closed_from_several_threads_at_once_is_reported_once() throws Exception {
        Scope scope = NPlusOne.scope("closed everywhere");
        Scope sameScope = NPlusOne.current().orElseThrow();
        authorsFrom(1, 5);
        CyclicBarrier together = new CyclicBarrier(8);
        ExecutorService closers = Executors.newFixedThreadPool(8);
        List<Future<ScopeReport>> closes = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Scope handle = t % 2 == 0 ? scope : sameScope;
            closes.add(closers.submit(() -> {
                together.await();
                handle.close();
                return handle.report();
            }));
        }
        List<ScopeReport> seen = new ArrayList<>();
        for (Future<ScopeReport> close : closes) {
            seen.add(close.get());
        }
        closers.shutdown();

        assertEquals(1, seen.stream().distinct().count());
        assertEquals(scope.report(), seen.get(0));
        assertEquals(1, reports.named("closed everywhere").size());
        assertEquals(5, scope.report().statements());
        assertFalse(NPlusOne.current().isPresent(), "closed elsewhere, it is no longer this thread's scope");
    }

    /** Looks authors up one by one on a connection of its own; returns how many it found. */
    static int authorsFrom(int firstId, int count) {
        try (Connection connection = watched.getConnection();
             PreparedStatement authors = connection.prepareStatement(AUTHOR_SQL)) {
            for (int id = firstId; id < firstId + count; id++) {
                lookUp(authors, id);
            }
            return count;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
