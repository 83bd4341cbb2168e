package dev.nplusone.internal.sql;

import java.util.List;

/**
 * Which table each result column of a joining select comes from, and the tables it joins: what an unused
 * join is judged on. Made only for selects whose every select item is a column qualified by its table
 * (as ORMs write them): a star or an expression leaves a column's table unknown, and then there is no verdict.
 *
 * @param owners the table reference (alias, or name when unaliased) of each result column, in order, lower case
 * @param joins  the joined tables (not the FROM table)
 */
public record JoinedColumns(List<String> owners, List<Joined> joins) {

    /**
     * One joined table.
     *
     * @param reference  how the statement refers to it (alias or name), lower case
     * @param table      its name as written
     * @param outer      a LEFT (outer) join: dropping it cannot remove the other tables' rows
     * @param usedElsewhere whether its columns appear outside its select items and its own ON clause (WHERE,
     *                   ORDER BY, GROUP BY, HAVING, another join): then the join does work besides its columns
     */
    public record Joined(String reference, String table, boolean outer, boolean usedElsewhere) {
    }

    /** 1-based indexes of the result columns that come from {@code reference}. */
    public int[] columnsOf(String reference) {
        return java.util.stream.IntStream.range(0, owners.size()).filter(i -> reference.equals(owners.get(i)))
                .map(i -> i + 1).toArray();
    }
}
