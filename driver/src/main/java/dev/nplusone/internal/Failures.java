package dev.nplusone.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where every internal failure ends up. The application's JDBC call has already proceeded (or will) with
 * the driver's own behaviour; here we count the failure, say so once per component, and switch detection
 * off if failures keep coming, so a bug in nplusone can never cost the application more than a log line.
 */
public final class Failures {
    /** After this many internal failures detection switches itself off for the life of the JVM. */
    static final long SWITCH_OFF_AFTER = 1_000;

    private static final Map<String, AtomicLong> BY_COMPONENT = new ConcurrentHashMap<>();
    private static final AtomicLong TOTAL = new AtomicLong();
    private static volatile boolean switchedOff;

    private Failures() {
    }

    public static void record(String component, Throwable failure) {
        try {
            long count = BY_COMPONENT.computeIfAbsent(component, c -> new AtomicLong()).incrementAndGet();
            long total = TOTAL.incrementAndGet();
            if (count == 1) {
                Log.get().log(System.Logger.Level.WARNING, "nplusone: internal failure in " + component
                        + " (reported once; the application is not affected): " + failure, failure);
            }
            if (total >= SWITCH_OFF_AFTER && !switchedOff) {
                switchedOff = true;
                Log.get().log(System.Logger.Level.WARNING, "nplusone: " + total
                        + " internal failures; detection is switched off, JDBC calls pass straight through");
            }
        } catch (Throwable ignored) {
            // Reporting a failure must not fail.
        }
    }

    public static boolean switchedOff() {
        return switchedOff;
    }

    public static long count() {
        return TOTAL.get();
    }

    public static long count(String component) {
        AtomicLong count = BY_COMPONENT.get(component);
        return count == null ? 0 : count.get();
    }

    /** For tests that inject failures: forget the history and switch detection back on. */
    public static void reset() {
        BY_COMPONENT.clear();
        TOTAL.set(0);
        switchedOff = false;
    }
}
