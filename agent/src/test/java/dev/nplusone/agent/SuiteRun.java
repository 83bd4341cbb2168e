package dev.nplusone.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nplusone.apps.JUnitSuiteProgram;
import dev.nplusone.scenarios.CallSites;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Sample test classes run with the agent through the JUnit Platform launcher in a JVM of their own, and what
 * the agent wrote: its output and the JSON Lines of the scopes with findings.
 */
record SuiteRun(ChildJvm.Result result, List<JsonNode> scopes) {
    /** Where the sample suites' sources are, for the call sites they mark with {@code // site:NAME}. */
    private static final Path SUITE_SOURCES = Path.of(System.getProperty("suites.sources", "src/test/java"));

    static SuiteRun of(ChildJvm.Classpath classpath, Class<?>... suites) {
        ChildJvm jvm = ChildJvm.on(Jdk.CURRENT).classpath(classpath);
        Path json = jvm.file("n1.jsonl");
        ChildJvm.Result result = jvm.agent("json=" + json)
                .run(JUnitSuiteProgram.class, Arrays.stream(suites).map(Class::getName).toArray(String[]::new))
                .assertExitedNormally();
        return new SuiteRun(result, JsonLines.read(json));
    }

    /** The call site marked {@code // site:marker} in a sample suite's source. */
    static String callSite(Class<?> type, String method, String marker) {
        return CallSites.of(SUITE_SOURCES, type, method, marker);
    }

    List<String> scopeNames() {
        return scopes.stream().map(scope -> scope.at("/scope/name").asText()).toList();
    }
}
