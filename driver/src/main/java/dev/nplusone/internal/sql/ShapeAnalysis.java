package dev.nplusone.internal.sql;

import java.util.List;

/**
 * The structure of one shape, as the detector needs it.
 *
 * @param parsed       whether JSqlParser understood the statement (otherwise the lexer's reading is used)
 * @param tables       tables the statement reads, in order of appearance
 * @param keys         columns compared by equality with a parameter (or a one-value IN) in the WHERE's
 *                     top-level AND chain: what makes a lookup by key
 * @param arrayBatch   the statement loads many keys at once through an array ({@code = any (?)})
 * @param range        a range or offset predicate on a parameter: the statement pages or scans
 */
public record ShapeAnalysis(boolean parsed, List<String> tables, List<KeyPredicate> keys, boolean arrayBatch,
                            boolean range) {

    /**
     * {@code column = ?}: the column as written, which {@code ?} of the shape (0-based, text order) carries
     * its value (-1 when unknown), and the table the column belongs to, aliases resolved (null when unknown).
     */
    public record KeyPredicate(String column, int slot, String table) {
        public KeyPredicate(String column, int slot) {
            this(column, slot, null);
        }
    }

    /** A single-key lookup: the statement that, repeated with different keys, is an N+1. */
    public boolean isKeyLookup() {
        return !keys.isEmpty() && !arrayBatch && !range;
    }

    public List<String> keyColumns() {
        return keys.stream().map(KeyPredicate::column).toList();
    }

    /** The key predicate whose value sits at {@code slot}, or the only one when the slot is unknown. */
    public KeyPredicate keyAt(int slot) {
        for (KeyPredicate key : keys) {
            if (key.slot() == slot) {
                return key;
            }
        }
        return keys.size() == 1 ? keys.get(0) : null;
    }
}
