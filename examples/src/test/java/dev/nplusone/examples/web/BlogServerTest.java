package dev.nplusone.examples.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.Finding;
import dev.nplusone.NPlusOne;
import dev.nplusone.ScopeReport;
import dev.nplusone.examples.hibernate.HibernateBoot;
import dev.nplusone.scenarios.SeedDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The web demo on a free loopback port: one report per HTTP request, named after it. */
class BlogServerTest {
    static final List<ScopeReport> REPORTS = new CopyOnWriteArrayList<>();
    static SessionFactory sessions;
    static BlogServer server;
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        DataSource dataSource = NPlusOne.wrap(SeedDatabase.create().raw(), "web");
        sessions = HibernateBoot.sessionFactory(dataSource);
        server = new BlogServer("127.0.0.1", 0, dataSource, sessions, true, REPORTS::add);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        sessions.close();
    }

    @BeforeEach
    void forget() {
        REPORTS.clear();
    }

    static ScopeReport get(String path) throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response::body);
        assertTrue(response.body().contains("<h1>" + SeedDatabase.POSTS + " posts</h1>"), response::body);
        assertEquals(1, REPORTS.size(), () -> "one scope per request: " + REPORTS);
        ScopeReport report = REPORTS.get(0);
        assertEquals("GET " + path, report.name());
        return report;
    }

    static List<Finding.Strategy> strategies(ScopeReport report) {
        return report.findings().stream().map(f -> f.suggestion().strategy()).sorted().toList();
    }

    @Test
    void reports_both_loops_of_the_jdbc_page_in_the_requests_scope() throws Exception {
        ScopeReport report = get("/posts");

        assertEquals(1 + 2 * SeedDatabase.POSTS, report.statements());
        assertEquals(List.of(Finding.Strategy.JOIN, Finding.Strategy.BATCH_IN), strategies(report));
    }

    @Test
    void reports_both_loops_of_the_hibernate_page_in_the_requests_scope() throws Exception {
        ScopeReport report = get("/hibernate/posts");

        assertEquals(1 + SeedDatabase.AUTHORS + SeedDatabase.POSTS, report.statements());
        assertEquals(List.of(Finding.Strategy.JOIN, Finding.Strategy.BATCH_IN), strategies(report));
    }

    @Test
    void reports_nothing_for_the_pages_done_right() throws Exception {
        for (String path : List.of("/posts/fixed", "/hibernate/posts/fixed")) {
            ScopeReport report = get(path);
            assertEquals(2, report.statements(), path);
            assertEquals(List.of(), report.findings(), path);
            REPORTS.clear();
        }
    }
}
