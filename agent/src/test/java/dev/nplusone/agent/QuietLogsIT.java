package dev.nplusone.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nplusone.apps.LoggedBy;
import dev.nplusone.apps.LoggingProgram;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the agent adds to an application's own logging: nplusone's reports, and nothing of what it carries. */
class QuietLogsIT {
    static final String NPLUSONE_LOGGER = "dev.nplusone.agent.shaded.dev.nplusone";

    @Test
    void only_the_nplusone_logger_speaks_even_after_the_application_resets_every_logging_level() {
        ChildJvm.Result result = ChildJvm.on(Jdk.CURRENT).agent("")
                .run(LoggingProgram.class, "authorsInLoop", "tagsInLoop", "cityAndCountryChain")
                .assertExitedNormally();

        assertEquals(List.of(NPLUSONE_LOGGER), LoggedBy.loggers(result.stdout()),
                () -> "loggers heard (the findings are logged):\n" + result.stdout());
    }
}
