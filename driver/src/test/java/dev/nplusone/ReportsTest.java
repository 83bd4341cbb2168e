package dev.nplusone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nplusone.internal.config.Config;
import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.CallSites;
import dev.nplusone.scenarios.SeedDatabase;
import dev.nplusone.support.CapturedLog;
import dev.nplusone.support.Configured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static SeedDatabase database;
    static DataSource watched;

    @TempDir
    Path directory;

    @BeforeAll
    static void createDatabase() {
        database = SeedDatabase.create();
        watched = NPlusOne.wrap(database.raw());
    }

    static Config config(Path json, boolean captureValues, Pattern ignore, int threshold) {
        return new Config(true, threshold, true, json, captureValues, ignore);
    }

    static ScopeReport inScope(String name, BlogPagesCall call) throws Exception {
        Scope scope = NPlusOne.scope(name);
        try (scope) {
            call.run();
        }
        return scope.report();
    }

    interface BlogPagesCall {
        void run() throws Exception;
    }

    @Test
    void json_lines_hold_one_object_per_scope_with_findings_and_the_contract_fields() throws Exception {
        Path file = directory.resolve("reports/n1.jsonl");
        try (Configured ignored = Configured.with(config(file, false, null, 3))) {
            inScope("GET /posts", () -> BlogPages.authorsInLoop(watched));
            inScope("GET /clean", () -> BlogPages.doneRight(watched));
        }

        List<String> lines = Files.readAllLines(file);
        assertEquals(1, lines.size());
        JsonNode scope = JSON.readTree(lines.get(0));
        assertEquals("GET /posts", scope.at("/scope/name").asText());
        assertEquals("explicit", scope.at("/scope/kind").asText());
        assertEquals(51, scope.get("statements").asInt());
        JsonNode finding = scope.at("/findings/0");
        assertEquals(16, finding.get("id").asText().length());
        assertEquals("N_PLUS_ONE", finding.get("kind").asText());
        assertEquals("CONFIRMED", finding.get("confidence").asText());
        assertEquals(50, finding.get("executions").asInt());
        assertEquals(20, finding.get("distinctKeys").asInt());
        assertEquals(1, finding.get("maxRows").asInt());
        assertEquals("select a.id, a.name from blog_author a where a.id = ?", finding.get("sql").asText());
        assertEquals(CallSites.of(BlogPages.class, "author"), finding.get("callSite").asText());
        assertEquals(BlogPages.POSTS_SQL, finding.at("/parent/sql").asText());
        assertEquals("author_id", finding.at("/parent/column").asText());
        assertEquals("JOIN", finding.at("/suggestion/strategy").asText());
        assertEquals(51, finding.at("/suggestion/queriesBefore").asInt());
        assertEquals(1, finding.at("/suggestion/queriesAfter").asInt());
        assertTrue(finding.get("timeNanos").asLong() > 0);
    }

    @Test
    void finding_ids_are_stable_across_scopes() throws Exception {
        ScopeReport first = inScope("a", () -> BlogPages.authorsInLoop(watched));
        ScopeReport second = inScope("b", () -> BlogPages.authorsInLoop(watched));

        assertEquals(first.findings().get(0).id(), second.findings().get(0).id());
    }

    @Test
    void a_scope_closed_on_an_interrupted_thread_is_reported_whole_as_pools_interrupt_theirs_when_closing() throws Exception {
        Path file = directory.resolve("interrupted.jsonl");
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        try (Configured ignored = Configured.with(config(file, false, null, 3))) {
            Thread closing = new Thread(() -> {
                Scope scope = NPlusOne.scope("closing pool");
                try {
                    BlogPages.tagsInLoop(watched);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    Thread.currentThread().interrupt();
                    scope.close();
                    stillInterrupted.set(Thread.interrupted());
                }
            });
            closing.start();
            closing.join();
        }

        List<String> lines = Files.readAllLines(file);
        assertEquals(1, lines.size());
        assertEquals("BATCH_IN", JSON.readTree(lines.get(0)).at("/findings/0/suggestion/strategy").asText(), lines.get(0));
        assertTrue(stillInterrupted.get(), "the interrupt is left to the thread's owner");
    }

    @Test
    void json_lines_stay_whole_when_many_scopes_close_at_once() throws Exception {
        Path file = directory.resolve("concurrent.jsonl");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (Configured ignored = Configured.with(config(file, false, null, 3))) {
            List<Future<ScopeReport>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String name = "request " + i;
                results.add(pool.submit(() -> inScope(name, () -> BlogPages.tagsInLoop(watched))));
            }
            for (Future<ScopeReport> result : results) {
                result.get();
            }
        } finally {
            pool.shutdown();
        }

        List<String> lines = Files.readAllLines(file);
        assertEquals(40, lines.size());
        for (String line : lines) {
            assertEquals(50, JSON.readTree(line).at("/findings/0/executions").asInt(), line);
        }
    }

    @Test
    void human_report_shows_evidence_and_fix_in_the_documented_layout() throws Exception {
        try (CapturedLog log = new CapturedLog()) {
            inScope("GET /posts", () -> BlogPages.authorsInLoop(watched));

            String[] lines = log.text().split("\n");
            assertEquals("nplusone: 1 finding in scope 'GET /posts' (51 statements)", lines[0]);
            assertTrue(lines[1].matches("N\\+1 QUERY \\[CONFIRMED] 50 executions, 20 distinct keys, <=1 row each,"
                    + " [0-9.]+ ms {3}\\(scope: GET /posts\\)"), lines[1]);
            // On an in-memory database only some executions are walked to their call site: the line says so.
            assertTrue(lines[2].matches(Pattern.quote("  loop at : " + CallSites.of(BlogPages.class, "author"))
                    + "( {3}\\(call site walked for \\d+ of these 50 executions, the others counted here by estimate\\))?"),
                    lines[2]);
            assertEquals("  parent  : " + BlogPages.POSTS_SQL + "   -> 50 rows, column author_id", lines[3]);
            assertEquals("  repeated: select a.id, a.name from blog_author a where a.id = ?", lines[4]);
            assertEquals("  fix JOIN: select p.id, p.title, p.author_id, a.id as a_id, a.name from blog_post p"
                    + " left join blog_author a on a.id = p.author_id order by p.id", lines[5]);
            assertTrue(lines[6].startsWith("            51 queries -> 1"), lines[6]);
        }
    }

    @Test
    void log_false_keeps_the_log_quiet() throws Exception {
        try (CapturedLog log = new CapturedLog();
             Configured ignored = Configured.with(new Config(true, 3, false, null, false, null))) {
            ScopeReport report = inScope("quiet", () -> BlogPages.authorsInLoop(watched));

            assertEquals(1, report.findings().size());
            assertEquals(List.of(), log.messages());
        }
    }

    @Test
    void ignore_pattern_suppresses_findings_by_sql_or_call_site() throws Exception {
        try (Configured ignored = Configured.with(config(null, false, Pattern.compile("blog_author"), 3))) {
            ScopeReport report = inScope("ignored", () -> BlogPages.authorsAndTagsInLoop(watched));
            assertEquals(1, report.findings().size());
            assertTrue(report.findings().get(0).sql().contains("blog_tag"));
        }
        try (Configured ignored = Configured.with(config(null, false, Pattern.compile("BlogPages\\.tagQuery"), 3))) {
            ScopeReport report = inScope("ignored", () -> BlogPages.authorsAndTagsInLoop(watched));
            assertEquals(1, report.findings().size());
            assertTrue(report.findings().get(0).sql().contains("blog_author"));
        }
    }

    @Test
    void threshold_sets_how_many_executions_make_a_finding() throws Exception {
        try (Configured ignored = Configured.with(config(null, false, null, 51))) {
            assertEquals(List.of(), inScope("t", () -> BlogPages.authorsInLoop(watched)).findings());
        }
        try (Configured ignored = Configured.with(config(null, false, null, 50))) {
            assertEquals(1, inScope("t", () -> BlogPages.authorsInLoop(watched)).findings().size());
        }
    }

    static void lookUpSecrets(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            for (int i = 0; i < 4; i++) {
                try (PreparedStatement statement = connection.prepareStatement("select id from blog_author where email = ?")) {
                    statement.setString(1, "SECRET-MARKER-" + i + "@example.com");
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                    }
                }
            }
        }
    }

    @Test
    void bound_values_never_reach_the_reports_unless_capture_is_switched_on() throws Exception {
        Path hidden = directory.resolve("hidden.jsonl");
        try (CapturedLog log = new CapturedLog(); Configured ignored = Configured.with(config(hidden, false, null, 3))) {
            ScopeReport report = inScope("secrets", () -> lookUpSecrets(watched));

            assertEquals(1, report.findings().size());
            assertEquals(List.of(), report.findings().get(0).sampleValues());
            assertFalse(log.text().contains("SECRET-MARKER"), log.text());
            assertFalse(Files.readString(hidden).contains("SECRET-MARKER"));
        }
        Path shown = directory.resolve("shown.jsonl");
        try (CapturedLog log = new CapturedLog(); Configured ignored = Configured.with(config(shown, true, null, 3))) {
            inScope("secrets", () -> lookUpSecrets(watched));

            assertTrue(log.text().contains("'SECRET-MARKER-0@example.com'"), log.text());
            assertTrue(Files.readString(shown).contains("SECRET-MARKER-3@example.com"));
        }
    }
}
