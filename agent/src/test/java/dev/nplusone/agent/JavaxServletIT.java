package dev.nplusone.agent;

import static dev.nplusone.agent.JsonLines.Figures.nPlusOne;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nplusone.apps.JavaxServletProgram;
import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.CallSites;
import dev.nplusone.scenarios.SeedDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The javax namespace: a servlet called the way a container calls it, one scope per request. */
class JavaxServletIT {
    @ParameterizedTest
    @EnumSource(Jdk.class)
    void reports_n_plus_one_per_request_of_a_javax_servlet(Jdk jdk) {
        ChildJvm jvm = ChildJvm.on(jdk);
        Path json = jvm.file("n1.jsonl");

        jvm.agent("json=" + json).run(JavaxServletProgram.class).assertExitedNormally();

        List<JsonNode> scopes = JsonLines.read(json);
        assertEquals(2, scopes.size(), () -> "one line per request: " + scopes);
        for (JsonNode scope : scopes) {
            assertEquals("GET /posts/{id}", scope.at("/scope/name").asText());
            assertEquals(HttpScopes.KIND, scope.at("/scope/kind").asText());
            JsonLines.assertFindings(scope, nPlusOne(SeedDatabase.POSTS, SeedDatabase.AUTHORS, 1, BlogPages.AUTHOR_SQL,
                    CallSites.of(BlogPages.class, "author")));
        }
    }
}
