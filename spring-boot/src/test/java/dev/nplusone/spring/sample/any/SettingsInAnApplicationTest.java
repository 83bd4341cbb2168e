package dev.nplusone.spring.sample.any;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.nplusone.NPlusOne;
import dev.nplusone.Scope;
import dev.nplusone.internal.Engine;
import dev.nplusone.internal.config.Config;
import dev.nplusone.internal.config.ReportSettings;
import dev.nplusone.internal.report.LiveReports;
import dev.nplusone.spring.FindingsSinceStart;
import dev.nplusone.spring.NPlusOneEndpoint;
import dev.nplusone.spring.ScopePropagatingTaskDecorator;
import dev.nplusone.spring.sample.OwnerService;
import dev.nplusone.spring.sample.SampleApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code nplusone.*} in the application's own configuration, as a user sets it, in contexts of their own. */
class SettingsInAnApplicationTest {

    /** The engine is one per JVM: put back what the system properties say, for the tests that follow. */
    @AfterEach
    void restoreTheEngineSettings() {
        Engine.get().configure(Config.fromSystemProperties(message -> { }));
    }

    @Test
    void reads_the_nplusone_settings_of_the_application_configuration_in_either_spelling() {
        try (ConfigurableApplicationContext context = start("nplusone.threshold=6", "nplusone.capture-values=true",
                "nplusone.applicationPackages=dev.nplusone.spring.sample")) {
            Config config = Engine.get().config();
            assertEquals(6, config.threshold());
            assertTrue(config.captureValues());
            assertEquals(java.util.List.of("dev.nplusone.spring.sample."), config.applicationPackages());

            Scope scope = NPlusOne.scope("five owners, threshold 6");
            context.getBean(OwnerService.class).petsOfEveryOwner();
            scope.close();
            assertEquals(6, scope.report().statements());
            assertEquals(java.util.List.of(), scope.report().findings());
        }
    }

    @Test
    void writes_the_html_report_named_in_the_application_configuration_with_the_other_report_settings()
            throws Exception {
        Path html = Path.of("target", "settings-in-an-application", "n1.html");
        Files.deleteIfExists(html);
        try (ConfigurableApplicationContext context = start("nplusone.html=" + html, "nplusone.fail-on=new",
                "nplusone.source-url=https://git.example/app/blob/main/{path}#L{line}",
                "nplusone.source-roots=src/main/java,src/test/java", "nplusone.json.all=true", "nplusone.otel=off")) {
            ReportSettings reports = Engine.get().config().reports();
            assertEquals(html, reports.html());
            assertEquals(ReportSettings.FailOn.NEW, reports.failOn());
            assertEquals("https://git.example/app/blob/main/{path}#L{line}", reports.sourceUrl());
            assertTrue(reports.jsonAll());
            assertFalse(Engine.get().config().otel());

            Scope scope = NPlusOne.scope("five owners, into the HTML report");
            context.getBean(OwnerService.class).petsOfEveryOwner();
            scope.close();
            LiveReports.flushAll();
        }
        String page = Files.readString(html);
        assertTrue(page.contains("<tr class=\"has-findings\"><td>five owners, into the HTML report</td>"), page);
        assertTrue(Pattern.compile("<a class=\"site\" href=\"https://git\\.example/app/blob/main/(src/test/java/)?"
                + "dev/nplusone/spring/sample/OwnerService\\.java#L\\d+\"").matcher(page).find(), page);
    }

    @Test
    void starts_the_application_on_a_bad_value_and_uses_the_default() {
        try (ConfigurableApplicationContext context = start("nplusone.threshold=lots")) {
            assertEquals(Config.DEFAULT_THRESHOLD, Engine.get().config().threshold());
            assertFalse(context.getBean(OwnerService.class).petsOfEveryOwner().isEmpty());
        }
    }

    @Test
    void switched_off_in_a_profile_leaves_the_application_as_it_was() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
                .web(WebApplicationType.NONE).profiles("nonplusone").run()) {
            assertInstanceOf(HikariDataSource.class, context.getBean(DataSource.class));
            assertEquals(0, context.getBeanNamesForType(ScopePropagatingTaskDecorator.class).length);
        }
    }

    @Test
    void collects_nothing_for_the_actuator_endpoint_while_it_is_not_exposed() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
                .web(WebApplicationType.NONE).run("--management.endpoints.web.exposure.include=health")) {
            assertEquals(0, context.getBeanNamesForType(NPlusOneEndpoint.class).length);
            assertEquals(0, context.getBeanNamesForType(FindingsSinceStart.class).length);
        }
    }

    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(SampleApplication.class).web(WebApplicationType.NONE).properties(properties)
                .run();
    }
}
