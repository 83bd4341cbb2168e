package dev.nplusone.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.nplusone.junit.examples.Example;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs example test classes through EngineTestKit and reads each test's outcome by method name. */
final class ExampleRuns {
    private final EngineExecutionResults results;

    private ExampleRuns(EngineExecutionResults results) {
        this.results = results;
    }

    static ExampleRuns run(Class<?> exampleClass, String... parameters) {
        EngineTestKit.Builder builder = EngineTestKit.engine("junit-jupiter").selectors(selectClass(exampleClass))
                .configurationParameter(Example.PARAMETER, "true");
        for (int i = 0; i < parameters.length; i += 2) {
            builder.configurationParameter(parameters[i], parameters[i + 1]);
        }
        return new ExampleRuns(builder.execute());
    }

    EngineExecutionResults results() {
        return results;
    }

    /** The outcome of every test (each invocation of a parameterized one), keyed by method and display name. */
    Map<String, TestExecutionResult> outcomes() {
        Map<String, TestExecutionResult> outcomes = new LinkedHashMap<>();
        for (Event event : results.testEvents().finished().list()) {
            MethodSource source = (MethodSource) event.getTestDescriptor().getSource().orElseThrow();
            String display = event.getTestDescriptor().getDisplayName();
            String key = display.startsWith(source.getMethodName() + "(") ? source.getMethodName()
                    : source.getMethodName() + " " + display;
            outcomes.put(key, event.getRequiredPayload(TestExecutionResult.class));
        }
        return outcomes;
    }

    /** The outcome of the one test named {@code method}. */
    TestExecutionResult outcome(String method) {
        List<TestExecutionResult> found = new ArrayList<>();
        outcomes().forEach((key, result) -> {
            if (key.equals(method) || key.startsWith(method + " ")) {
                found.add(result);
            }
        });
        assertEquals(1, found.size(), () -> "tests named " + method + ": " + outcomes().keySet());
        return found.get(0);
    }

    void assertPassed(String method) {
        TestExecutionResult result = outcome(method);
        assertEquals(TestExecutionResult.Status.SUCCESSFUL, result.getStatus(),
                () -> method + " failed: " + result.getThrowable().map(Throwable::toString).orElse(""));
    }

    /** Asserts that {@code method} failed, and returns what it failed with. */
    Throwable failure(String method) {
        TestExecutionResult result = outcome(method);
        assertEquals(TestExecutionResult.Status.FAILED, result.getStatus(), () -> method + " did not fail");
        return result.getThrowable().orElseThrow();
    }

    String failureMessage(String method) {
        return failure(method).getMessage();
    }

    /** The messages of the report entries published with key {@code nplusone}. */
    List<String> reportEntries() {
        List<String> entries = new ArrayList<>();
        results.allEvents().reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(org.junit.platform.engine.reporting.ReportEntry.class))
                .forEach(entry -> {
                    String value = entry.getKeyValuePairs().get("nplusone");
                    if (value != null) {
                        entries.add(value);
                    }
                });
        return entries;
    }
}
