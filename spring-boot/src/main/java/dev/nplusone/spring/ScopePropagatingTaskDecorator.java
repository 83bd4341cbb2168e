package dev.nplusone.spring;

import dev.nplusone.NPlusOne;
import dev.nplusone.Scope;
import org.springframework.core.task.TaskDecorator;

/**
 * Carries the scope open where a task is submitted (the request's, a test's) to the thread that runs it, for
 * {@code @Async} methods and Spring's task executors: their statements count in the request that started them.
 * Spring Boot applies a single {@link TaskDecorator} bean to the executors it configures; an application with its own
 * decorator can call this one from it.
 */
public final class ScopePropagatingTaskDecorator implements TaskDecorator {
    @Override
    public Runnable decorate(Runnable runnable) {
        return NPlusOne.current().map((Scope scope) -> scope.wrap(runnable)).orElse(runnable);
    }
}
