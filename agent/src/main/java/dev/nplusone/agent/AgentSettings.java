package dev.nplusone.agent;

import dev.nplusone.internal.config.Config;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The configuration contract read from agent arguments ({@code threshold=2,json=/tmp/n1.jsonl}) over the
 * {@code nplusone.*} system properties, and the two configurations derived from it.
 *
 * @param user   what the user asked for
 * @param engine what the engine runs with: the same, but it reports nothing itself, because the agent names
 *               HTTP scopes only when the request ends and logs each finding once across scopes
 * @param json   for writing JSON Lines through the engine's reporter: the same, without its log
 */
record AgentSettings(Config user, Config engine, Config json) {
    private static final Consumer<String> ALREADY_REPORTED = line -> { };

    /** Reports bad agent arguments to {@code errors}, one line each; the engine reports bad system properties. */
    static AgentSettings parse(String arguments, Consumer<String> errors) {
        Map<String, String> agentValues = Config.parseAgentArguments(arguments, errors);
        Config.from(agentValues, errors);
        Map<String, String> values = Config.systemPropertyValues();
        values.putAll(agentValues);
        Config user = Config.from(values, ALREADY_REPORTED);
        return new AgentSettings(user, derived(values, false), derived(values, true));
    }

    private static Config derived(Map<String, String> values, boolean keepJson) {
        Map<String, String> copy = new HashMap<>(values);
        copy.put("log", "false");
        if (!keepJson) {
            // The agent writes every report itself, with HTTP scopes named by their route.
            copy.remove("json");
            copy.remove("html");
            copy.remove("sarif");
        }
        return Config.from(copy, ALREADY_REPORTED);
    }
}
