package dev.nplusone.internal.otel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.nplusone.Finding;
import dev.nplusone.internal.otel.OtelApi.Attribute;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What a finding's span event and its metric series are made of, without OpenTelemetry. */
class FindingAttributesTest {

    @Test
    void bound_values_never_reach_an_event_even_when_captured_for_reports() {
        Finding finding = new Finding("f1", Finding.Kind.DUPLICATE, Finding.Confidence.UNPARENTED, 5, 1, 1,
                "select c.name from customer c where c.email = ?", "com.acme.Mail.send(Mail.java:12)", null, null,
                1_000, List.of("'alice@example.com'"));

        Map<String, Object> attributes = map(FindingEvent.attributes(finding));

        assertFalse(attributes.values().stream().anyMatch(value -> value.toString().contains("alice")), attributes::toString);
        assertEquals(Map.of("nplusone.finding.id", "f1", "nplusone.finding.kind", "DUPLICATE",
                "nplusone.finding.confidence", "UNPARENTED", "nplusone.finding.executions", 5L,
                "nplusone.finding.distinct_keys", 1L, "db.query.text", "select c.name from customer c where c.email = ?",
                "db.query.summary", "SELECT customer", "code.function.name", "com.acme.Mail.send",
                "code.file.path", "com/acme/Mail.java", "code.line.number", 12L), attributes,
                "no parent and no suggestion: their attributes are left out");
    }

    @Test
    void call_sites_split_into_function_file_path_and_line() {
        assertEquals(new CodeLocation("com.acme.PostService.render", "com/acme/PostService.java", 57),
                CodeLocation.parse("com.acme.PostService.render(PostService.java:57)"));
        assertEquals(new CodeLocation("com.acme.Outer$Inner.lambda$run$0", "com/acme/Outer.java", 9),
                CodeLocation.parse("com.acme.Outer$Inner.lambda$run$0(Outer.java:9)"));
        assertEquals(new CodeLocation("Main.main", "Main.java", 3), CodeLocation.parse("Main.main(Main.java:3)"));
        assertEquals(new CodeLocation("com.acme.Gen.run", null, 0), CodeLocation.parse("com.acme.Gen.run(Unknown Source)"));
        assertNull(CodeLocation.parse("unknown.unknown(Unknown Source)"));
        assertNull(CodeLocation.parse("garbage"));
    }

    @Test
    void query_summary_names_the_operation_and_its_tables() {
        assertEquals("SELECT blog_author", QuerySummary.of("select a.id, a.name from blog_author a where a.id = ?"));
        assertEquals("SELECT blog_post blog_author", QuerySummary.of(
                "select p.id, a.name from blog_post p left join blog_author a on a.id = p.author_id where p.id = ?"));
        assertEquals("INSERT audit_log", QuerySummary.of("insert into audit_log (id, message) values (?, ?)"));
        assertEquals("UPDATE stock", QuerySummary.of("update stock set qty = ? where id = ?"));
        assertEquals("SELECT orders", QuerySummary.of("select count(*) from (select id from orders where c = ?) x"));
        assertEquals("", QuerySummary.of(" "));
    }

    @Test
    void scope_names_past_the_bound_are_other_and_connection_numbers_are_dropped() {
        MetricScopeNames names = new MetricScopeNames(2);

        assertEquals("GET /a", names.of("GET /a", "http"));
        assertEquals("connection (orders)", names.of("connection 17 (orders)", "connection"));
        assertEquals("connection (orders)", names.of("connection 18 (orders)", "connection"), "the same series");
        assertEquals(MetricScopeNames.OTHER, names.of("GET /b", "http"));
        assertEquals("GET /a", names.of("GET /a", "http"), "names kept before the bound keep their series");
        assertEquals("connection", new MetricScopeNames(5).of("connection 5", "connection"));
        assertEquals("connection", new MetricScopeNames(5).of("connection 6 (jdbc:postgresql://db/app?password=x)",
                "connection"),
                "a URL may hold credentials");
    }

    private static Map<String, Object> map(List<Attribute> attributes) {
        return attributes.stream().collect(Collectors.toMap(Attribute::key, Attribute::value));
    }
}
