package dev.nplusone.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.Finding;
import dev.nplusone.NPlusOne;
import dev.nplusone.Scope;
import dev.nplusone.ScopeReport;
import dev.nplusone.internal.config.Config;
import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.SeedDatabase;
import dev.nplusone.support.CapturedLog;
import dev.nplusone.support.CollectedReports;
import dev.nplusone.support.Configured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A failure inside nplusone never reaches the application: with each pipeline stage made to fail, every JDBC
 * call returns what the driver returns and throws what the driver throws (compared call by call with the
 * unwatched DataSource), the failure is counted and logged once, and detection carries on afterwards or
 * switches itself off.
 */
class FaultsTest {
    static SeedDatabase database;
    static DataSource raw;
    static DataSource watched;
    static List<String> driverTranscript;
    static final AtomicInteger RUNS = new AtomicInteger();

    @RegisterExtension
    final CollectedReports reports = new CollectedReports();

    @TempDir
    Path directory;

    @BeforeAll
    static void createDatabase() throws Exception {
        database = SeedDatabase.create();
        raw = database.raw();
        watched = NPlusOne.wrap(raw);
        driverTranscript = transcript(raw);
    }

    @BeforeEach
    void isolate() {
        Failures.reset();
    }

    @AfterEach
    void restore() {
        Faults.disarm();
        Failures.reset();
    }

    @Test
    void without_faults_the_watched_transcript_equals_the_driver_transcript_and_nothing_fails() throws Exception {
        ScopeReport report = inScope("clean", () -> assertEquals(driverTranscript, transcript(watched)));

        assertEquals(0, Failures.count());
        assertEquals(List.of(Finding.Kind.N_PLUS_ONE, Finding.Kind.N_PLUS_ONE, Finding.Kind.DUPLICATE),
                report.findings().stream().map(Finding::kind).toList());
        assertTrue(driverTranscript.stream().filter(line -> line.contains("SQLState")).count() >= 6, driverTranscript::toString);
    }

    @ParameterizedTest
    @EnumSource(Faults.Stage.class)
    void a_failing_stage_changes_no_jdbc_call_is_counted_logged_once_and_detection_carries_on(Faults.Stage stage)
            throws Exception {
        ScopeReport healthy = inScope("before", () -> transcript(watched));

        try (CapturedLog log = new CapturedLog()) {
            Faults.arm(stage);
            for (int run = 0; run < 2; run++) {
                ScopeReport faulted = inScope("faulted " + run, () -> assertEquals(driverTranscript, transcript(watched)));
                assertNotNull(faulted);
            }
            assertEquals(driverTranscript, transcript(watched)); // connection scope, closed with the connection
            Faults.disarm();

            long fired = Faults.fired();
            assertTrue(fired >= 3, () -> stage + " fired " + fired + " times");
            assertEquals(fired, Failures.count(), "every injected failure is counted");
            assertEquals(1, log.messages().stream().filter(m -> m.contains("internal failure in")).count(), log::text);
            // A stage that fails on every ResultSet getter reaches the limit within these three runs.
            boolean overLimit = fired >= Failures.SWITCH_OFF_AFTER;
            assertEquals(overLimit, Failures.switchedOff());
            assertEquals(!overLimit, NPlusOne.enabled());
            assertEquals(overLimit ? 1 : 0, log.messages().stream().filter(m -> m.contains("switched off")).count());
        }

        Failures.reset(); // switching off lasts for the life of the JVM; tests start afresh
        ScopeReport after = inScope("after", () -> transcript(watched));
        assertEquals(summary(healthy), summary(after), "detection carries on once the stage works again");
    }

    @Test
    void a_stage_that_keeps_failing_switches_detection_off_and_jdbc_passes_straight_through() throws Exception {
        try (CapturedLog log = new CapturedLog()) {
            Faults.arm(Faults.Stage.SCOPE_RECORDING);
            int runs = 0;
            while (!Failures.switchedOff()) {
                assertEquals(driverTranscript, transcript(watched));
                runs++;
            }
            long firedAtSwitchOff = Faults.fired();

            assertFalse(NPlusOne.enabled());
            assertEquals(Failures.SWITCH_OFF_AFTER, firedAtSwitchOff);
            ScopeReport off = inScope("switched off", () -> assertEquals(driverTranscript, transcript(watched)));
            assertEquals(firedAtSwitchOff, Faults.fired(), "no statement reaches the engine once switched off");
            assertEquals(0, off.statements());
            assertEquals(1, log.messages().stream().filter(m -> m.contains("internal failure in")).count(), log::text);
            assertEquals(1, log.messages().stream().filter(m -> m.contains("detection is switched off")).count(),
                    log::text);
            assertTrue(runs > 1);
        }
        Faults.disarm();
        Failures.reset();

        assertTrue(NPlusOne.enabled());
        assertEquals(2, inScope("on again", () -> transcript(watched)).findings(Finding.Kind.N_PLUS_ONE).size());
    }

    @Test
    void a_failing_suggestion_keeps_the_finding_without_its_fix() throws Exception {
        Faults.arm(Faults.Stage.SUGGESTION);
        ScopeReport report = inScope("no fix", () -> BlogPages.authorsInLoop(watched));

        Finding finding = report.findings().get(0);
        assertEquals(50, finding.executions());
        assertEquals(Finding.Confidence.CONFIRMED, finding.confidence());
        assertNull(finding.suggestion());
        assertEquals(1, Failures.count("suggestion"));
    }

    @Test
    void an_unwritable_json_report_and_a_throwing_listener_lose_only_their_own_output() throws Exception {
        Path notAFile = Files.createDirectories(directory.resolve("a-directory"));
        Consumer<ScopeReport> throwing = report -> {
            throw new IllegalStateException("listener bug");
        };
        Engine.get().addListener(throwing);
        try (CapturedLog log = new CapturedLog();
             Configured ignored = Configured.with(new Config(true, 3, true, notAFile, false, null))) {
            for (int run = 0; run < 3; run++) {
                ScopeReport report = inScope("unwritable", () -> BlogPages.authorsInLoop(watched));
                assertEquals(1, report.findings().size());
            }

            assertEquals(3, Failures.count("JSON report " + notAFile));
            assertEquals(3, Failures.count("report listener"));
            assertEquals(2, log.messages().stream().filter(m -> m.contains("internal failure in")).count(), log::text);
            assertEquals(3, log.messages().stream().filter(m -> m.startsWith("nplusone: 1 finding")).count(),
                    "the log report is still written");
        } finally {
            Engine.get().removeListener(throwing);
        }
        assertEquals(3, reports.named("unwritable").size(),
                "other listeners still get every report");
    }

    interface Work {
        void run() throws Exception;
    }

    static ScopeReport inScope(String name, Work work) throws Exception {
        Scope scope = NPlusOne.scope(name);
        try (scope) {
            work.run();
        }
        return scope.report();
    }

    /** What detection concluded, without timings: kind, executions, distinct keys, parent, strategy. */
    static List<String> summary(ScopeReport report) {
        return report.findings().stream().map(f -> f.kind() + " " + f.executions() + "x " + f.distinctKeys()
                + " keys " + f.confidence() + " " + (f.suggestion() == null ? "-" : f.suggestion().strategy())).toList();
    }

    /**
     * Application-like JDBC work whose every call is written down: what it returned, or the exception it
     * threw (class, SQLState, vendor code, message, batch counts). Run against the driver and through
     * nplusone, the two transcripts must be equal line for line.
     */
    static List<String> transcript(DataSource dataSource) throws SQLException {
        // A new alias each run gives the lookups new shapes, so the lexer and the analysis run again.
        String alias = "x" + RUNS.incrementAndGet();
        List<String> out = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            step(out, "authors of posts", () -> {
                StringBuilder rows = new StringBuilder();
                for (BlogPages.Post post : BlogPages.posts(connection)) {
                    try (PreparedStatement statement = connection.prepareStatement("select " + alias + ".id, "
                            + alias + ".name from blog_author " + alias + " where " + alias + ".id = ?")) {
                        statement.setInt(1, post.authorId());
                        try (ResultSet author = statement.executeQuery()) {
                            while (author.next()) {
                                rows.append(author.getInt(1)).append(author.getString("name")).append(';');
                            }
                        }
                    }
                }
                return rows;
            });
            step(out, "tags of posts", () -> {
                StringBuilder rows = new StringBuilder();
                for (int post = 1; post <= SeedDatabase.POSTS; post++) {
                    try (PreparedStatement statement = connection.prepareStatement("select t.id, t.name from blog_tag t"
                            + " join blog_post_tags " + alias + " on " + alias + ".tag_id = t.id where " + alias
                            + ".post_id = ? order by t.id")) {
                        statement.setLong(1, post);
                        try (ResultSet tags = statement.executeQuery()) {
                            while (tags.next()) {
                                rows.append(tags.getObject("id")).append(tags.getString(2)).append(';');
                            }
                        }
                    }
                }
                return rows;
            });
            step(out, "the same author again and again", () -> {
                StringBuilder rows = new StringBuilder();
                try (Statement statement = connection.createStatement()) {
                    for (int i = 0; i < 5; i++) {
                        try (ResultSet author = statement.executeQuery("select name from blog_author where id = 1")) {
                            author.next();
                            rows.append(author.getString(1));
                        }
                    }
                }
                return rows;
            });
            step(out, "syntax error", () -> {
                try (Statement statement = connection.createStatement()) {
                    return statement.executeQuery("selec * from blog_post");
                }
            });
            step(out, "missing table", () -> connection.prepareStatement("select * from no_such_table where id = ?"));
            step(out, "conversion error at execution", () -> {
                try (PreparedStatement statement = connection.prepareStatement("select cast(? as int)")) {
                    statement.setString(1, "not a number");
                    try (ResultSet rows = statement.executeQuery()) {
                        return rows.next();
                    }
                }
            });
            step(out, "duplicate key", () -> {
                try (Statement statement = connection.createStatement()) {
                    return statement.executeUpdate("insert into blog_author values (1, 'again', 'a1@example.com')");
                }
            });
            step(out, "update", () -> {
                try (PreparedStatement statement = connection.prepareStatement(
                        "update blog_author set name = upper(name) where id <= ?")) {
                    statement.setInt(1, 3);
                    return statement.executeUpdate();
                }
            });
            step(out, "batch with a failing row", () -> {
                try (PreparedStatement statement = connection.prepareStatement("insert into blog_tag values (?, ?)")) {
                    for (int id : new int[] {100, 1, 101}) {
                        statement.setInt(1, id);
                        statement.setString(2, "tag " + id);
                        statement.addBatch();
                    }
                    return Arrays.toString(statement.executeBatch());
                }
            });
            step(out, "column index out of range", () -> {
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("select id from blog_post order by id")) {
                    rows.next();
                    return rows.getInt(99);
                }
            });
            step(out, "read after close", () -> {
                try (Statement statement = connection.createStatement()) {
                    ResultSet rows = statement.executeQuery("select id from blog_post order by id");
                    rows.next();
                    rows.close();
                    return rows.getInt(1);
                }
            });
            step(out, "execute with results", () -> {
                try (Statement statement = connection.createStatement()) {
                    boolean isResult = statement.execute("select count(*) from blog_post where author_id = 3");
                    try (ResultSet rows = statement.getResultSet()) {
                        rows.next();
                        return isResult + " " + rows.getLong(1);
                    }
                }
            });
            connection.rollback();
        }
        return out;
    }

    interface Call {
        Object call() throws Exception;
    }

    static void step(List<String> out, String name, Call call) {
        try {
            Object result = call.call();
            out.add(name + " -> " + (result instanceof ResultSet ? "a ResultSet" : String.valueOf(result)));
        } catch (Throwable t) {
            StringBuilder line = new StringBuilder(name).append(" -> ").append(t.getClass().getName());
            if (t instanceof SQLException e) {
                line.append(" SQLState ").append(e.getSQLState()).append(" code ").append(e.getErrorCode());
            }
            if (t instanceof BatchUpdateException e) {
                line.append(" counts ").append(Arrays.toString(e.getUpdateCounts()));
            }
            out.add(line.append(": ").append(t.getMessage()).toString());
        }
    }
}
