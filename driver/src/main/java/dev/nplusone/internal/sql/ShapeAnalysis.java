package dev.nplusone.internal.sql;

import java.util.List;

/**
 * The structure of one shape, as the detector needs it.
 *
 * @param parsed       whether JSqlParser understood the statement (otherwise the lexer's reading is used)
 * @param tables       tables the statement reads, in order of appearance
 * @param keyColumns   columns compared by equality with a parameter (or a one-value IN) in the WHERE's
 *                     top-level AND chain: what makes a lookup by key
 * @param arrayBatch   the statement loads many keys at once through an array ({@code = any (?)})
 * @param range        a range or offset predicate on a parameter: the statement pages or scans
 */
public record ShapeAnalysis(boolean parsed, List<String> tables, List<String> keyColumns, boolean arrayBatch,
                            boolean range) {

    /** A single-key lookup: the statement that, repeated with different keys, is an N+1. */
    public boolean isKeyLookup() {
        return !keyColumns.isEmpty() && !arrayBatch && !range;
    }
}
