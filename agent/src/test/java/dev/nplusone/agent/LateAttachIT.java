package dev.nplusone.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nplusone.apps.LateAttachProgram;
import dev.nplusone.scenarios.SeedDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The agent attached to a running application watches the connections checked out from then on. */
class LateAttachIT {
    @ParameterizedTest
    @EnumSource(Jdk.class)
    void watches_an_application_it_is_attached_to_from_then_on(Jdk jdk) {
        ChildJvm jvm = ChildJvm.on(jdk);
        Path json = jvm.file("n1.jsonl");

        ChildJvm.Result result = jvm.option("-Djdk.attach.allowAttachSelf=true").option("-XX:+EnableDynamicAgentLoading")
                .run(LateAttachProgram.class, ChildJvm.AGENT_JAR.toString(), "json=" + json).assertExitedNormally();

        List<JsonNode> scopes = JsonLines.read(json);
        assertEquals(2, scopes.size(), () -> "the two pages after attaching: " + scopes + "\n" + result.stderr());
        for (JsonNode scope : scopes) {
            assertEquals(1 + SeedDatabase.POSTS, scope.get("statements").asInt());
            assertEquals(dev.nplusone.scenarios.BlogPages.AUTHOR_SQL, scope.at("/findings/0/sql").asText());
        }
    }
}
