package dev.nplusone.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NPlusOneAgentTest {
    @Test
    void says_in_one_line_that_it_is_not_active_when_it_cannot_start() {
        Instrumentation broken = (Instrumentation) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Instrumentation.class}, (proxy, method, arguments) -> {
                    throw new UnsupportedOperationException("no instrumentation here");
                });
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            NPlusOneAgent.premain("threshold=2", broken);
        } finally {
            System.setErr(original);
        }

        String output = stderr.toString(StandardCharsets.UTF_8);
        assertEquals(1, output.lines().count(), output);
        assertEquals(true, output.startsWith("nplusone: the agent could not start and is not active;"), output);
        assertNull(AgentRuntime.reporter(), "hooks stay inert: the engine never starts");
    }

    @Test
    void names_a_bad_argument_in_one_line_and_keeps_the_default() {
        StringBuilder errors = new StringBuilder();

        AgentSettings settings = AgentSettings.parse("threshold=one,json=/tmp/n1.jsonl", line -> errors.append(line).append('\n'));

        assertEquals("nplusone: property nplusone.threshold='one' is not a whole number of at least 2; using 3\n",
                errors.toString());
        assertEquals(3, settings.user().threshold());
        assertEquals("/tmp/n1.jsonl", settings.json().json().toString());
        assertNull(settings.engine().json(), "the engine writes no JSON itself: the agent does, with final names");
        assertEquals(false, settings.engine().log());
    }
}
