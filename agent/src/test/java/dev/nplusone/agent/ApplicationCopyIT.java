package dev.nplusone.agent;

import static dev.nplusone.agent.JsonLines.Figures.nPlusOne;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nplusone.apps.ExplicitScopeProgram;
import dev.nplusone.apps.JdbcProgram;
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
    void hands_connections_to_the_application_copy_so_its_own_scopes_see_them(Jdk jdk) {
        ChildJvm jvm = ChildJvm.on(jdk);
        Path agentJson = jvm.file("agent.jsonl");

        ChildJvm.Result result = jvm.classpath(ChildJvm.Classpath.APPLICATION_WITH_DRIVER).agent("json=" + agentJson)
                .run(ExplicitScopeProgram.class).assertExitedNormally();

        assertTrue(result.stdout().contains("scope statements=" + (1 + SeedDatabase.POSTS) + " findings=1"),
                result.stdout());
        assertEquals(List.of(), JsonLines.read(agentJson), "the agent's own copy saw none of them");
    }

    @ParameterizedTest
    @EnumSource(Jdk.class)
    void keeps_watching_with_its_own_copy_when_the_application_only_carries_the_driver(Jdk jdk) {
        ChildJvm jvm = ChildJvm.on(jdk);
        Path agentJson = jvm.file("agent.jsonl");

        jvm.classpath(ChildJvm.Classpath.APPLICATION_WITH_DRIVER).agent("json=" + agentJson)
                .run(JdbcProgram.class, "driver-manager", "authorsInLoop").assertExitedNormally();

        List<JsonNode> agentScopes = JsonLines.read(agentJson);
        assertEquals(1, agentScopes.size(), () -> "the agent's copy reports the page: " + agentScopes);
        JsonLines.assertFindings(agentScopes.get(0), nPlusOne(SeedDatabase.POSTS, SeedDatabase.AUTHORS, 1,
                BlogPages.AUTHOR_SQL, CallSites.of(BlogPages.class, "author")));
    }

    @ParameterizedTest
    @EnumSource(Jdk.class)
    void counts_a_statement_once_when_the_agent_and_the_application_copy_both_proxy_it(Jdk jdk) {
        ChildJvm jvm = ChildJvm.on(jdk);
        Path agentJson = jvm.file("agent.jsonl");
        Path applicationJson = jvm.file("application.jsonl");

        jvm.classpath(ChildJvm.Classpath.APPLICATION_WITH_DRIVER).agent("json=" + agentJson)
                .option("-Dnplusone.json=" + applicationJson).run(StackedProxiesProgram.class).assertExitedNormally();

        // The agent hands the opaque connection to the application's copy too: two proxies of one copy,
        // and the outer one records.
        List<JsonNode> applicationScopes = JsonLines.read(applicationJson);
        assertEquals(1, applicationScopes.size(), () -> "the outermost proxy records once: " + applicationScopes);
        assertEquals(1 + SeedDatabase.POSTS, applicationScopes.get(0).get("statements").asInt());
        JsonLines.assertFindings(applicationScopes.get(0), nPlusOne(SeedDatabase.POSTS, SeedDatabase.AUTHORS, 1,
                BlogPages.AUTHOR_SQL, CallSites.of(BlogPages.class, "author")));
        assertEquals(List.of(), JsonLines.read(agentJson), "the agent's own copy saw none of them");
    }
}
