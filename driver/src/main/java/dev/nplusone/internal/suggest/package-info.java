/**
 * Stage 5, suggest: a finding's evidence to its cure. Receives the loop's shape, its parent and cardinality;
 * hands on the rewritten SQL ({@code JOIN} for to-one lookups, {@code BATCH_IN} for to-many or unparented
 * ones), the query counts before and after, the reason, and the ORM idiom when the stack shows an ORM. A
 * rewrite must run on the same database and return the loop's data: {@code SuggestionProofTest} proves it.
 */
package dev.nplusone.internal.suggest;
