package dev.nplusone.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.internal.Failures;
import dev.nplusone.internal.config.Config;
import dev.nplusone.internal.config.ReportSettings;
import dev.nplusone.internal.scope.ScopeActivity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveReportsTest {
    @TempDir
    Path directory;

    @Test
    void a_closing_scope_never_waits_for_the_writer_when_its_queue_is_full_the_report_counts_it_as_missed()
            throws Exception {
        Path html = directory.resolve("report.html");
        LiveReports reports = LiveReports.withoutWriter(new ReportSettings(html, null, null,
                ReportSettings.DEFAULT_SOURCE_ROOTS, null, false, ReportSettings.FailOn.NONE));
        ClosedScope scope = new ClosedScope("GET /health", "http", 1, false, List.of(), ScopeActivity.NONE);

        for (int i = 0; i < LiveAggregate.QUEUE_CAPACITY + 7; i++) {
            reports.offer(scope);
        }
        reports.flush();

        String page = Files.readString(html);
        assertTrue(page.contains("<b>" + LiveAggregate.QUEUE_CAPACITY + "</b> scopes"), "those the queue held");
        assertTrue(page.contains("7 scopes closed faster than the report could take them"), "the rest, counted");
    }

    @Test
    void reports_the_engine_is_no_longer_configured_for_are_written_once_more_and_never_again() throws Exception {
        Path html = directory.resolve("earlier/report.html");
        Files.createDirectories(html.getParent());
        ReportSettings earlier = new ReportSettings(html, null, null, ReportSettings.DEFAULT_SOURCE_ROOTS, null,
                false, ReportSettings.FailOn.NONE);
        LiveReports.of(new Config(true, 3, false, null, false, null, List.of(), earlier, false))
                .offer(new ClosedScope("GET /health", "http", 1, false, List.of(), ScopeActivity.NONE));

        LiveReports.retireAllBut(ReportSettings.NONE);

        assertTrue(Files.readString(html).contains("GET /health"), "written whole when retired, not a second later");
        Files.delete(html);
        Files.delete(html.getParent());
        long failures = Failures.count();
        LiveReports.flushAll();
        Thread.sleep(2 * LiveReports.THROTTLE_MILLIS);
        assertEquals(failures, Failures.count(), "nothing writes into the folder once it is gone");
        assertFalse(Files.exists(html.getParent()));
    }

    @Test
    void a_baseline_with_a_bad_date_is_refused_with_the_entry_and_the_expected_form() throws Exception {
        Path baseline = directory.resolve("baseline.json");
        Files.writeString(baseline, "{\"version\":1,\"accepted\":[{\"id\":\"a1\",\"expires\":\"next spring\"}]}");

        java.io.IOException refused = assertThrows(java.io.IOException.class, () -> Baseline.read(baseline));
        assertTrue(refused.getMessage().endsWith("entry a1: \"expires\" is not a date like 2027-03-31: next spring"),
                refused.getMessage());
    }
}
