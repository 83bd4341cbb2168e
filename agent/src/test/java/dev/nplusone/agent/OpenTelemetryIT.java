package dev.nplusone.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nplusone.agent.ExportedSpans.Event;
import dev.nplusone.agent.ExportedSpans.ExportedSpan;
import dev.nplusone.apps.OtelSdkWebProgram;
import dev.nplusone.apps.WebProgram;
import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.CallSites;
import dev.nplusone.scenarios.CompanyPages;
import dev.nplusone.scenarios.SeedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Findings in OpenTelemetry, end to end with the real thing (profile {@code -Potel}):
 * <ul>
 *   <li>a fleet of two JVMs of one service ({@code blog}), each the unchanged web program with the OpenTelemetry
 *       Java agent (traces to its {@code logging-otlp} exporter, metrics to its Prometheus endpoint) and nplusone's
 *       agent, scraped by a real Prometheus;</li>
 *   <li>an application with its own OpenTelemetry SDK (autoconfigure, {@code logging-otlp}) and the
 *       {@code jdbc:nplusone:} URL, no agent.</li>
 * </ul>
 */
class OpenTelemetryIT {
    static final String OTEL_AGENT = System.getProperty("otel.javaagent.jar");
    static final String SERVICE = "blog";
    static final List<String> FIRST_REQUESTS = List.of("/posts", "/posts/7", "/posts", "/companies/acme/employees", "/posts");
    static final List<String> SECOND_REQUESTS = List.of("/posts", "/companies/globex/employees", "/posts/8", "/posts");
    /** What Prometheus is asked: findings per finding id and route, summed over the service's instances. */
    static final String FINDINGS_PER_ROUTE = "sum by (nplusone_finding_id, nplusone_scope_name) (nplusone_findings_total{job=\""
            + SERVICE + "\"})";
    static final String INSTANCES_PER_FINDING = "count by (nplusone_finding_id) (nplusone_findings_total{job=\"" + SERVICE + "\"})";
    static final String SCOPES_PER_ROUTE = "sum by (nplusone_scope_name) (nplusone_scope_statements_count{job=\"" + SERVICE + "\"})";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static Fleet fleet;

    /** What the fleet run left: the first JVM's spans and JSON Lines, and Prometheus's answers (null without it). */
    record Fleet(List<ExportedSpan> spans, List<JsonNode> jsonLines, Map<String, JsonNode> promql, String noPrometheus) {
    }

    @BeforeAll
    static void onlyWithTheOtelProfile() {
        if (OTEL_AGENT == null) {
            System.out.println("== OpenTelemetryIT skipped: OpenTelemetry end-to-end tests run with -Potel"
                    + " (./mvnw -B verify -pl agent -am -Potel; needs the prometheus binary)");
        }
        assumeTrue(OTEL_AGENT != null, "run with -Potel");
    }

    @Test
    void each_finding_is_an_event_on_the_request_server_span_of_the_opentelemetry_java_agent() {
        Fleet run = fleet();
        List<ExportedSpan> servers = run.spans().stream().filter(ExportedSpan::isServer).toList();
        List<ExportedSpan> posts = servers.stream().filter(path("/posts")).toList();
        List<ExportedSpan> clean = servers.stream().filter(path("/posts/7")).toList();
        List<ExportedSpan> companies = servers.stream().filter(path("/companies/acme/employees")).toList();
        assertEquals(List.of(3, 1, 1), List.of(posts.size(), clean.size(), companies.size()), servers::toString);

        String findingId = run.jsonLines().get(0).at("/findings/0/id").asText();
        for (ExportedSpan span : posts) {
            List<Event> events = span.events("nplusone.finding");
            assertEquals(1, events.size(), span::toString);
            assertEquals(1L, span.attributes().get("nplusone.findings"));
            Map<String, Object> attributes = events.get(0).attributes();
            assertEquals(findingId, attributes.get("nplusone.finding.id"), "the id of the JSON report's finding");
            assertEquals("N_PLUS_ONE", attributes.get("nplusone.finding.kind"));
            assertEquals("CONFIRMED", attributes.get("nplusone.finding.confidence"));
            assertEquals((long) SeedDatabase.POSTS, attributes.get("nplusone.finding.executions"));
            assertEquals((long) SeedDatabase.AUTHORS, attributes.get("nplusone.finding.distinct_keys"));
            assertEquals(BlogPages.AUTHOR_SQL, attributes.get("db.query.text"));
            assertEquals("SELECT blog_author", attributes.get("db.query.summary"));
            assertEquals(BlogPages.POSTS_SQL, attributes.get("nplusone.parent.query.text"));
            assertEquals("JOIN", attributes.get("nplusone.suggestion.strategy"));
            assertEquals("select p.id, p.title, p.author_id, a.id as a_id, a.name from blog_post p left join blog_author a"
                    + " on a.id = p.author_id order by p.id", attributes.get("nplusone.suggestion.sql"));
            String callSite = CallSites.of(BlogPages.class, "author");
            assertEquals(BlogPages.class.getName() + ".author", attributes.get("code.function.name"));
            assertEquals("dev/nplusone/scenarios/BlogPages.java", attributes.get("code.file.path"));
            assertEquals(Long.parseLong(callSite.replaceAll(".*:(\\d+)\\)$", "$1")), attributes.get("code.line.number"));
            assertEquals(13, attributes.size(), attributes::toString);
        }
        assertTrue(clean.get(0).events().isEmpty(), "the clean page's span gets no event");
        assertFalse(clean.get(0).attributes().containsKey("nplusone.findings"));
        assertEquals(2L, companies.get(0).attributes().get("nplusone.findings"));
        assertEquals(java.util.Set.of(CompanyPages.CITY_SQL, CompanyPages.COUNTRY_SQL), companies.get(0)
                .events("nplusone.finding").stream().map(event -> event.attributes().get("db.query.text"))
                .collect(java.util.stream.Collectors.toSet()));
        assertTrue(run.spans().stream().filter(span -> !span.isServer()).allMatch(span -> span.events("nplusone.finding").isEmpty()),
                "only server spans carry findings (the Java agent's JDBC spans do not)");
        System.out.println("exported span event: " + posts.get(0).events("nplusone.finding").get(0).json());
    }

    @Test
    void prometheus_sums_findings_per_finding_id_and_route_over_two_jvms_of_one_service() {
        Fleet run = fleet();
        assertTrue(run.noPrometheus() == null, run.noPrometheus());
        String findingId = run.jsonLines().get(0).at("/findings/0/id").asText();

        Map<String, Long> perRoute = new TreeMap<>();
        for (JsonNode series : run.promql().get(FINDINGS_PER_ROUTE)) {
            perRoute.put(series.at("/metric/nplusone_scope_name").asText() + " " + series.at("/metric/nplusone_finding_id").asText(),
                    Math.round(series.at("/value/1").asDouble()));
        }
        assertEquals(3, perRoute.size(), perRoute::toString);
        assertEquals(5L, perRoute.get("GET /posts " + findingId), "3 requests on the first JVM, 2 on the second: " + perRoute);
        assertEquals(List.of(2L, 2L), perRoute.entrySet().stream().filter(e -> e.getKey().startsWith("GET /companies/{name}/employees "))
                .map(Map.Entry::getValue).toList(), "the city and the country loop, once per JVM: " + perRoute);
        for (JsonNode series : run.promql().get(INSTANCES_PER_FINDING)) {
            assertEquals(2L, Math.round(series.at("/value/1").asDouble()), "each finding seen on both JVMs: " + series);
        }
        Map<String, Long> scopes = new TreeMap<>();
        for (JsonNode series : run.promql().get(SCOPES_PER_ROUTE)) {
            scopes.put(series.at("/metric/nplusone_scope_name").asText(), Math.round(series.at("/value/1").asDouble()));
        }
        assertEquals(5L, scopes.get("GET /posts"), scopes::toString);
        assertEquals(2L, scopes.get("GET /posts/{id}"), "clean pages are in the statements histogram: " + scopes);
        System.out.println("PromQL " + FINDINGS_PER_ROUTE + " -> " + run.promql().get(FINDINGS_PER_ROUTE));
    }

    @Test
    void an_application_sdk_with_the_url_driver_gets_the_event_on_its_own_server_span() throws Exception {
        String connectionInMetrics = scopeNameAttribute("connection");
        String output = runSdkProgram(ChildJvm.on(Jdk.CURRENT), "url", connectionInMetrics);

        assertFindingOnServerSpanOfPostsOnly(output);
        assertTrue(output.contains(connectionInMetrics), "a DriverManager connection's scope is 'connection' in metrics,"
                + " without its URL");
    }

    /**
     * nplusone's relocated agent reaches the application's own OpenTelemetry API (no Java agent) through the
     * application's class loader: findings are counted per route. The application's tracing filter opens its server
     * span after the agent's request scope opened and ends it before the scope closes, so the events have no span
     * to go to there (agent/README.md, "OpenTelemetry").
     */
    @Test
    void nplusones_agent_counts_findings_per_route_through_an_application_sdk() throws Exception {
        String posts = scopeNameAttribute("GET /posts");
        String clean = scopeNameAttribute("GET /posts/{id}");
        String output = runSdkProgram(ChildJvm.on(Jdk.CURRENT).agent(""), "plain", posts, clean);

        assertTrue(output.contains(posts), "the agent's request scope, named after its route, in the application's metrics");
        assertTrue(output.contains(clean), "the clean page in the statements histogram");
    }

    private static String scopeNameAttribute(String name) {
        return "{\"key\":\"nplusone.scope.name\",\"value\":{\"stringValue\":\"" + name + "\"}}";
    }

    /**
     * Runs the SDK program, requests the N+1 and the clean page, and returns its output once both server spans, both
     * metrics and {@code expected} are out (the exporters run on their own schedules).
     */
    private static String runSdkProgram(ChildJvm jvm, String dataSource, String... expected) throws Exception {
        ChildJvm.Running running = jvm.classpath(ChildJvm.Classpath.OTEL_SDK_APPLICATION)
                .option("-Dotel.java.global-autoconfigure.enabled=true").option("-Dotel.service.name=blog-sdk")
                .option("-Dotel.traces.exporter=logging-otlp").option("-Dotel.metrics.exporter=logging-otlp")
                .option("-Dotel.logs.exporter=none").option("-Dotel.bsp.schedule.delay=100")
                .option("-Dotel.metric.export.interval=500")
                .start(OtelSdkWebProgram.class, dataSource);
        List<String> awaited = new ArrayList<>(List.of("\"name\":\"GET /posts\"", "\"name\":\"GET /posts/{id}\"",
                "\"name\":\"nplusone.findings\"", "\"name\":\"nplusone.scope.statements\""));
        awaited.addAll(List.of(expected));
        String output;
        try {
            get(WebProgramIT.port(running), List.of("/posts", "/posts/3"));
            output = awaitOutput(running, text -> awaited.stream().allMatch(text::contains));
        } finally {
            running.stop();
        }
        running.await().assertExitedNormally();
        return output;
    }

    private static void assertFindingOnServerSpanOfPostsOnly(String output) {
        List<ExportedSpan> servers = ExportedSpans.parse(output).stream().filter(ExportedSpan::isServer).toList();
        ExportedSpan posts = servers.stream().filter(span -> span.name().equals("GET /posts")).findFirst().orElseThrow();
        List<Event> events = posts.events("nplusone.finding");
        assertEquals(1, events.size(), posts::toString);
        assertEquals(1L, posts.attributes().get("nplusone.findings"));
        assertEquals(BlogPages.AUTHOR_SQL, events.get(0).attributes().get("db.query.text"));
        assertEquals("JOIN", events.get(0).attributes().get("nplusone.suggestion.strategy"));
        assertEquals(13, events.get(0).attributes().size(), events.get(0).attributes()::toString);
        ExportedSpan clean = servers.stream().filter(span -> span.name().equals("GET /posts/{id}")).findFirst().orElseThrow();
        assertTrue(clean.events().isEmpty());
        assertTrue(output.contains("\"name\":\"nplusone.findings\"") && output.contains("\"name\":\"nplusone.scope.statements\""),
                "both metrics through the application's MeterProvider");
    }

    private static Predicate<ExportedSpan> path(String path) {
        return span -> path.equals(span.attributes().get("url.path"));
    }

    private static synchronized Fleet fleet() {
        if (fleet == null) {
            fleet = startFleet();
        }
        return fleet;
    }

    /** Two JVMs of the service, their requests, Prometheus scraping both, then both stopped. */
    private static Fleet startFleet() {
        List<ChildJvm.Running> jvms = new ArrayList<>();
        Path json = null;
        try {
            List<Integer> metricsPorts = List.of(PrometheusServer.freePort(), PrometheusServer.freePort());
            for (int port : metricsPorts) {
                ChildJvm jvm = ChildJvm.on(Jdk.CURRENT);
                json = json == null ? jvm.file("n1.jsonl") : json;
                jvms.add(jvm.option("-javaagent:" + OTEL_AGENT)
                        .option("-Dotel.service.name=" + SERVICE).option("-Dotel.traces.exporter=logging-otlp")
                        .option("-Dotel.metrics.exporter=prometheus").option("-Dotel.exporter.prometheus.host=127.0.0.1")
                        .option("-Dotel.exporter.prometheus.port=" + port).option("-Dotel.logs.exporter=none")
                        .option("-Dotel.bsp.schedule.delay=200")
                        .agent(jvms.isEmpty() ? "json=" + json : "").start(WebProgram.class));
            }
            get(WebProgramIT.port(jvms.get(0)), FIRST_REQUESTS);
            get(WebProgramIT.port(jvms.get(1)), SECOND_REQUESTS);
            Map<String, JsonNode> answers = new TreeMap<>();
            String noPrometheus = scrape(metricsPorts, answers);
            jvms.forEach(ChildJvm.Running::stop);
            ChildJvm.Result first = jvms.get(0).await().assertExitedNormally();
            jvms.get(1).await().assertExitedNormally();
            return new Fleet(ExportedSpans.parse(first.stderr() + "\n" + first.stdout()), JsonLines.read(json), answers,
                    noPrometheus);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            jvms.forEach(ChildJvm.Running::stop);
        }
    }

    /** Fills {@code answers} once Prometheus has scraped every request of both JVMs; returns why not, or null. */
    private static String scrape(List<Integer> metricsPorts, Map<String, JsonNode> answers) throws IOException {
        Path binary = PrometheusServer.binary().orElse(null);
        if (binary == null) {
            return "no prometheus binary on the PATH (apt-get install prometheus, or -Dprometheus.binary=...)";
        }
        Path directory = ChildJvm.WORK.resolve("prometheus-" + ProcessHandle.current().pid());
        try (PrometheusServer prometheus = PrometheusServer.start(binary, directory, SERVICE,
                metricsPorts.stream().map(port -> "127.0.0.1:" + port).toList())) {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            long expected = FIRST_REQUESTS.stream().filter(p -> p.equals("/posts")).count()
                    + SECOND_REQUESTS.stream().filter(p -> p.equals("/posts")).count() + 2 * 2;
            while (System.nanoTime() < deadline) {
                JsonNode findings = prometheus.query(FINDINGS_PER_ROUTE);
                long total = 0;
                for (JsonNode series : findings) {
                    total += Math.round(series.at("/value/1").asDouble());
                }
                if (total == expected) {
                    answers.put(FINDINGS_PER_ROUTE, findings);
                    answers.put(INSTANCES_PER_FINDING, prometheus.query(INSTANCES_PER_FINDING));
                    answers.put(SCOPES_PER_ROUTE, prometheus.query(SCOPES_PER_ROUTE));
                    return null;
                }
                Thread.sleep(500);
            }
            return "Prometheus did not see " + expected + " findings within " + PATIENCE + ": "
                    + prometheus.query(FINDINGS_PER_ROUTE) + "; its log: " + Files.readString(directory.resolve("prometheus.log"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void get(int port, List<String> paths) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            for (String path : paths) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), () -> path + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The program's standard error once {@code ready} holds for it (exporters run on their own schedule). */
    private static String awaitOutput(ChildJvm.Running running, Predicate<String> ready) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String text = Files.readString(running.stderrFile());
        while (!ready.test(text) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            text = Files.readString(running.stderrFile());
        }
        return text;
    }
}
