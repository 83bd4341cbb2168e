package dev.nplusone.junit.examples;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class that exists to be run by the tests of {@code dev.nplusone.junit} through EngineTestKit, many of
 * them failing on purpose. Surefire skips this package; the condition also keeps an IDE run of all tests from
 * running them, unless the configuration parameter {@value #PARAMETER} is {@code true}.
 */
@Tag("example")
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(Example.RunOnlyWhenAsked.class)
public @interface Example {
    String PARAMETER = "nplusone.examples";

    final class RunOnlyWhenAsked implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(PARAMETER).filter("true"::equals).isPresent()
                    ? ConditionEvaluationResult.enabled("run through EngineTestKit")
                    : ConditionEvaluationResult.disabled("an example for EngineTestKit, failing on purpose");
        }
    }
}
