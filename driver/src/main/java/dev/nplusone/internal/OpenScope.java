package dev.nplusone.internal;

import dev.nplusone.Scope;
import dev.nplusone.ScopeReport;
import dev.nplusone.internal.scope.ScopeRecorder;

/** A scope opened through the API, the JUnit extension or the agent. */
public final class OpenScope implements Scope {
    private final ScopeRecorder recorder;
    private volatile ScopeReport report;

    private OpenScope(ScopeRecorder recorder) {
        this.recorder = recorder;
    }

    /** Opens a scope on this thread; {@code threshold} 0 means the configured one. */
    public static OpenScope open(String name, String kind, int threshold) {
        return new OpenScope(Engine.get().open(name, kind, threshold));
    }

    @Override
    public String name() {
        return recorder.name();
    }

    @Override
    public synchronized void close() {
        if (report == null) {
            report = Engine.get().closeOnThread(recorder);
        }
    }

    @Override
    public ScopeReport report() {
        ScopeReport result = report;
        if (result == null) {
            throw new IllegalStateException("scope '" + name() + "' is still open: close it before reading its report");
        }
        return result;
    }

    public ScopeRecorder recorder() {
        return recorder;
    }
}
