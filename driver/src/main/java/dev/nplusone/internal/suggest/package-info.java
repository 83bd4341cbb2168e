/**
 * The suggest stage. Receives a finding's loop, its parent link and the scope's snapshot from the detect
 * stage and hands back a {@code Finding.Suggestion}: a JOIN into the parent's statement or one batched IN
 * query, built from the statements' fingerprints with JSqlParser ({@code Rewriter}), with the reason, the
 * queries saved and the ORM's idiom. Rewrites are memoised by fingerprint (bounded), so a loop seen before
 * costs no parsing.
 */
package dev.nplusone.internal.suggest;
