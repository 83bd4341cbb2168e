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
import dev.nplusone.spring.sample.OwnerService;
import dev.nplusone.spring.sample.SampleApplication;
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
            assertEquals(0, context.getBeanNamesForType(dev.nplusone.spring.FindingsSinceStart.class).length);
        }
    }

    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(SampleApplication.class).web(WebApplicationType.NONE).properties(properties)
                .run();
    }
}
