/**
 * Stage 6, report: a scope's findings to people and tools. Receives the {@link dev.nplusone.ScopeReport};
 * writes the human report through {@code System.Logger}, the JSON Lines file (whole lines, safe under
 * concurrent scopes) and notifies listeners (the JUnit extension, the agent).
 */
package dev.nplusone.internal.report;
