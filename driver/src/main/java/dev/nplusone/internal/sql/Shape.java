package dev.nplusone.internal.sql;

import dev.nplusone.StatementType;

/**
 * A query template: statements with the same shape differ only in their literal and parameter values.
 * Equal by fingerprint text; the structural analysis is computed at most once per instance, lazily.
 */
public final class Shape {
    private final String sql;
    private final StatementType kind;
    private final long id;
    private final boolean joins;
    private volatile ShapeAnalysis analysis;

    Shape(String sql, StatementType kind) {
        this.sql = sql;
        this.kind = kind;
        this.id = ValueHash.ofString(sql);
        this.joins = kind == StatementType.SELECT && sql.contains(" join ") && tablesOfColumnsKnowable(sql);
    }

    /**
     * Whether each result column could be traced to its table (see {@link JoinAnalyzer}): not with a star, an
     * expression or a subquery in the select list, nor under a WITH; those statements get no unused-join verdict,
     * so their reads are not tracked. A text scan of the select list, once per shape.
     */
    private static boolean tablesOfColumnsKnowable(String sql) {
        int from = sql.indexOf(" from ");
        if (!sql.startsWith("select ") || from < 0) {
            return false;
        }
        for (int i = "select ".length(); i < from; i++) {
            char c = sql.charAt(i);
            if (c == '*' || c == '(') {
                return false;
            }
        }
        return true;
    }

    public String sql() {
        return sql;
    }

    public StatementType kind() {
        return kind;
    }

    /**
     * A select whose fingerprint joins a table and names the table of each column it selects: the only statements
     * whose ResultSets track which columns the application reads (for unused joins). Decided from the text once,
     * so other statements pay nothing.
     */
    public boolean joins() {
        return joins;
    }

    /** An INSERT, UPDATE, DELETE or MERGE: a statement that changes rows. */
    public boolean writes() {
        return kind == StatementType.INSERT || kind == StatementType.UPDATE || kind == StatementType.DELETE
                || kind == StatementType.MERGE;
    }

    /** Stable across runs and JVMs: a hash of the fingerprint text. */
    public long id() {
        return id;
    }

    public ShapeAnalysis analysis() {
        ShapeAnalysis result = analysis;
        if (result == null) {
            result = ShapeAnalyzer.analyze(sql, kind);
            analysis = result;
        }
        return result;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape other && other.id == id && other.sql.equals(sql);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return sql;
    }
}
