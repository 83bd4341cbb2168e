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
        this.joins = kind == StatementType.SELECT && sql.contains(" join ");
    }

    public String sql() {
        return sql;
    }

    public StatementType kind() {
        return kind;
    }

    /**
     * A select whose fingerprint joins a table: the only statements whose ResultSets track which columns the
     * application reads (for unused joins). Decided from the text once, so other statements pay nothing.
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
