/**
 * The report stage, last in the pipeline. Receives each closed scope's {@code ScopeReport} and hands it to
 * the registered listeners and, when it has findings, to the log (human text) and the JSON Lines file, each
 * only when configured. A scope without findings and without listeners costs one check here.
 */
package dev.nplusone.internal.report;
