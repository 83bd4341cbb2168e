package dev.nplusone.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nplusone.apps.spring.PostTitles;
import dev.nplusone.apps.spring.PostTitlesSuite;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Spring Boot + Spring Data JPA project's {@code @Transactional} test run with the agent through the JUnit
 * Platform launcher: the lazy-loading loop is the test's, the context's start-up (and its write loop) is not.
 */
class SpringSuiteIT {
    @Test
    void a_transactional_test_is_a_scope_of_its_own_blaming_the_loop_on_main_code() {
        SuiteRun run = SuiteRun.of(ChildJvm.Classpath.SPRING_APPLICATION_TESTS, PostTitlesSuite.class);
        ChildJvm.Result result = run.result();

        assertTrue(result.stdout().contains("1 tests successful"), result.stdout());
        List<JsonNode> tests = run.scopes().stream()
                .filter(scope -> scope.at("/scope/kind").asText().equals("test")).toList();
        assertEquals(List.of(PostTitlesSuite.class.getSimpleName() + ".lists_the_titles_with_their_authors"),
                tests.stream().map(scope -> scope.at("/scope/name").asText()).toList(),
                "test scopes with findings: the context's start-up is in none");
        JsonNode loop = tests.get(0).at("/findings/0");
        assertEquals("N_PLUS_ONE", loop.get("kind").asText());
        assertEquals(10, loop.get("distinctKeys").asInt(), loop::toString);
        assertEquals(SuiteRun.callSite(PostTitles.class, "lambda$withAuthors$0", "withAuthors"),
                loop.get("callSite").asText());
        assertFalse((result.stdout() + result.stderr()).toLowerCase().contains("jsqlparser"), result.stderr());
    }
}
