package dev.nplusone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nplusone.internal.config.Config;
import dev.nplusone.internal.report.Cli;
import dev.nplusone.internal.report.SarifSchema;
import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.SeedDatabase;
import dev.nplusone.support.Configured;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report}, {@code check} and {@code baseline} over JSON Lines written by real scopes on two "shards". */
class ReportCommandsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static DataSource watched;

    @TempDir
    Path directory;
    Path shard1;
    Path shard2;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void createDatabase() {
        watched = NPlusOne.wrap(SeedDatabase.create().raw());
    }

    @BeforeEach
    void twoShards() throws Exception {
        shard1 = directory.resolve("shard1.jsonl");
        shard2 = directory.resolve("shard2.jsonl");
        record(shard1, "GET /posts", () -> BlogPages.authorsInLoop(watched));
        record(shard2, "GET /posts", () -> BlogPages.authorsInLoop(watched));
        record(shard2, "GET /tags", () -> BlogPages.tagsInLoop(watched));
    }

    static void record(Path json, String scope, ReportsTest.BlogPagesCall call) throws Exception {
        Config config = Config.from(Map.of("json", json.toString(), "log", "false", "json.all", "true"), e -> { });
        try (Configured ignored = Configured.with(config); Scope ignoredScope = NPlusOne.scope(scope)) {
            call.run();
        }
    }

    int run(String... args) {
        out.reset();
        err.reset();
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                StandardCharsets.UTF_8)).run(args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void check_fails_on_findings_missing_from_the_baseline_and_passes_once_they_are_accepted() throws Exception {
        Path baseline = directory.resolve("baseline.json");
        Files.writeString(baseline, "{\"version\":1,\"accepted\":[]}");

        assertEquals(1, run("check", "--baseline", baseline.toString(), shard1.toString(), shard2.toString()));
        assertEquals(2, out().lines().filter(line -> line.startsWith("NEW ")).count(), out());
        assertTrue(out().contains("nplusone check: FAILED, 2 findings not accepted by the baseline"), out());

        assertEquals(0, run("baseline", shard1.toString(), shard2.toString()));
        Files.writeString(baseline, out());
        JsonNode written = JSON.readTree(baseline.toFile());
        assertEquals(1, written.get("version").asInt());
        assertEquals(2, written.get("accepted").size());
        assertEquals("accepted " + LocalDate.now(), written.at("/accepted/0/reason").asText());

        assertEquals(0, run("check", "--baseline", baseline.toString(), shard1.toString(), shard2.toString()), out());
        assertTrue(out().contains("(0 new, 2 accepted, 0 expired), 0 stale baseline entries"), out());
        assertTrue(out().contains("nplusone check: passed"), out());
    }

    @Test
    void check_fails_on_an_expired_acceptance_and_lists_stale_entries() throws Exception {
        run("baseline", shard1.toString(), shard2.toString());
        JsonNode entries = JSON.readTree(out()).get("accepted");
        String first = entries.get(0).get("id").asText();
        String second = entries.get(1).get("id").asText();
        Path baseline = directory.resolve("baseline.json");
        Files.writeString(baseline, "{\"version\":1,\"accepted\":["
                + "{\"id\":\"" + first + "\",\"reason\":\"until the rewrite\",\"expires\":\"2020-01-31\"},"
                + "{\"id\":\"" + second + "\",\"reason\":\"admin page\",\"expires\":null},"
                + "{\"id\":\"00000000deadbeef\",\"callSite\":\"com.acme.Old.gone(Old.java:1)\",\"reason\":\"fixed\"}]}");

        assertEquals(1, run("check", "--baseline", baseline.toString(), shard1.toString(), shard2.toString()));
        assertTrue(out().contains("EXPIRED " + first), out());
        assertTrue(out().contains("STALE 00000000deadbeef matches nothing"), out());
        assertTrue(out().contains("(0 new, 1 accepted, 1 expired), 1 stale baseline entries"), out());
    }

    @Test
    void report_writes_html_and_a_valid_sarif_from_several_files() throws Exception {
        Path html = directory.resolve("out/report.html");
        Path sarif = directory.resolve("out/report.sarif");

        assertEquals(0, run("report", "--html", html.toString(), "--sarif", sarif.toString(), shard1.toString(),
                shard2.toString()), err.toString(StandardCharsets.UTF_8));

        String page = Files.readString(html);
        assertTrue(page.contains("<b>3</b> scopes"), "every scope of both files");
        assertTrue(page.contains("<tr><td>GET /posts</td>") || page.contains("<tr class=\"has-findings\"><td>GET /posts"
                + "</td><td>explicit</td><td class=\"n\" data-v=\"2\">2</td>"), "GET /posts twice, over both files");
        assertTrue(page.contains("<section class=\"timeline\""), "timelines read back from the JSON Lines");
        String log = Files.readString(sarif);
        assertEquals(List.of(), SarifSchema.problems(log));
        assertEquals(2, JSON.readTree(log).at("/runs/0/results").size());
    }

    @Test
    void a_damaged_line_is_named_and_skipped_and_the_rest_is_read() throws Exception {
        Files.writeString(shard2, Files.readString(shard2) + "{\"scope\":{\"name\":\"cut short", StandardCharsets.UTF_8);

        assertEquals(0, run("baseline", shard1.toString(), shard2.toString()));
        assertEquals(2, JSON.readTree(out()).get("accepted").size());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("shard2.jsonl:3: not a scope line, skipped"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void check_and_baseline_see_every_finding_however_many_there_are() throws Exception {
        int count = 2_500;
        Path many = directory.resolve("many.jsonl");
        StringBuilder lines = new StringBuilder();
        StringBuilder accepted = new StringBuilder("{\"version\":1,\"accepted\":[");
        for (int i = 0; i < count; i++) {
            String id = String.format("%016x", i);
            lines.append("{\"scope\":{\"name\":\"GET /page").append(i).append("\",\"kind\":\"http\"},\"statements\":12,")
                    .append("\"findings\":[{\"id\":\"").append(id).append("\",\"kind\":\"N_PLUS_ONE\",")
                    .append("\"executions\":10,\"sql\":\"select * from t where id = ?\",")
                    .append("\"callSite\":\"com.acme.Page.p(Page.java:").append(i + 1).append(")\"}]}\n");
            if (i < count - 1) {
                accepted.append(i == 0 ? "" : ",").append("{\"id\":\"").append(id).append("\"}");
            }
        }
        Files.writeString(many, lines);
        Path baseline = directory.resolve("all-but-the-last.json");
        Files.writeString(baseline, accepted.append("]}"));
        String last = String.format("%016x", count - 1);

        assertEquals(1, run("check", "--baseline", baseline.toString(), many.toString()), out());
        assertTrue(out().contains("NEW " + last + " "), out());
        assertTrue(out().contains("(1 new, " + (count - 1) + " accepted, 0 expired), 0 stale baseline entries"), out());

        assertEquals(0, run("baseline", many.toString()));
        Path everything = directory.resolve("everything.json");
        Files.writeString(everything, out());
        assertEquals(count, JSON.readTree(everything.toFile()).get("accepted").size());
        assertEquals(0, run("check", "--baseline", everything.toString(), many.toString()), out());
        assertTrue(out().contains("nplusone check: passed"), out());
    }

    @Test
    void a_typo_in_fail_on_stops_the_check_with_bad_usage_instead_of_passing() throws Exception {
        Path baseline = directory.resolve("baseline.json");
        Files.writeString(baseline, "{\"version\":1,\"accepted\":[]}");
        System.setProperty("nplusone.failOn", "nwe");
        try {
            assertEquals(2, run("check", "--baseline", baseline.toString(), shard1.toString()), out());
            assertTrue(err.toString(StandardCharsets.UTF_8).startsWith(
                    "nplusone: -Dnplusone.failOn 'nwe' is not none, new or any"), err.toString(StandardCharsets.UTF_8));
            assertTrue(out().isEmpty(), "no verdict: " + out());
        } finally {
            System.clearProperty("nplusone.failOn");
        }
        assertEquals(2, run("check", "--fail-on", "anny", shard1.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("nplusone: --fail-on 'anny' is not none, new or any"));
    }

    @Test
    void bad_usage_gives_one_message_and_exit_code_2() {
        assertEquals(2, run("check", shard1.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("nplusone: check needs --baseline FILE"));
        assertEquals(2, run("check", "--baseline", directory.resolve("missing.json").toString(), shard1.toString()));
        assertEquals(2, run("report", "--html"));
        assertEquals(2, run("frobnicate"));
    }
}
