/**
 * The detect stage. Receives a closed scope's {@code ScopeRecorder.Snapshot} (per shape and call site:
 * executions, distinct keys, rows, logged keys, and the value index of the results read) and hands on a
 * {@code ScopeReport}: each group judged against the rules ({@code N_PLUS_ONE}, {@code DUPLICATE}), its parent
 * found by bind-value flow ({@link dev.nplusone.internal.detect.ParentLinker}), and the suggest stage asked
 * for the cure through {@link dev.nplusone.internal.detect.Detector.SuggestionMaker}. A new rule is a branch
 * of {@code Detector.judge}. Runs once per scope close: its cost is per finding and per result column read,
 * never per statement in the JVM.
 */
package dev.nplusone.internal.detect;
