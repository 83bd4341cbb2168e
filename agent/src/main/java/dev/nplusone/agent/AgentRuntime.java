package dev.nplusone.agent;

import dev.nplusone.internal.Engine;

/**
 * Starts the engine on the first watched connection or request rather than in {@code premain}: the engine's
 * logger would initialise {@code java.util.logging} before the application had a chance to configure it,
 * and an application that never touches a database should pay nothing.
 */
final class AgentRuntime {
    private static volatile AgentSettings settings;
    private static volatile AgentReporter reporter;

    private AgentRuntime() {
    }

    static void prepare(AgentSettings agentSettings) {
        settings = agentSettings;
    }

    /** The reporter if the engine has started, else null: nothing was watched, so nothing is to be said. */
    static AgentReporter startedReporter() {
        return reporter;
    }

    /** The reporter, starting the engine on first use; null when the agent was not prepared (never started). */
    static AgentReporter reporter() {
        AgentReporter started = reporter;
        if (started != null) {
            return started;
        }
        synchronized (AgentRuntime.class) {
            if (reporter == null && settings != null) {
                Engine engine = Engine.get();
                engine.configure(settings.engine());
                AgentReporter created = new AgentReporter(settings);
                engine.addScopeListener(created::scopeClosed);
                AgentHealth.exitLineAtShutdown();
                reporter = created;
            }
            return reporter;
        }
    }
}
