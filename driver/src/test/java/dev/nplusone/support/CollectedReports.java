package dev.nplusone.support;

import dev.nplusone.ScopeReport;
import dev.nplusone.internal.Engine;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Every scope report the engine hands out during each test, from any thread: {@code @RegisterExtension}. */
public final class CollectedReports implements BeforeEachCallback, AfterEachCallback {
    private final List<ScopeReport> reports = new CopyOnWriteArrayList<>();
    private final Consumer<ScopeReport> listener = reports::add;

    @Override
    public void beforeEach(ExtensionContext context) {
        reports.clear();
        Engine.get().addListener(listener);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Engine.get().removeListener(listener);
    }

    public List<ScopeReport> all() {
        return List.copyOf(reports);
    }

    public List<ScopeReport> named(String name) {
        return reports.stream().filter(r -> r.name().equals(name)).toList();
    }
}
