package dev.nplusone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.internal.config.Config;
import dev.nplusone.internal.config.ReportSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest {
    final List<String> errors = new ArrayList<>();

    @Test
    void defaults_follow_the_contract() {
        Config config = Config.from(Map.of(), errors::add);

        assertEquals(new Config(true, 3, true, null, false, null), config);
        assertEquals(List.of(), errors);
    }

    @Test
    void reads_every_contract_property() {
        Config config = Config.from(Map.of("enabled", "false", "threshold", "5", "log", "FALSE",
                "json", "/tmp/n1.jsonl", "captureValues", "true", "ignore", "health.*check"), errors::add);

        assertFalse(config.enabled());
        assertEquals(5, config.threshold());
        assertFalse(config.log());
        assertEquals(Path.of("/tmp/n1.jsonl"), config.json());
        assertTrue(config.captureValues());
        assertEquals("health.*check", config.ignore().pattern());
        assertEquals(List.of(), errors);
    }

    @Test
    void each_bad_value_gives_one_line_naming_the_property_and_the_default_is_used() {
        Config config = Config.from(Map.of("threshold", "lots", "enabled", "yes", "ignore", "([a-z"), errors::add);

        assertEquals(Config.DEFAULTS, config);
        assertEquals(3, errors.size(), errors::toString);
        assertTrue(errors.contains("nplusone: property nplusone.threshold='lots' is not a whole number of at least 2;"
                + " using 3"), errors::toString);
        assertTrue(errors.contains("nplusone: property nplusone.enabled='yes' is not true or false; using true"),
                errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("nplusone: property nplusone.ignore='([a-z' is not a valid"
                + " regular expression")), errors::toString);
    }

    @Test
    void reads_the_report_properties() {
        Config config = Config.from(Map.of("html", "target/n1.html", "sarif", "target/n1.sarif", "baseline",
                "nplusone-baseline.json", "sourceRoots", "app/src/main/java, lib/src/main/kotlin/", "sourceUrl",
                "https://git.example/app/blob/main/{path}#L{line}", "json.all", "true", "failOn", "NEW"), errors::add);

        ReportSettings reports = config.reports();
        assertEquals(Path.of("target/n1.html"), reports.html());
        assertEquals(Path.of("target/n1.sarif"), reports.sarif());
        assertEquals(Path.of("nplusone-baseline.json"), reports.baseline());
        assertEquals(List.of("app/src/main/java", "lib/src/main/kotlin"), reports.sourceRoots());
        assertEquals("https://git.example/app/blob/main/{path}#L{line}", reports.sourceUrl());
        assertTrue(reports.jsonAll());
        assertEquals(ReportSettings.FailOn.NEW, reports.failOn());
        assertEquals(List.of(), errors);
    }

    @Test
    void report_properties_default_to_no_reports_and_the_standard_source_roots() {
        ReportSettings reports = Config.from(Map.of(), errors::add).reports();

        assertEquals(ReportSettings.NONE, reports);
        assertEquals(List.of("src/main/java", "src/test/java"), reports.sourceRoots());
        assertFalse(reports.collects());
    }

    @Test
    void bad_report_properties_give_one_line_each_and_their_defaults() {
        ReportSettings reports = Config.from(Map.of("failOn", "sometimes", "sourceUrl", "https://git.example/x",
                "json.all", "yes"), errors::add).reports();

        assertEquals(ReportSettings.NONE, reports);
        assertEquals(3, errors.size(), errors::toString);
        assertTrue(errors.contains("nplusone: property nplusone.failOn='sometimes' is not none, new or any; using none"),
                errors::toString);
        assertTrue(errors.contains("nplusone: property nplusone.sourceUrl='https://git.example/x' has no {path}"
                + " placeholder; using call sites as plain text"), errors::toString);
    }

    @Test
    void a_threshold_below_two_is_refused() {
        assertEquals(3, Config.from(Map.of("threshold", "1"), errors::add).threshold());
        assertEquals(1, errors.size());
    }

    private static final String UNKNOWN_TRESHOLD = "nplusone: unknown property nplusone.treshold is ignored (known:"
            + " enabled, threshold, log, json, captureValues, ignore, applicationPackages, html, sarif, baseline,"
            + " sourceRoots, sourceUrl, json.all, failOn, otel)";

    @Test
    void unknown_properties_are_named() {
        Config.from(Map.of("treshold", "4"), errors::add);

        assertEquals(List.of(UNKNOWN_TRESHOLD), errors);
    }

    @Test
    void otel_is_auto_unless_off_and_a_bad_value_keeps_auto() {
        assertTrue(Config.from(Map.of(), errors::add).otel());
        assertFalse(Config.from(Map.of("otel", "OFF"), errors::add).otel());
        assertTrue(Config.from(Map.of("otel", "yes"), errors::add).otel());
        assertEquals(List.of("nplusone: property nplusone.otel='yes' is not auto or off; using auto"), errors);
    }

    @Test
    void application_packages_are_a_comma_separated_list_matched_as_whole_package_names() {
        Config config = Config.from(Map.of("applicationPackages", " com.acme , org.springframework.samples"), errors::add);

        assertEquals(List.of("com.acme.", "org.springframework.samples."), config.applicationPackages());
        assertEquals(List.of(), errors);
    }

    @Test
    void application_packages_that_are_not_package_names_give_one_line_and_the_built_in_table_is_used() {
        Config config = Config.from(Map.of("applicationPackages", "com.acme,com/other"), errors::add);

        assertEquals(List.of(), config.applicationPackages());
        assertEquals(List.of("nplusone: property nplusone.applicationPackages='com.acme,com/other' is not a"
                + " comma-separated list of package names ('com/other'); using the built-in list of framework"
                + " packages"), errors);
    }

    @Test
    void an_agent_argument_holding_commas_is_quoted() {
        Map<String, String> values = Config.parseAgentArguments("threshold=2,applicationPackages=\"com.acme,org.acme\"",
                errors::add);

        assertEquals(Map.of("threshold", "2", "applicationPackages", "com.acme,org.acme"), values);
        assertEquals(List.of(), errors);
    }

    @Test
    void a_backslash_keeps_a_comma_in_an_agent_argument() {
        Map<String, String> values = Config.parseAgentArguments("json=/tmp/a\\,b.jsonl,threshold=2", errors::add);

        assertEquals(Map.of("json", "/tmp/a,b.jsonl", "threshold", "2"), values);
        assertEquals(List.of(), errors);
    }

    @Test
    void a_backslash_keeps_a_double_quote_in_an_agent_argument_quoted_or_not() {
        Map<String, String> values = Config.parseAgentArguments(
                "ignore=audit_\\\"log\\\",applicationPackages=\"com.acme,org.\\\"x\\\"\"", errors::add);

        assertEquals(Map.of("ignore", "audit_\"log\"", "applicationPackages", "com.acme,org.\"x\""), values);
        assertEquals(List.of(), errors);
    }

    @Test
    void any_other_backslash_in_an_agent_argument_stays_as_written_so_windows_paths_need_no_escaping() {
        Map<String, String> values = Config.parseAgentArguments(
                "json=C:\\tmp\\n1.jsonl,ignore=\\\\server\\share\\d+", errors::add);

        assertEquals(Map.of("json", "C:\\tmp\\n1.jsonl", "ignore", "\\\\server\\share\\d+"), values);
        assertEquals(List.of(), errors);
    }

    @Test
    void an_agent_argument_with_a_double_quote_not_closed_gives_one_line_and_is_ignored() {
        Map<String, String> values = Config.parseAgentArguments("threshold=2,json=\"/tmp/a,b.jsonl", errors::add);

        assertEquals(Map.of("threshold", "2"), values);
        assertEquals(List.of("nplusone: agent argument 'json=\"/tmp/a,b.jsonl' has a double quote that is not"
                + " closed; ignored"), errors);
    }

    @Test
    void an_unknown_agent_argument_names_the_known_ones() {
        Config.from(Config.parseAgentArguments("treshold=2", errors::add), errors::add);

        assertEquals(List.of(UNKNOWN_TRESHOLD), errors);
    }

    @Test
    void agent_arguments_are_key_value_pairs_without_the_prefix() {
        Map<String, String> values = Config.parseAgentArguments("threshold=2, json=/tmp/n1.jsonl,nplusone.log=false,bad",
                errors::add);

        assertEquals(Map.of("threshold", "2", "json", "/tmp/n1.jsonl", "log", "false"), values);
        assertEquals(List.of("nplusone: agent argument 'bad' is not key=value; ignored"), errors);
        assertNull(Config.from(values, errors::add).ignore());
    }

    @Test
    void switched_off_detection_passes_statements_through_unrecorded() throws Exception {
        dev.nplusone.scenarios.SeedDatabase database = dev.nplusone.scenarios.SeedDatabase.create();
        try (dev.nplusone.support.Configured ignored = dev.nplusone.support.Configured.with(
                Config.from(Map.of("enabled", "false"), errors::add))) {
            assertFalse(NPlusOne.enabled());
            Scope scope = NPlusOne.scope("off");
            try (scope) {
                assertEquals(50, dev.nplusone.scenarios.BlogPages.authorsInLoop(NPlusOne.wrap(database.raw())).size());
            }
            assertEquals(0, scope.report().statements());
        }
    }
}
