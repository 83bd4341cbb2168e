package dev.nplusone.apps;

import dev.nplusone.scenarios.EntryPoint;
import dev.nplusone.scenarios.SeedDatabase;
import java.util.Collections;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * An application that routes all {@code java.util.logging} through one handler of its own, as a bridge to
 * Logback would, and prints the logger of every record it receives ({@code logged by <name>}). Between its
 * pages it resets every logger's level, as Spring Boot's Logback set-up does on each context start, so a
 * library's own choice to turn its logger off does not survive. {@code LoggingProgram page...}.
 */
public final class LoggingProgram {
    static final String LOGGED_BY = "logged by ";

    private LoggingProgram() {
    }

    public static void main(String[] args) throws Exception {
        Watchdog.exitAfterSeconds(60);
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        root.setLevel(Level.INFO);
        root.addHandler(new PrintingHandler());
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

    private static final class PrintingHandler extends Handler {
        @Override
        public void publish(LogRecord record) {
            System.out.println(LOGGED_BY + record.getLoggerName());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
