package dev.nplusone.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nplusone.internal.config.ReportSettings;
import dev.nplusone.internal.scope.ScopeActivity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifReportTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path repository;

    static ReportedFinding finding(String id, String kind, String callSite) {
        return new ReportedFinding(id, kind, "CONFIRMED", 50, 20, 1, "select a.id from author a where a.id = ?",
                callSite, "select p.id, p.author_id from post p", "author_id", 50,
                new ReportedFinding.Fix("JOIN", "select p.id, p.author_id, a.id from post p left join author a on"
                        + " a.id = p.author_id", 51, 1, "to-one lookup", "JOIN FETCH p.author"), 4_000_000, List.of(),
                false);
    }

    static ReportAggregate aggregate(ReportedFinding... findings) {
        ReportAggregate aggregate = new ReportAggregate();
        aggregate.add(new ClosedScope("GET /posts", "http", 53, false, List.of(findings),
                new ScopeActivity(8_000_000, 50, 30, List.of(), List.of(), 53)));
        return aggregate;
    }

    ReportView view(Baseline baseline) {
        return new ReportView(baseline, LocalDate.of(2026, 11, 30), repository,
                new SourceLocator(repository, ReportSettings.DEFAULT_SOURCE_ROOTS), null, "test", true);
    }

    @Test
    void sarif_log_is_valid_against_the_official_2_1_0_schema_for_every_kind() throws Exception {
        String sarif = SarifReport.render(aggregate(
                finding("00000000000000a1", "N_PLUS_ONE", "com.acme.PostService.render(PostService.java:57)"),
                finding("00000000000000a2", "DUPLICATE", "com.acme.Settings.load(Settings.java:12)"),
                finding("00000000000000a3", "WRITE_LOOP", "com.acme.Import.run(Import.java:30)"),
                finding("00000000000000a4", "UNUSED_JOIN", "unknown.unknown(Unknown Source)")).findings(),
                view(Baseline.EMPTY));

        assertEquals(List.of(), SarifSchema.problems(sarif));
        JsonNode run = JSON.readTree(sarif).at("/runs/0");
        List<String> rules = run.at("/tool/driver/rules").findValuesAsText("id");
        assertEquals(List.of("nplusone/n-plus-one", "nplusone/duplicate", "nplusone/write-loop", "nplusone/unused-join"),
                rules);
        assertEquals(4, run.get("results").size(), "one result per finding");
        for (JsonNode result : run.get("results")) {
            assertEquals(rules.get(result.get("ruleIndex").asInt()), result.get("ruleId").asText());
        }
    }

    @Test
    void a_result_points_at_the_call_site_file_under_the_source_roots_with_a_stable_fingerprint() throws Exception {
        Path source = repository.resolve("web/src/main/java/com/acme/PostService.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class PostService {}");
        String sarif = SarifReport.render(aggregate(finding("00000000000000a1", "N_PLUS_ONE",
                "com.acme.PostService.render(PostService.java:57)")).findings(), view(Baseline.EMPTY));

        JsonNode result = JSON.readTree(sarif).at("/runs/0/results/0");
        assertEquals("web/src/main/java/com/acme/PostService.java",
                result.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals("%SRCROOT%", result.at("/locations/0/physicalLocation/artifactLocation/uriBaseId").asText());
        assertEquals(57, result.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals("com.acme.PostService.render", result.at("/locations/0/logicalLocations/0/fullyQualifiedName")
                .asText());
        assertEquals("00000000000000a1", result.at("/partialFingerprints/nplusoneFindingId~1v1").asText());
        String message = result.at("/message/text").asText();
        assertTrue(message.contains("Fix JOIN: select p.id, p.author_id, a.id from post p left join author a"), message);
        assertTrue(message.contains("51 queries -> 1"), message);
        assertTrue(message.contains("Parent: select p.id, p.author_id from post p (column author_id)"), message);
    }

    @Test
    void a_call_site_without_a_source_file_gets_a_logical_location_only() throws Exception {
        String sarif = SarifReport.render(aggregate(finding("00000000000000a1", "N_PLUS_ONE",
                "com.acme.Gone.render(Gone.java:9)")).findings(), view(Baseline.EMPTY));

        JsonNode location = JSON.readTree(sarif).at("/runs/0/results/0/locations/0");
        assertFalse(location.has("physicalLocation"));
        assertEquals("com.acme.Gone.render", location.at("/logicalLocations/0/fullyQualifiedName").asText());
        assertEquals(List.of(), SarifSchema.problems(sarif));
    }

    @Test
    void findings_the_baseline_accepts_are_suppressed_with_its_reason_and_new_ones_marked_new() throws Exception {
        Baseline baseline = new Baseline(List.of(new Baseline.Entry("00000000000000a1", "N_PLUS_ONE", null, null,
                "legacy admin page", null)));
        String sarif = SarifReport.render(aggregate(
                finding("00000000000000a1", "N_PLUS_ONE", "com.acme.A.a(A.java:1)"),
                finding("00000000000000a2", "N_PLUS_ONE", "com.acme.B.b(B.java:2)")).findings(), view(baseline));

        assertEquals(List.of(), SarifSchema.problems(sarif));
        JsonNode results = JSON.readTree(sarif).at("/runs/0/results");
        JsonNode accepted = results.get(0).at("/partialFingerprints/nplusoneFindingId~1v1").asText().endsWith("a1")
                ? results.get(0) : results.get(1);
        JsonNode fresh = accepted == results.get(0) ? results.get(1) : results.get(0);
        assertEquals("unchanged", accepted.get("baselineState").asText());
        assertEquals("legacy admin page", accepted.at("/suppressions/0/justification").asText());
        assertEquals("new", fresh.get("baselineState").asText());
        assertFalse(fresh.has("suppressions"));
    }

    @Test
    void the_schema_catches_a_broken_log() {
        assertFalse(SarifSchema.problems("{\"version\":\"2.1.0\",\"runs\":[{\"results\":[]}]}").isEmpty(),
                "a run without its tool is refused: the validation can fail");
    }
}
