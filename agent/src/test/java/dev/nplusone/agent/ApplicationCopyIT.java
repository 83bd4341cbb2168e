package dev.nplusone.agent;

import static dev.nplusone.agent.JsonLines.Figures.nPlusOne;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nplusone.apps.ScenarioSuiteProgram;
import dev.nplusone.apps.StackedProxiesProgram;
import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.CallSites;
import dev.nplusone.scenarios.SeedDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** An application that already uses nplusone-driver, run with the agent too: nothing is counted twice. */
class ApplicationCopyIT {
    @ParameterizedTest
    @EnumSource(Jdk.class)
    void leaves_connections_the_application_watches_itself_to_its_own_copy_and_scopes(Jdk jdk) {
        ChildJvm jvm = ChildJvm.on(jdk);
        Path agentJson = jvm.file("agent.jsonl");

        ChildJvm.Result result = jvm.classpath(ChildJvm.Classpath.APPLICATION_WITH_DRIVER).agent("json=" + agentJson)
                .run(ScenarioSuiteProgram.class).assertExitedNormally();

        assertTrue(result.stdout().contains(" 0 tests failed"), result.stdout());
        assertEquals(List.of(), JsonLines.read(agentJson), "the agent reported none of the application's statements");
    }

    @ParameterizedTest
    @EnumSource(Jdk.class)
    void counts_a_statement_once_when_the_agent_and_the_application_copy_both_proxy_it(Jdk jdk) {
        ChildJvm jvm = ChildJvm.on(jdk);
        Path agentJson = jvm.file("agent.jsonl");
        Path applicationJson = jvm.file("application.jsonl");

        jvm.classpath(ChildJvm.Classpath.APPLICATION_WITH_DRIVER).agent("json=" + agentJson)
                .option("-Dnplusone.json=" + applicationJson).run(StackedProxiesProgram.class).assertExitedNormally();

        List<JsonNode> agentScopes = JsonLines.read(agentJson);
        assertEquals(1, agentScopes.size(), () -> "the outermost proxy, the agent's, records: " + agentScopes);
        assertEquals(1 + SeedDatabase.POSTS, agentScopes.get(0).get("statements").asInt());
        JsonLines.assertFindings(agentScopes.get(0), nPlusOne(SeedDatabase.POSTS, SeedDatabase.AUTHORS, 1,
                BlogPages.AUTHOR_SQL, CallSites.of(BlogPages.class, "author")));
        assertEquals(List.of(), JsonLines.read(applicationJson), "the application's inner proxy passes through");
    }
}
