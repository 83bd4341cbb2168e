package dev.nplusone.apps;

import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * An application's logging set-up, as a bridge to Logback would make it: every {@code java.util.logging}
 * record goes to one handler of the application's, which prints the record's logger to standard output.
 */
public final class LoggedBy {
    public static final String PREFIX = "logged by ";

    private LoggedBy() {
    }

    static void install() {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        root.setLevel(Level.INFO);
        root.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                System.out.println(PREFIX + record.getLoggerName());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    /** The loggers an application's output shows records of, each once, in order. */
    public static List<String> loggers(String stdout) {
        return stdout.lines().filter(line -> line.startsWith(PREFIX)).map(line -> line.substring(PREFIX.length()))
                .distinct().toList();
    }
}
