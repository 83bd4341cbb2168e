package dev.nplusone.scenarios;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A seed database created before a test class runs and dropped after it: {@code @RegisterExtension static}. */
public final class PerClassDatabase implements BeforeAllCallback, AfterAllCallback {
    private SeedDatabase database;

    @Override
    public void beforeAll(ExtensionContext context) {
        database = SeedDatabase.create();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        database.close();
    }

    public SeedDatabase get() {
        return database;
    }
}
