package dev.nplusone.internal.sql;

import dev.nplusone.StatementType;

/**
 * What the lexer learns from one SQL string: its shape, and what the string itself says about the key
 * (inline literals) and batching (IN lists with several values). Computed once per distinct string.
 *
 * @param shape           the fingerprint: literals and parameters as {@code ?}, IN lists as {@code in (?+)}
 * @param kind            what the statement does
 * @param literalHash     combined hash of every inline literal, in order (0 when there are none)
 * @param literalValues   hashes of the first inline literals, for parent linking
 * @param maxInListSize   the largest IN list of values or parameters (0 when there is none)
 * @param slots           how many {@code ?} the shape has, in text order (a collapsed IN list is one)
 * @param literalSlots    bit i set when slot i (of the first 64) held an inline literal rather than a parameter
 */
public record NormalizedSql(String shape, StatementType kind, long literalHash, long[] literalValues,
                            int maxInListSize, int slots, long literalSlots) {

    public boolean isLiteralSlot(int slot) {
        return slot < 64 && (literalSlots & (1L << slot)) != 0;
    }


    public boolean batched() {
        return maxInListSize > 1;
    }
}
