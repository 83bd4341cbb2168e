package dev.nplusone.internal;

import dev.nplusone.Scope;
import dev.nplusone.ScopeReport;
import dev.nplusone.internal.scope.ScopeRecorder;
import dev.nplusone.internal.scope.ThreadState;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

/**
 * A handle on a scope opened through the API, the JUnit extension or the agent. The recorder holds all the
 * state (open or closed, the report), so any number of handles on one scope behave as one.
 */
public final class OpenScope implements Scope {
    private final ScopeRecorder recorder;

    private OpenScope(ScopeRecorder recorder) {
        this.recorder = recorder;
    }

    /** Opens a scope on this thread; {@code threshold} 0 means the configured one. */
    public static OpenScope open(String name, String kind, int threshold) {
        return new OpenScope(Engine.get().open(name, kind, threshold));
    }

    /** A handle on the innermost scope open on this thread, if any. */
    public static Optional<Scope> current() {
        ScopeRecorder innermost = ThreadState.current().innermostScope();
        return innermost == null ? Optional.empty() : Optional.of(new OpenScope(innermost));
    }

    @Override
    public String name() {
        return recorder.name();
    }

    @Override
    public void close() {
        Engine.get().closeOnThread(recorder);
    }

    @Override
    public ScopeReport report() {
        ScopeReport result = recorder.report();
        if (result == null) {
            throw new IllegalStateException("scope '" + name() + "' is still open: close it before reading its report");
        }
        return result;
    }

    @Override
    public Runnable wrap(Runnable task) {
        Objects.requireNonNull(task, "task");
        return () -> {
            ThreadState thread = enter();
            try {
                task.run();
            } finally {
                thread.remove(recorder);
            }
        };
    }

    @Override
    public <T> Callable<T> wrap(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        return () -> {
            ThreadState thread = enter();
            try {
                return task.call();
            } finally {
                thread.remove(recorder);
            }
        };
    }

    @Override
    public Executor wrap(Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return task -> executor.execute(wrap(task));
    }

    /** Makes the scope the innermost on the running thread (a closed scope is skipped when statements come). */
    private ThreadState enter() {
        ThreadState thread = ThreadState.current();
        thread.push(recorder);
        return thread;
    }

    /** See {@link ScopeRecorder#rename}. */
    public void rename(String newName) {
        recorder.rename(Objects.requireNonNull(newName, "newName"));
    }

    public ScopeRecorder recorder() {
        return recorder;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OpenScope scope && scope.recorder == recorder;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(recorder);
    }

    @Override
    public String toString() {
        return "Scope[" + name() + (recorder.closed() ? ", closed]" : "]");
    }
}
