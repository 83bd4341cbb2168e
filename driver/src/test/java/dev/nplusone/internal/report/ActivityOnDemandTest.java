package dev.nplusone.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.ScopeReport;
import dev.nplusone.internal.Engine;
import dev.nplusone.internal.config.Config;
import dev.nplusone.internal.scope.ScopeActivity;
import dev.nplusone.internal.scope.ScopeRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scope's activity (time, shapes, timeline) is made only when a report writes it, and once per scope. */
class ActivityOnDemandTest {
    @TempDir
    Path directory;

    @Test
    void a_reported_scopes_activity_is_made_once_however_many_reports_read_it() {
        ScopeRecorder request = Engine.get().open("GET /posts", "http", 0);
        Engine.get().closeOnThread(request);
        ScopeRecorder connection = new ScopeRecorder("connection 7 (orders)", "connection", 5);
        Engine.get().close(connection);

        assertSame(request.activity(), request.activity(), "the JSON line, the HTML report and the actuator page");
        assertSame(connection.activity(), connection.activity(), "a connection scope, reported when it is returned");
    }

    @Test
    void json_lines_of_findings_only_ask_no_activity_of_the_scopes_without_findings() throws Exception {
        Path json = directory.resolve("findings.jsonl");
        ScopeReport clean = new ScopeReport("GET /health", "http", 1, List.of(), List.of(), false);
        AtomicInteger asked = new AtomicInteger();
        Supplier<ScopeActivity> activity = () -> {
            asked.incrementAndGet();
            return ScopeActivity.NONE;
        };

        new Reporter().report(clean, activity, Config.from(Map.of("json", json.toString(), "log", "false"), e -> { }));
        assertEquals(0, asked.get());
        assertFalse(Files.exists(json));

        new Reporter().report(clean, activity, Config.from(Map.of("json", json.toString(), "log", "false",
                "json.all", "true"), e -> { }));
        assertEquals(1, asked.get(), "json.all writes every scope with its activity");
        assertTrue(Files.readString(json).contains("\"GET /health\""));
    }
}
