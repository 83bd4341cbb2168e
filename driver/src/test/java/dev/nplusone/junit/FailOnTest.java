package dev.nplusone.junit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.internal.Engine;
import dev.nplusone.internal.config.Config;
import dev.nplusone.junit.examples.AnnotationExamples;
import dev.nplusone.support.Configured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nplusone.failOn} on tests the extension only records (no {@link NoNPlusOne}). */
class FailOnTest {
    static final String TEST = "reads_counts_and_findings_while_running";

    @TempDir
    Path directory;

    static Config failOn(String value, Path baseline) {
        return Config.from(Map.of("failOn", value, "baseline", baseline.toString(), "log", "false"), line -> { });
    }

    @Test
    void fail_on_new_fails_a_recorded_test_whose_finding_the_baseline_does_not_accept() throws Exception {
        Path baseline = directory.resolve("empty.json");
        Files.writeString(baseline, "{\"version\":1,\"accepted\":[]}");
        String message;
        try (Configured ignored = Configured.with(failOn("new", baseline))) {
            message = ExampleRuns.run(AnnotationExamples.RecordingOnly.class).failureMessage(TEST);
        }

        assertTrue(message.startsWith("Expecting no repeated queries (nplusone.failOn=new and the baseline " + baseline
                + " does not accept it), but 1 was found:\nN+1 QUERY [CONFIRMED] 50 executions"), message);
        assertTrue(message.contains("  id      : "), message);
    }

    @Test
    void fail_on_new_passes_a_test_whose_findings_the_baseline_accepts_and_any_fails_it() throws Exception {
        Path empty = directory.resolve("empty.json");
        Files.writeString(empty, "{\"version\":1,\"accepted\":[]}");
        String message;
        try (Configured ignored = Configured.with(failOn("new", empty))) {
            message = ExampleRuns.run(AnnotationExamples.RecordingOnly.class).failureMessage(TEST);
        }
        String id = message.substring(message.indexOf("  id      : ") + 12).trim();
        Path accepting = directory.resolve("accepting.json");
        Files.writeString(accepting, "{\"version\":1,\"accepted\":[{\"id\":\"" + id + "\",\"reason\":\"legacy\"}]}");

        try (Configured ignored = Configured.with(failOn("new", accepting))) {
            ExampleRuns.run(AnnotationExamples.RecordingOnly.class).assertPassed(TEST);
        }
        try (Configured ignored = Configured.with(failOn("any", accepting))) {
            assertTrue(ExampleRuns.run(AnnotationExamples.RecordingOnly.class).failureMessage(TEST)
                    .startsWith("Expecting no repeated queries (nplusone.failOn=any), but 1 was found"));
        }
        assertTrue(Engine.get().config().reports().failOn() == dev.nplusone.internal.config.ReportSettings.FailOn.NONE,
                "restored");
    }
}
