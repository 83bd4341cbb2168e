package dev.nplusone;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;

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
 *
 * <p>A scope belongs to the thread that opened it. Work handed to other threads joins it when wrapped:
 *
 * <pre>{@code
 * try (Scope scope = NPlusOne.scope("GET /posts")) {
 *     Future<List<Author>> authors = pool.submit(scope.wrap(() -> loadAuthors(ids)));
 *     CompletableFuture<List<Tag>> tags = CompletableFuture.supplyAsync(() -> loadTags(ids), scope.wrap(pool));
 *     render(authors.get(), tags.join());
 * }
 * }</pre>
 *
 * Unwrapped, the statements of other threads go to their own scopes (each connection is one, by default).
 * Wrapped work that runs after the scope closed goes there too: a closed scope never changes.
 */
public interface Scope extends AutoCloseable {

    String name();

    /** Ends the scope and reports it, from any thread; closing again does nothing. Never throws. */
    @Override
    void close();

    /**
     * What nplusone found in this scope.
     *
     * @throws IllegalStateException before the scope is closed
     */
    ScopeReport report();

    /**
     * Returns a task that runs {@code task} inside this scope on whichever thread runs it, for
     * {@code executor.execute(scope.wrap(task))} and {@code new Thread(scope.wrap(task))}.
     */
    Runnable wrap(Runnable task);

    /** Returns a task that calls {@code task} inside this scope, for {@code executor.submit(scope.wrap(task))}. */
    <T> Callable<T> wrap(Callable<T> task);

    /**
     * Returns an executor that runs every task inside this scope on {@code executor}'s threads, for
     * {@code CompletableFuture.supplyAsync(supplier, scope.wrap(executor))} and the other {@code ...Async}
     * methods.
     */
    Executor wrap(Executor executor);
}
