/**
 * Stage 5, suggest: a finding's evidence to its cure. Receives the loop's shape, its parent and cardinality;
 * hands on the rewritten SQL ({@code JOIN} for to-one lookups, {@code BATCH_IN} for to-many or unparented
 * ones), the query counts before and after, the reason, and the ORM idiom when the stack shows an ORM. A
 * rewrite starts from the application's own SQL (constant literals kept as written, bound values named by
 * whose they are, so the suggestion lists what to bind at each {@code ?}), must parse back, and must run on
 * the same database and return the loop's data: {@code SuggestionProofTest} and the generated scenarios
 * ({@code scenarios.generated}) prove it. When no rewrite can be proven the suggestion has no SQL and says why.
 */
package dev.nplusone.internal.suggest;
