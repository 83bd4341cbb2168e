package dev.nplusone.internal.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.internal.config.ReportSettings;
import dev.nplusone.internal.scope.ScopeActivity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    @TempDir
    Path repository;

    ReportView view(String sourceUrl, Baseline baseline) {
        return new ReportView(baseline, LocalDate.of(2026, 11, 30), repository,
                new SourceLocator(repository, ReportSettings.DEFAULT_SOURCE_ROOTS), sourceUrl, "test", true);
    }

    static ReportAggregate oneFinding(String callSite) {
        return SarifReportTest.aggregate(SarifReportTest.finding("00000000000000a1", "N_PLUS_ONE", callSite));
    }

    @Test
    void call_sites_link_to_their_line_through_the_source_url_template() throws Exception {
        Path source = repository.resolve("src/main/java/com/acme/PostService.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class PostService {}");

        String page = HtmlReport.render(oneFinding("com.acme.PostService.render(PostService.java:57)"),
                view("https://git.example/app/blob/main/{path}#L{line}", Baseline.EMPTY));

        assertTrue(page.contains("<a class=\"site\" href=\"https://git.example/app/blob/main/src/main/java/com/acme/"
                + "PostService.java#L57\"><code>com.acme.PostService.render(PostService.java:57)</code></a>"), page);
    }

    @Test
    void a_source_url_template_that_is_not_a_web_link_never_becomes_a_script_link() {
        String page = HtmlReport.render(oneFinding("com.acme.PostService.render(PostService.java:57)"),
                view("javascript:alert(1)//{path}", Baseline.EMPTY));

        assertFalse(page.contains("javascript:"), "no script URL");
        assertTrue(page.contains("<a class=\"site\" href=\"#\">"));
    }

    @Test
    void findings_are_marked_new_accepted_or_expired_and_stale_entries_are_listed() {
        Baseline baseline = new Baseline(List.of(
                new Baseline.Entry("00000000000000a1", "N_PLUS_ONE", null, null, "legacy page", LocalDate.of(2026, 1, 1)),
                new Baseline.Entry("00000000000000ff", "N_PLUS_ONE", "select 1", "com.acme.Old.gone(Old.java:1)",
                        "fixed since", null)));

        String page = HtmlReport.render(oneFinding("com.acme.A.a(A.java:1)"), view(null, baseline));

        assertTrue(page.contains("data-status=\"expired\""), "its acceptance ran out on 2026-01-01");
        assertTrue(page.contains("legacy page &mdash; expired 2026-01-01"));
        assertTrue(page.contains("<h2 id=\"stale\">Stale baseline entries</h2>"));
        assertTrue(page.contains("<code>00000000000000ff</code>"));
    }

    @Test
    void a_huge_scope_draws_a_bounded_timeline_and_says_so() {
        List<ScopeActivity.Execution> executions = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            executions.add(new ScopeActivity.Execution(i % 2, i * 1_000L, 500));
        }
        ReportAggregate aggregate = new ReportAggregate();
        aggregate.add(new ClosedScope("import", "explicit", 100_000, true,
                List.of(SarifReportTest.finding("00000000000000a1", "N_PLUS_ONE", "com.acme.A.a(A.java:1)")),
                new ScopeActivity(1_000_000, 100_000, 0, List.of(
                        new ScopeActivity.ShapeTotal("select 1", "SELECT", 50_000, 1, 1),
                        new ScopeActivity.ShapeTotal("select a.id from author a where a.id = ?", "SELECT", 50_000,
                                50_000, 1)), executions, 100_000)));

        String page = HtmlReport.render(aggregate, view(null, Baseline.EMPTY));

        assertTrue(page.contains("<b>Only the first 256 of 100000 statements are drawn</b>"), "the note");
        assertTrue(page.length() < 200_000, "bounded: " + page.length());
    }
}
