package dev.nplusone;

import dev.nplusone.internal.Engine;
import dev.nplusone.internal.OpenScope;
import dev.nplusone.internal.jdbc.JdbcWrapping;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The front door. Wrap a DataSource to have its statements watched, and open scopes around units of work:
 *
 * <pre>{@code
 * DataSource dataSource = NPlusOne.wrap(rawDataSource);
 * try (Scope scope = NPlusOne.scope("render posts")) {
 *     page.render(dataSource);
 * }
 * }</pre>
 *
 * <p>Without an explicit scope, each connection (from getConnection until close) is a scope of its own.
 * Configuration comes from {@code nplusone.*} system properties; see the README.
 */
public final class NPlusOne {
    private NPlusOne() {
    }

    /**
     * Returns a DataSource whose connections are watched. Wrapping an already watched DataSource returns it
     * unchanged, so a statement is never counted twice.
     */
    public static DataSource wrap(DataSource dataSource) {
        return wrap(dataSource, "");
    }

    /** As {@link #wrap(DataSource)}, naming the DataSource in connection scope names. */
    public static DataSource wrap(DataSource dataSource, String name) {
        Objects.requireNonNull(dataSource, "dataSource");
        return JdbcWrapping.wrap(dataSource, name == null ? "" : name);
    }

    /** Opens a scope named {@code name} on the current thread; use it in try-with-resources. */
    public static Scope scope(String name) {
        return OpenScope.open(Objects.requireNonNull(name, "name"), "explicit", 0);
    }

    /**
     * The innermost scope open on the current thread: opened with {@link #scope(String)}, by the JUnit
     * extension, by the agent for an HTTP request, or carried here by {@link Scope#wrap}. Use it to carry a
     * scope you did not open onto other threads:
     *
     * <pre>{@code
     * Executor inScope = NPlusOne.current().map(scope -> scope.wrap(executor)).orElse(executor);
     * }</pre>
     *
     * Empty when no scope is open (statements then belong to their connection's scope).
     */
    public static Optional<Scope> current() {
        return OpenScope.current();
    }

    /** Whether detection is on ({@code nplusone.enabled}, and not switched off after internal failures). */
    public static boolean enabled() {
        return Engine.get().active();
    }
}
