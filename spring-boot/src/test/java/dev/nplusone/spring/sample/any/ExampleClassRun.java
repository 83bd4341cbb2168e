package dev.nplusone.spring.sample.any;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs an example test class (one that fails on purpose) through EngineTestKit, as a user's build would run it, and
 * reads each test's outcome by method name.
 */
public final class ExampleClassRun {
    private final EngineExecutionResults results;

    private ExampleClassRun(EngineExecutionResults results) {
        this.results = results;
    }

    public static ExampleClassRun of(Class<?> exampleClass) {
        return new ExampleClassRun(EngineTestKit.engine("junit-jupiter").selectors(selectClass(exampleClass)).execute());
    }

    public TestExecutionResult outcome(String method) {
        List<Event> finished = results.testEvents().finished().list().stream()
                .filter(event -> event.getTestDescriptor().getSource().orElse(null) instanceof MethodSource source
                        && source.getMethodName().equals(method))
                .toList();
        assertEquals(1, finished.size(), () -> "tests named " + method + " that finished: " + finished);
        return finished.get(0).getRequiredPayload(TestExecutionResult.class);
    }

    public void assertPassed(String method) {
        TestExecutionResult result = outcome(method);
        assertEquals(TestExecutionResult.Status.SUCCESSFUL, result.getStatus(),
                () -> method + " failed: " + result.getThrowable().map(Throwable::toString).orElse(""));
    }

    public String failureMessage(String method) {
        TestExecutionResult result = outcome(method);
        assertEquals(TestExecutionResult.Status.FAILED, result.getStatus(), () -> method + " did not fail");
        return result.getThrowable().orElseThrow().getMessage();
    }

    /**
     * The example's loop over every owner's pets fails with the finding and its fix; its one-statement page passes;
     * and no container (the class, its Spring context) failed.
     */
    public void assertFailsOnTheOwnersLoopOnly(String loopTest, String cleanTest) {
        String message = failureMessage(loopTest);
        assertTrue(message.startsWith("Expecting no N+1 queries, but 1 was found:\n  N+1 QUERY [CONFIRMED] 5 executions"),
                message);
        assertTrue(message.contains("from pet p1_0 where p1_0.owner_id = ?"), message);
        assertTrue(message.contains("fix IN  : "), message);
        assertPassed(cleanTest);
        assertEquals(0, results.containerEvents().failed().count(), () -> "containers failed: "
                + results.containerEvents().failed().list());
    }
}
