package dev.nplusone.internal.sql;

import java.util.logging.Level;
import java.util.logging.Logger;
import net.sf.jsqlparser.JSQLParserException;

/**
 * Keeps the agent's private copy of JSqlParser out of the application's logging. JSqlParser logs through
 * {@code java.util.logging} at INFO on every parse ("Allowed Complex Parsing: true") and only turns one of
 * its loggers off itself, which frameworks undo: Spring Boot's Logback set-up resets every JUL level to
 * follow its own. So the copy's root logger gets no level of its own to lose: its records stop there, before
 * any handler of the application's (or of {@code dev.nplusone}, whose child the relocated name is).
 *
 * <p>Only the relocated copy: an unrelocated JSqlParser (the driver as a dependency) is the application's
 * library too, and its logging the application's to configure.
 */
final class ParserLogs {
    /** JUL holds loggers weakly: the settings live as long as this reference. */
    private static Logger privateCopyRoot;

    private ParserLogs() {
    }

    static synchronized void keepPrivateCopyQuiet() {
        try {
            String parserRoot = JSQLParserException.class.getPackageName();
            if (privateCopyRoot == null && isRelocatedWithNPlusOne(parserRoot)) {
                Logger root = Logger.getLogger(parserRoot);
                root.setUseParentHandlers(false);
                root.setLevel(Level.OFF);
                privateCopyRoot = root;
            }
        } catch (Throwable ignored) {
            // A logging set-up that refuses changes costs some log lines, never a parse.
        }
    }

    /**
     * Relocation moves JSqlParser and nplusone under one package, so both names then begin alike; unrelocated
     * they begin differently. Compared by name because shading rewrites a string naming either package.
     */
    private static boolean isRelocatedWithNPlusOne(String parserRoot) {
        return firstSegment(parserRoot).equals(firstSegment(ParserLogs.class.getPackageName()));
    }

    private static String firstSegment(String packageName) {
        int dot = packageName.indexOf('.');
        return dot < 0 ? packageName : packageName.substring(0, dot);
    }
}
