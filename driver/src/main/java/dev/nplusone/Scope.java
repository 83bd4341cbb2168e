package dev.nplusone;

/**
 * A unit of work whose statements are analysed together, open on the thread that created it until closed.
 * Scopes nest; the innermost one gets the statements. Closing reports the findings (log, JSON Lines) and
 * makes them available through {@link #report()}.
 *
 * <pre>{@code
 * try (Scope scope = NPlusOne.scope("import orders")) {
 *     importer.run();
 * }
 * }</pre>
 */
public interface Scope extends AutoCloseable {

    String name();

    /** Ends the scope and reports it; closing again does nothing. Never throws. */
    @Override
    void close();

    /**
     * What nplusone found in this scope.
     *
     * @throws IllegalStateException before the scope is closed
     */
    ScopeReport report();
}
