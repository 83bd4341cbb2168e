package dev.nplusone.apps;

import dev.nplusone.scenarios.EntryPoint;
import dev.nplusone.scenarios.SeedDatabase;
import java.util.Collections;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * An application that routes all {@code java.util.logging} through one handler of its own ({@link LoggedBy})
 * and runs the seed scenarios' pages. Between pages it resets every logger's level, as Spring Boot's Logback
 * set-up does on each context start, so a library's own choice to turn its logger off does not survive.
 * {@code LoggingProgram page...}.
 */
public final class LoggingProgram {
    private LoggingProgram() {
    }

    public static void main(String[] args) throws Exception {
        Watchdog.exitAfterSeconds(60);
        LoggedBy.install();
        SeedDatabase database = SeedDatabase.create();
        try (EntryPoint.Watched connectivity = JdbcProgram.open("driver-manager", database)) {
            for (String page : args) {
                JdbcProgram.PAGES.get(page).run(connectivity.dataSource());
                resetEveryLevel();
            }
        }
    }

    private static void resetEveryLevel() {
        LogManager manager = LogManager.getLogManager();
        for (String name : Collections.list(manager.getLoggerNames())) {
            Logger logger = manager.getLogger(name);
            if (logger != null && !name.isEmpty()) {
                logger.setLevel(null);
            }
        }
    }
}
