package dev.nplusone.agent;

import java.lang.instrument.Instrumentation;

/**
 * The {@code -javaagent} entry point: {@code java -javaagent:nplusone-agent.jar=threshold=2,json=/tmp/n1.jsonl -jar app.jar}.
 *
 * <p>Start-up does as little as possible: read the arguments and register the class transformer. The engine
 * itself starts on the first watched connection or request (see {@link AgentRuntime}); until the agent is
 * prepared, the hooks do nothing. Anything that fails here prints one line and leaves the application
 * running exactly as it would without the agent.
 */
public final class NPlusOneAgent {
    private NPlusOneAgent() {
    }

    /** Called by the JVM before {@code main} for {@code -javaagent:}. */
    public static void premain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, false);
    }

    /** Called by the JVM when the agent is attached to a running application. */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, true);
    }

    private static void start(String arguments, Instrumentation instrumentation, boolean attachedLate) {
        try {
            AgentSettings settings = AgentSettings.parse(arguments, System.err::println);
            if (!settings.user().enabled()) {
                return;
            }
            Instrumentations.install(instrumentation, attachedLate);
            AgentRuntime.prepare(settings);
        } catch (Throwable t) {
            notActive(t);
        }
    }

    /** The one line said when the agent cannot start. */
    static void notActive(Throwable failure) {
        System.err.println("nplusone: the agent could not start and is not active; the application runs without it ("
                + failure + ")");
    }
}
