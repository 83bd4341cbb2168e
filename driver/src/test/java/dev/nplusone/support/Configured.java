package dev.nplusone.support;

import dev.nplusone.internal.Engine;
import dev.nplusone.internal.config.Config;

/** Runs a block with the engine configured as a user would with system properties, then restores it. */
public final class Configured implements AutoCloseable {
    private final Config previous;

    private Configured(Config config) {
        this.previous = Engine.get().config();
        Engine.get().configure(config);
    }

    public static Configured with(Config config) {
        return new Configured(config);
    }

    @Override
    public void close() {
        Engine.get().configure(previous);
    }
}
