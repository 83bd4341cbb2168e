package dev.nplusone.spring.sample.any;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.nplusone.Finding;
import dev.nplusone.NPlusOne;
import dev.nplusone.Scope;
import dev.nplusone.ScopeReport;
import dev.nplusone.internal.Engine;
import dev.nplusone.spring.sample.OwnerService;
import dev.nplusone.spring.sample.SampleApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The sample application on Tomcat over HTTP with the starter on its class path and nothing else changed: its pooled
 * DataSource is watched, each request is a scope named by its route, {@code @Async} work joins the request that
 * started it, and {@code /actuator/nplusone} serves what was found, as JSON and as the HTML report. In order: the clean pages first, while the
 * application has found nothing yet.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StarterInAWebApplicationTest {
    private static final List<ScopeReport> CLOSED = new CopyOnWriteArrayList<>();
    private static final Consumer<ScopeReport> LISTENER = CLOSED::add;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    OwnerService service;

    @BeforeAll
    static void listen() {
        Engine.get().addListener(LISTENER);
    }

    @AfterAll
    static void stopListening() {
        Engine.get().removeListener(LISTENER);
    }

    @Test
    @Order(1)
    void a_clean_application_reports_nothing() throws Exception {
        assertEquals("[\"Rosy\",\"Jewel\"]", get("/owners/3/pets"));
        assertEquals("[\"George\",\"Samantha\",\"Max\"]", get("/owners/5/pets"));

        List<ScopeReport> requests = requests("GET /owners/{id}/pets");
        assertEquals(2, requests.size(), () -> "scopes: " + CLOSED);
        for (ScopeReport request : requests) {
            assertEquals(1, request.statements());
            assertEquals(List.of(), request.findings());
        }
        Map<String, Object> endpoint = endpoint();
        assertEquals(List.of(), endpoint.get("findings"));
        assertEquals(true, endpoint.get("enabled"));
        assertEquals("starter", endpoint.get("watchedBy"));

        String page = get("/actuator/nplusone/html");
        assertTrue(page.contains("<p>No N+1 or duplicate queries found.</p>"), page);
        assertTrue(page.contains("<tr><td>GET /owners/{id}/pets</td><td>http</td><td class=\"n\" data-v=\"2\">2</td>"),
                page);
    }

    @Test
    @Order(2)
    void names_each_request_scope_by_its_route_and_finds_the_loop_there() throws Exception {
        get("/owners");

        ScopeReport request = requests("GET /owners").get(0);
        assertEquals("http", request.kind());
        assertEquals(6, request.statements());
        Finding finding = request.findings().get(0);
        assertEquals(Finding.Kind.N_PLUS_ONE, finding.kind());
        assertEquals(5, finding.executions());
        assertEquals(Finding.Strategy.BATCH_IN, finding.suggestion().strategy());
    }

    @Test
    @Order(3)
    void carries_the_request_scope_to_the_async_method_that_runs_the_loop() throws Exception {
        get("/owners/async");

        ScopeReport request = requests("GET /owners/async").get(0);
        assertEquals(6, request.statements());
        assertEquals(5, request.findings().get(0).executions());
    }

    @Test
    @Order(4)
    @SuppressWarnings("unchecked")
    void serves_each_finding_since_start_once_with_its_counts_routes_and_fix() throws Exception {
        get("/owners");

        List<Map<String, Object>> findings = (List<Map<String, Object>>) endpoint().get("findings");
        assertEquals(1, findings.size(), () -> "findings: " + findings);
        Map<String, Object> finding = findings.get(0);
        assertEquals(requests("GET /owners").get(0).findings().get(0).id(), finding.get("id"));
        assertEquals("N_PLUS_ONE", finding.get("kind"));
        assertEquals("CONFIRMED", finding.get("confidence"));
        assertEquals(3, ((Number) finding.get("occurrences")).intValue());
        assertEquals(15, ((Number) finding.get("executions")).intValue());
        assertEquals(List.of("GET /owners", "GET /owners/async"), finding.get("routes"));
        assertTrue(((String) finding.get("callSite")).startsWith("dev.nplusone.spring.sample.OwnerService.petsOfEveryOwner("),
                () -> "call site: " + finding.get("callSite"));
        Map<String, Object> suggestion = (Map<String, Object>) finding.get("suggestion");
        assertEquals("BATCH_IN", suggestion.get("strategy"));
        assertTrue(((String) suggestion.get("sql")).contains("where p1_0.owner_id in (?, ?, ...)"),
                () -> "suggestion: " + suggestion);
    }

    @Test
    @Order(5)
    void serves_the_html_report_of_every_scope_since_start_to_a_browser_with_application_text_escaped()
            throws Exception {
        Scope hostile = NPlusOne.scope("<img src=x onerror=alert(1)>");
        service.petsOfEveryOwner();
        hostile.close();

        HttpResponse<String> response = send("/actuator/nplusone/html");
        assertEquals(200, response.statusCode());
        assertEquals("text/html;charset=utf-8", response.headers().firstValue("Content-Type").orElse("")
                .replace(" ", "").toLowerCase(Locale.ROOT));
        String page = response.body();
        assertTrue(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"), page);
        String finding = requests("GET /owners").get(0).findings().get(0).id();
        assertTrue(page.contains("<article class=\"finding\" id=\"f-" + finding + "\""), page);
        assertTrue(page.contains("<tr class=\"has-findings\"><td>GET /owners</td><td>http</td>"), page);
        assertTrue(page.contains("<tr class=\"has-findings\"><td>GET /owners/async</td><td>http</td>"), page);
        assertTrue(page.contains("<tr><td>GET /owners/{id}/pets</td>"), page);
        assertTrue(page.contains("&lt;img src=x onerror=alert(1)&gt;"), page);
        assertFalse(page.contains("<img"), page);
        assertEquals(404, send("/actuator/nplusone/pdf").statusCode());
    }

    @Test
    void watches_the_pooled_data_source_once() throws Exception {
        assertTrue(dataSource.isWrapperFor(HikariDataSource.class));
        assertSame(dataSource, NPlusOne.wrap(dataSource));
    }

    private List<ScopeReport> requests(String name) {
        return CLOSED.stream().filter(report -> report.name().equals(name)).toList();
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = send(path);
        assertEquals(200, response.statusCode(), () -> path + ": " + response.body());
        return response.body();
    }

    private HttpResponse<String> send(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Object> endpoint() throws Exception {
        return JsonParserFactory.getJsonParser().parseMap(get("/actuator/nplusone"));
    }
}
