package dev.nplusone.internal.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.NPlusOne;
import dev.nplusone.Scope;
import dev.nplusone.ScopeReport;
import dev.nplusone.internal.Engine;
import dev.nplusone.internal.config.Config;
import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.SeedDatabase;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The export through the engine, on a real OpenTelemetry SDK set as the application's global one. */
class OpenTelemetryExportTest {
    static SeedDatabase database;
    static DataSource dataSource;
    final Tracer tracer = TestSdk.sdk().getTracer("test");

    @BeforeAll
    static void createDatabase() {
        database = SeedDatabase.create();
        dataSource = NPlusOne.wrap(database.raw(), "blog");
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @BeforeEach
    void forgetEarlierSpans() {
        TestSdk.SPANS.reset();
    }

    @Test
    void each_finding_is_an_event_on_the_span_current_when_its_scope_opened() throws Exception {
        Span request = tracer.spanBuilder("GET /posts").setSpanKind(SpanKind.SERVER).startSpan();
        Span later = tracer.spanBuilder("later").startSpan();
        try (io.opentelemetry.context.Scope current = request.makeCurrent();
             Scope scope = NPlusOne.scope("GET /posts")) {
            BlogPages.authorsInLoop(dataSource);
            try (io.opentelemetry.context.Scope other = later.makeCurrent()) {
                scope.close();
            }
        } finally {
            later.end();
            request.end();
        }

        SpanData server = span("GET /posts");
        assertEquals(1L, server.getAttributes().get(AttributeKey.longKey("nplusone.findings")));
        List<EventData> events = server.getEvents();
        assertEquals(1, events.size(), events::toString);
        assertEquals("nplusone.finding", events.get(0).getName());
        Map<String, Object> attributes = asMap(events.get(0).getAttributes());
        assertEquals("N_PLUS_ONE", attributes.get("nplusone.finding.kind"));
        assertEquals("CONFIRMED", attributes.get("nplusone.finding.confidence"));
        assertEquals(50L, attributes.get("nplusone.finding.executions"));
        assertEquals(20L, attributes.get("nplusone.finding.distinct_keys"));
        assertEquals(BlogPages.AUTHOR_SQL, attributes.get("db.query.text"));
        assertEquals("SELECT blog_author", attributes.get("db.query.summary"));
        assertEquals(BlogPages.POSTS_SQL, attributes.get("nplusone.parent.query.text"));
        assertEquals("JOIN", attributes.get("nplusone.suggestion.strategy"));
        assertTrue(((String) attributes.get("nplusone.suggestion.sql")).contains("left join blog_author a on a.id = p.author_id"),
                attributes.toString());
        assertEquals(BlogPages.class.getName() + ".author", attributes.get("code.function.name"));
        assertEquals("dev/nplusone/scenarios/BlogPages.java", attributes.get("code.file.path"));
        assertTrue((Long) attributes.get("code.line.number") > 0, attributes.toString());
        assertTrue(((String) attributes.get("nplusone.finding.id")).length() > 0);
        assertEquals(13, attributes.size(), attributes.toString());
        assertTrue(span("later").getEvents().isEmpty(), "the span current at close gets nothing");
    }

    @Test
    void a_connections_own_scope_reports_to_the_span_current_where_the_connection_closes_never_where_it_opened()
            throws Exception {
        Span opened = tracer.spanBuilder("GET /opened-here").startSpan();
        Span closing = tracer.spanBuilder("GET /closed-here").startSpan();
        Connection connection;
        try (io.opentelemetry.context.Scope current = opened.makeCurrent()) {
            connection = dataSource.getConnection();
            authorOfEachPost(connection);
        }
        try (io.opentelemetry.context.Scope current = closing.makeCurrent()) {
            connection.close();
        } finally {
            closing.end();
            opened.end();
        }

        assertTrue(span("GET /opened-here").getEvents().isEmpty(), "the span of the connection's first statement");
        List<EventData> events = span("GET /closed-here").getEvents();
        assertEquals(1, events.size(), events::toString);
        assertEquals("N_PLUS_ONE", asMap(events.get(0).getAttributes()).get("nplusone.finding.kind"));
    }

    @Test
    void a_connection_closed_outside_any_span_reports_to_none() throws Exception {
        Span opened = tracer.spanBuilder("GET /opened-only").startSpan();
        Connection connection;
        try (io.opentelemetry.context.Scope current = opened.makeCurrent()) {
            connection = dataSource.getConnection();
            authorOfEachPost(connection);
        }
        connection.close();
        opened.end();

        assertTrue(span("GET /opened-only").getEvents().isEmpty());
        assertNull(span("GET /opened-only").getAttributes().get(AttributeKey.longKey("nplusone.findings")));
    }

    /** An N+1 with no scope of nplusone's open: the connection's own scope records it. */
    private static void authorOfEachPost(Connection connection) throws SQLException {
        for (BlogPages.Post post : BlogPages.posts(connection)) {
            try (PreparedStatement author = connection.prepareStatement("select id, name from blog_author where id = ?")) {
                author.setInt(1, post.authorId());
                try (ResultSet rows = author.executeQuery()) {
                    rows.next();
                }
            }
        }
    }

    @Test
    void the_span_counts_the_findings_of_every_scope_opened_under_it() throws Exception {
        Span request = tracer.spanBuilder("GET /two-scopes").setSpanKind(SpanKind.SERVER).startSpan();
        try (io.opentelemetry.context.Scope current = request.makeCurrent()) {
            for (int i = 0; i < 2; i++) {
                try (Scope scope = NPlusOne.scope("GET /two-scopes")) {
                    BlogPages.authorsInLoop(dataSource);
                }
            }
        } finally {
            request.end();
        }

        SpanData server = span("GET /two-scopes");
        assertEquals(2L, server.getAttributes().get(AttributeKey.longKey("nplusone.findings")));
        assertEquals(2, server.getEvents().size());
    }

    @Test
    void a_scope_without_findings_leaves_its_span_alone() throws Exception {
        Span request = tracer.spanBuilder("GET /posts/{id}").setSpanKind(SpanKind.SERVER).startSpan();
        try (io.opentelemetry.context.Scope current = request.makeCurrent();
             Scope scope = NPlusOne.scope("GET /posts/{id}")) {
            BlogPages.doneRight(dataSource);
        } finally {
            request.end();
        }

        SpanData server = span("GET /posts/{id}");
        assertTrue(server.getEvents().isEmpty());
        assertNull(server.getAttributes().get(AttributeKey.longKey("nplusone.findings")));
    }

    /*
     * The metrics tests hand real scopes' reports, under names of their own, to an export of their own: the engine's
     * export in this JVM has long used up its 200 scope names on the other tests' scopes (they are "other" now).
     */

    @Test
    void every_closed_scope_is_in_the_statements_histogram() throws Exception {
        OtelTelemetry export = new OtelTelemetry(OtelApi.ofApplication(getClass().getClassLoader()));
        ScopeReport clean;
        try (Scope scope = NPlusOne.scope("clean")) {
            BlogPages.doneRight(dataSource);
            scope.close();
            clean = scope.report();
        }

        export.scopeClosed(renamed(clean, "GET /clean-page"), null);
        export.scopeClosed(renamed(clean, "GET /clean-page"), null);

        HistogramPointData statements = histogramPoint("GET /clean-page").orElseThrow();
        assertEquals(2, statements.getCount());
        assertEquals(4.0, statements.getSum(), "two statements per page done right");
        assertEquals("explicit", histogramAttributes("GET /clean-page").get("nplusone.scope.kind"));
    }

    @Test
    void findings_are_counted_per_kind_id_and_scope_name() throws Exception {
        OtelTelemetry export = new OtelTelemetry(OtelApi.ofApplication(getClass().getClassLoader()));
        for (int i = 0; i < 3; i++) {
            try (Scope scope = NPlusOne.scope("loop")) {
                BlogPages.authorsInLoop(dataSource);
                scope.close();
                export.scopeClosed(renamed(scope.report(), "GET /authors-in-loop"), null);
            }
        }

        List<LongPointData> points = metric("nplusone.findings").getLongSumData().getPoints().stream()
                .filter(p -> "GET /authors-in-loop".equals(p.getAttributes().get(AttributeKey.stringKey("nplusone.scope.name"))))
                .toList();
        assertEquals(1, points.size(), points::toString);
        assertEquals(3, points.get(0).getValue());
        Map<String, Object> attributes = asMap(points.get(0).getAttributes());
        assertEquals("N_PLUS_ONE", attributes.get("nplusone.finding.kind"));
        assertEquals(3, attributes.size(), "kind, id and scope name only: " + attributes);
    }

    private static ScopeReport renamed(ScopeReport report, String name) {
        return new ScopeReport(name, report.kind(), report.statements(), report.findings(), report.shapes(),
                report.truncated());
    }

    @Test
    void nothing_is_looked_for_when_otel_is_off() {
        Config off = Config.from(Map.of("otel", "off"), message -> { });
        assertSame(Telemetry.NONE, Telemetry.forConfig(off));
        assertFalse(Telemetry.forConfig(Config.DEFAULTS) == Telemetry.NONE, "auto, with the SDK on the class path");
        assertTrue(Engine.get().config().otel());
    }

    @Test
    void a_failing_opentelemetry_stops_the_export_and_nothing_else() throws Exception {
        OtelTelemetry telemetry = new OtelTelemetry(OtelApi.ofApplication(getClass().getClassLoader()));
        ScopeReport withFinding;
        try (Scope scope = NPlusOne.scope("GET /broken")) {
            BlogPages.authorsInLoop(dataSource);
            scope.close();
            withFinding = scope.report();
        }

        telemetry.scopeClosed(withFinding, "not a span");

        assertNull(telemetry.spanAtOpen(), "switched off after its first failure");
        assertEquals(1, withFinding.findings().size());
    }

    private static SpanData span(String name) {
        return TestSdk.SPANS.getFinishedSpanItems().stream().filter(s -> s.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + TestSdk.SPANS.getFinishedSpanItems()));
    }

    private static MetricData metric(String name) {
        Collection<MetricData> all = TestSdk.METRICS.collectAllMetrics();
        return all.stream().filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name + " in " + all));
    }

    private static Optional<HistogramPointData> histogramPoint(String scopeName) {
        return metric("nplusone.scope.statements").getHistogramData().getPoints().stream()
                .filter(p -> scopeName.equals(p.getAttributes().get(AttributeKey.stringKey("nplusone.scope.name"))))
                .findFirst();
    }

    private static Map<String, Object> histogramAttributes(String scopeName) {
        return asMap(histogramPoint(scopeName).orElseThrow().getAttributes());
    }

    private static Map<String, Object> asMap(Attributes attributes) {
        Map<String, Object> map = new java.util.TreeMap<>();
        attributes.forEach((key, value) -> map.put(key.getKey(), value));
        return map;
    }
}
