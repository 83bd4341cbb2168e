package dev.nplusone.agent;

import dev.nplusone.ScopeReport;
import dev.nplusone.internal.Failures;
import dev.nplusone.internal.Log;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the agent attached to, said in one line when it starts watching and in one line at exit ("watched 2
 * connection sources (...), request scopes on jakarta servlet; 18 statements, 1 finding"), so that a user who sees
 * no finding knows whether nplusone saw the statements at all; and the line that names a class it could not
 * instrument, what goes unwatched and the way around it.
 *
 * <p>The start line waits for the first watched connection, request or test instead of {@code premain}: at
 * {@code premain} nothing is loaded yet, so there is nothing to name, and the agent's start-up cost is a measured
 * target that work there would add to. The exit hook is registered once the agent has woven or failed to weave a
 * class, or the engine has started, for the same reason.
 */
final class AgentHealth {
    private static final Set<String> CONNECTION_SOURCES = ConcurrentHashMap.newKeySet();
    /** "request scopes on jakarta servlet", "test scopes on JUnit", in the order first seen. */
    private static final Set<String> SCOPES = Collections.synchronizedSet(new LinkedHashSet<>());
    private static final Set<String> NOT_INSTRUMENTED = ConcurrentHashMap.newKeySet();
    private static final LongAdder STATEMENTS = new LongAdder();
    private static final LongAdder FINDINGS = new LongAdder();
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final AtomicBoolean EXIT_HOOK = new AtomicBoolean();

    private AgentHealth() {
    }

    /** A connection from {@code source} is now watched (per checkout: a set lookup once the source is known). */
    static void watchedConnection(String source) {
        if (CONNECTION_SOURCES.add(source)) {
            started("connections from " + source);
        }
    }

    /** A request of {@code namespace} ("jakarta servlet") now has a scope. */
    static void watchedRequest(String namespace) {
        watchedScopes("request scopes on " + namespace);
    }

    static void watchedScopes(String what) {
        if (!SCOPES.contains(what) && SCOPES.add(what)) {
            started(what);
        }
    }

    /** Every scope the engine closed, nested or not: each statement is counted in exactly one. */
    static void scopeClosed(ScopeReport report) {
        STATEMENTS.add(report.statements());
        FINDINGS.add(report.findings().size());
    }

    /** The transformer could not weave {@code className}; {@code consequence} says what goes unwatched and what to do. */
    static void notInstrumented(String className, String consequence, Throwable failure) {
        exitLineAtShutdown();
        if (NOT_INSTRUMENTED.add(className)) {
            Log.get().log(System.Logger.Level.WARNING, "nplusone: could not instrument " + className + " (" + failure
                    + "); " + consequence + ". The class and the application run unchanged", failure);
        }
    }

    /** Registers the JVM exit line (once): the agent has something to tell. */
    static void exitLineAtShutdown() {
        if (EXIT_HOOK.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new ExitLine());
        }
    }

    private static void started(String first) {
        if (STARTED.compareAndSet(false, true)) {
            exitLineAtShutdown();
            System.err.println("nplusone: agent active, watching " + first
                    + " (the line at exit names everything it watched, with its statement and finding counts)");
        }
    }

    /** The line at exit. */
    static String summary() {
        List<String> scopes;
        synchronized (SCOPES) {
            scopes = new ArrayList<>(SCOPES);
        }
        return summary(new ArrayList<>(CONNECTION_SOURCES), scopes, STATEMENTS.sum(), FINDINGS.sum(),
                new ArrayList<>(NOT_INSTRUMENTED));
    }

    static String summary(List<String> sources, List<String> scopes, long statements, long findings,
                          List<String> notInstrumented) {
        NumberFormat counts = NumberFormat.getIntegerInstance(Locale.ROOT);
        counts.setGroupingUsed(true);
        StringBuilder line = new StringBuilder("nplusone: watched ");
        if (sources.isEmpty()) {
            line.append("no connection");
        } else {
            List<String> sorted = new ArrayList<>(sources);
            Collections.sort(sorted);
            line.append(sorted.size()).append(sorted.size() == 1 ? " connection source (" : " connection sources (")
                    .append(String.join(", ", sorted)).append(')');
        }
        for (String scope : scopes) {
            line.append(", ").append(scope);
        }
        line.append("; ").append(counts.format(statements)).append(statements == 1 ? " statement, " : " statements, ")
                .append(counts.format(findings)).append(findings == 1 ? " finding" : " findings");
        if (!notInstrumented.isEmpty()) {
            List<String> failed = new ArrayList<>(notInstrumented);
            Collections.sort(failed);
            line.append("; not instrumented: ").append(String.join(", ", failed));
        }
        if (sources.isEmpty()) {
            line.append(" (if the application uses JDBC, its driver or pool was not recognised: put nplusone: after"
                    + " jdbc: in its JDBC URL)");
        }
        return line.toString();
    }

    /** At JVM exit: the reporter's summary first (it closes the connection scopes still open), then the line. */
    private static final class ExitLine extends Thread {
        ExitLine() {
            super("nplusone-agent-exit");
        }

        @Override
        public void run() {
            try {
                AgentReporter reporter = AgentRuntime.startedReporter();
                if (reporter != null) {
                    reporter.shutdown();
                }
                System.err.println(summary());
                System.err.flush();
            } catch (Throwable t) {
                Failures.record("agent exit line", t);
            }
        }
    }
}
