package dev.nplusone.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nplusone.apps.WebProgram;
import dev.nplusone.internal.report.SarifSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reports for people and CI from an unchanged web application under the agent: the HTML report rewritten while
 * requests are served and written whole at exit, every request in it (clean ones too), the SARIF file valid against
 * the official schema, JSON Lines with clean scopes ({@code json.all=true}), and the CLI in the same jar
 * ({@code java -jar nplusone-agent.jar}) gating on a baseline. The HTML is left in {@code target/reports} for the
 * browser tests.
 */
class ReportsIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> PAGES = List.of("/posts", "/posts/7", "/companies/acme/employees", "/posts/8");
    static final int REQUESTS = Integer.getInteger("reports.requests", 400);
    static ChildJvm jvm;
    static Path html;
    static Path sarif;
    static Path json;
    static String liveHtml;
    static ChildJvm.Result result;

    @BeforeAll
    static void runTheWebProgramWithReports() throws Exception {
        jvm = ChildJvm.on(Jdk.CURRENT);
        html = jvm.file("report.html");
        sarif = jvm.file("report.sarif");
        json = jvm.file("n1.jsonl");
        ChildJvm.Running running = jvm.agent("json=" + json + ",json.all=true,html=" + html + ",sarif=" + sarif)
                .option("-Dwatchdog.seconds=" + Math.max(120, REQUESTS / 20)).start(WebProgram.class);
        try {
            int port = WebProgramIT.port(running);
            long start = System.nanoTime();
            request(port, REQUESTS);
            System.out.printf("nplusone: %,d requests under the agent with the HTML report on in %,d ms%n", REQUESTS,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            liveHtml = awaitLiveReport();
        } finally {
            running.stop();
        }
        result = running.await().assertExitedNormally();
        Path reports = Path.of(System.getProperty("reports.dir", "target/reports"));
        Files.createDirectories(reports);
        Files.copy(html, reports.resolve("web-run.html"), StandardCopyOption.REPLACE_EXISTING);
        System.out.printf("nplusone: agent run report %s: %,d bytes for %,d requests%n",
                reports.resolve("web-run.html").toAbsolutePath(), Files.size(html), REQUESTS);
    }

    /** {@code count} requests over four connections, the pages in turn. */
    private static void request(int port, int count) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                URI page = URI.create("http://127.0.0.1:" + port + PAGES.get(i % PAGES.size()));
                statuses.add(callers.submit(() -> client.send(HttpRequest.newBuilder(page)
                        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.discarding()).statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertEquals(200, status.get());
            }
        } finally {
            callers.shutdown();
        }
    }

    /** The report the writer thread keeps rewriting while the application runs (at most a few seconds behind). */
    private static String awaitLiveReport() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (Files.exists(html)) {
                String page = Files.readString(html);
                if (page.contains(postsRow())) {
                    return page;
                }
            }
            Thread.sleep(100);
        }
        return Files.exists(html) ? Files.readString(html) : "";
    }

    static String postsRow() {
        return "<td>GET /posts</td><td>http</td><td class=\"n\" data-v=\"" + REQUESTS / PAGES.size() + "\">";
    }

    @Test
    void the_html_report_is_rewritten_while_the_application_serves_requests() {
        assertTrue(liveHtml.contains(postsRow()), "every GET /posts request, before the JVM exits: "
                + (liveHtml.isEmpty() ? "no report" : liveHtml.substring(0, Math.min(2000, liveHtml.length()))));
        assertTrue(liveHtml.endsWith("</html>\n"), "always a whole file");
    }

    @Test
    void the_html_report_has_a_row_per_route_with_its_runs_and_the_findings_once() throws Exception {
        String page = Files.readString(html);
        int each = REQUESTS / PAGES.size();

        assertTrue(page.contains(postsRow()), page);
        assertTrue(page.contains("<td>GET /posts/{id}</td><td>http</td><td class=\"n\" data-v=\"" + 2 * each + "\">"),
                "the clean route too, both ids under one route");
        assertTrue(page.contains("<td>GET /companies/{name}/employees</td><td>http</td><td class=\"n\" data-v=\""
                + each + "\">"), "the route pattern the framework published");
        assertEquals(3, count(page, "<article class=\"finding\""), "three findings, each once however many requests");
        assertTrue(page.contains("In <b>" + each + "</b> scopes: <span class=\"scope\">GET /posts</span>"));
    }

    @Test
    void the_sarif_file_written_at_exit_is_valid_and_has_a_result_per_finding() throws Exception {
        String log = Files.readString(sarif);

        assertEquals(List.of(), SarifSchema.problems(log));
        JsonNode results = JSON.readTree(log).at("/runs/0/results");
        assertEquals(3, results.size());
        for (JsonNode result : results) {
            assertEquals("nplusone/n-plus-one", result.get("ruleId").asText());
            assertEquals(16, result.at("/partialFingerprints/nplusoneFindingId~1v1").asText().length());
        }
    }

    @Test
    void json_lines_hold_every_request_with_json_all_clean_ones_too() throws Exception {
        List<String> lines = Files.readAllLines(json).stream().filter(line -> line.contains("\"kind\":\"http\"")).toList();
        assertEquals(REQUESTS, lines.size());
        long clean = lines.stream().filter(line -> line.contains("\"findings\":[]")).count();
        assertEquals(REQUESTS / 2, clean, "the /posts/{id} requests, without findings");
    }

    @Test
    void the_agent_jar_is_also_the_command_line_that_gates_on_a_baseline() throws Exception {
        Path empty = jvm.file("empty-baseline.json");
        Files.writeString(empty, "{\"version\":1,\"accepted\":[]}");
        ChildJvm.Result failed = cli("check", "--baseline", empty.toString(), json.toString());
        assertEquals(1, failed.exitCode(), failed.stdout() + failed.stderr());
        assertEquals(3, failed.stdout().lines().filter(line -> line.startsWith("NEW ")).count(), failed.stdout());

        ChildJvm.Result written = cli("baseline", json.toString());
        assertEquals(0, written.exitCode(), written.stderr());
        Path baseline = jvm.file("baseline.json");
        Files.writeString(baseline, written.stdout());
        ChildJvm.Result passed = cli("check", "--baseline", baseline.toString(), json.toString());
        assertEquals(0, passed.exitCode(), passed.stdout() + passed.stderr());
        assertTrue(passed.stdout().contains("nplusone check: passed"), passed.stdout());
        ChildJvm.Result typo = cli(List.of("-Dnplusone.failOn=nwe"), "check", "--baseline", baseline.toString(),
                json.toString());
        assertEquals(2, typo.exitCode(), "a typo in the gate's setting stops the build: " + typo.stdout());
        assertTrue(typo.stderr().startsWith("nplusone: -Dnplusone.failOn 'nwe' is not none, new or any"), typo.stderr());

        Path again = jvm.file("again.html");
        ChildJvm.Result report = cli("report", "--html", again.toString(), json.toString());
        assertEquals(0, report.exitCode(), report.stderr());
        assertTrue(Files.readString(again).contains(postsRow()));
    }

    @Test
    void the_application_logs_no_report_failure() {
        assertFalse(result.stderr().contains("HTML"), result.stderr());
        assertFalse(result.stderr().contains("SARIF"), result.stderr());
    }

    /** {@code java -jar nplusone-agent.jar args...} on this machine's JDK. */
    private static ChildJvm.Result cli(String... args) throws Exception {
        return cli(List.of(), args);
    }

    private static ChildJvm.Result cli(List<String> jvmOptions, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Jdk.CURRENT.java().toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", ChildJvm.AGENT_JAR.toString()));
        command.addAll(List.of(args));
        Path stderr = jvm.file("cli-stderr.txt");
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        try {
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the command ended");
            return new ChildJvm.Result(process.exitValue(), stdout, Files.readString(stderr));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
