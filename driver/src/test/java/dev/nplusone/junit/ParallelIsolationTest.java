package dev.nplusone.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.junit.examples.ParallelExamples;
import org.junit.jupiter.api.Test;

/** {@link ParallelExamples} in JUnit's parallel mode: interleaved tests, each with only its own statements. */
class ParallelIsolationTest {

    @Test
    void keeps_each_concurrent_tests_statements_in_its_own_scope() {
        ExampleRuns runs = ExampleRuns.run(ParallelExamples.class,
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", String.valueOf(ParallelExamples.TESTS + 2));

        assertEquals(ParallelExamples.TESTS, runs.outcomes().size());
        runs.assertPassed("clean_page_one");
        runs.assertPassed("clean_page_two");
        runs.assertPassed("clean_page_three");
        assertOnly(runs.failureMessage("authors_in_a_loop"), "100 executions, 20 distinct keys",
                NoNPlusOneTest.AUTHOR_SHAPE, "102 statements in scope 'ParallelExamples.authors_in_a_loop'");
        assertOnly(runs.failureMessage("tags_in_a_loop"), "100 executions, 50 distinct keys",
                NoNPlusOneTest.TAGS_SHAPE, "102 statements in scope 'ParallelExamples.tags_in_a_loop'");
        assertOnly(runs.failureMessage("employees_per_department"), "8 executions, 4 distinct keys",
                NoNPlusOneTest.EMPLOYEES_SHAPE, "10 statements in scope 'ParallelExamples.employees_per_department'");
    }

    private static void assertOnly(String message, String figures, String shape, String statements) {
        assertTrue(message.startsWith("Expecting no N+1 queries, but 1 was found:\n"), message);
        assertTrue(message.contains("] " + figures + ", "), message);
        assertTrue(message.contains("    repeated: " + shape + "\n"), message);
        assertTrue(message.contains("\n" + statements + ";"), message);
        for (String other : new String[] {NoNPlusOneTest.AUTHOR_SHAPE, NoNPlusOneTest.TAGS_SHAPE,
                NoNPlusOneTest.EMPLOYEES_SHAPE}) {
            assertFalse(!other.equals(shape) && message.contains(other), () -> "another test's statement in: " + message);
        }
    }
}
