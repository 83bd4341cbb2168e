/**
 * nplusone's engine, not an API: may change in any release. The pipeline runs in one direction, one package a
 * stage: {@code jdbc} (JDBC wrappers) -> {@code sql} (fingerprints) -> {@code scope} (what a unit of work ran)
 * -> {@code detect} (findings) -> {@code suggest} (rewrites) -> {@code report} (log, JSON Lines, listeners).
 * This package holds what spans them: the {@link dev.nplusone.internal.Engine} (one per class loader), scope
 * handles, shutdown flushing, and the failure counting that keeps every stage from breaking the application.
 */
package dev.nplusone.internal;
