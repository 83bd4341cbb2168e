package dev.nplusone.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.apps.StartupProgram;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the agent loads into a program that has nothing to report (its cost is measured by {@link OverheadMeasurementIT}). */
class StartupIT {
    /** Loaded when the agent wraps a connection. */
    private static final String WATCHING = "dev.nplusone.agent.shaded.dev.nplusone.internal.jdbc.JdbcWrapping source:";

    @ParameterizedTest
    @EnumSource(Jdk.class)
    void a_program_without_repeated_statements_is_watched_without_loading_jsqlparser(Jdk jdk) {
        ChildJvm.Result result = ChildJvm.on(jdk).agent("").option("-Xlog:class+load=info:stdout")
                .run(StartupProgram.class).assertExitedNormally();

        assertTrue(result.stdout().contains(WATCHING), () -> "the connection is watched:\n" + result.stdout());
        List<String> loaded = result.stdout().lines().filter(line -> line.contains("jsqlparser")).limit(3).toList();
        assertEquals(List.of(), loaded, "JSqlParser classes loaded");
    }
}
