/**
 * Stage 3, scope: what one unit of work executed. Receives executions (shape, key hash, key values) and the
 * values read from results; keeps bounded counters per shape and call site, a bounded set of key hashes, and
 * an index of where values were read, never a list of all executions. Hands on a snapshot when the scope
 * closes. Call sites are found on the application's stack, skipping framework frames, within a walk budget.
 */
package dev.nplusone.internal.scope;
