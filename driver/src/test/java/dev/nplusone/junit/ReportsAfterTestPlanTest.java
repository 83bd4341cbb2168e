package dev.nplusone.junit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.internal.config.Config;
import dev.nplusone.junit.examples.AnnotationExamples;
import dev.nplusone.support.Configured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The extension writes the HTML and SARIF reports when the test plan ends, not only at JVM exit. */
class ReportsAfterTestPlanTest {
    @TempDir
    Path directory;

    @Test
    void html_and_sarif_reports_are_written_when_the_test_plan_ends() throws Exception {
        Path html = directory.resolve("tests.html");
        Path sarif = directory.resolve("tests.sarif");
        Config config = Config.from(Map.of("html", html.toString(), "sarif", sarif.toString(), "log", "false"),
                line -> { });
        try (Configured ignored = Configured.with(config)) {
            ExampleRuns.run(AnnotationExamples.RecordingOnly.class)
                    .assertPassed("reads_counts_and_findings_while_running");
        }

        assertTrue(Files.readString(html).contains("reads_counts_and_findings_while_running</td><td>test</td>"),
                Files.readString(html));
        assertTrue(Files.readString(sarif).contains("\"ruleId\":\"nplusone/n-plus-one\""));
    }
}
