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
    private volatile ShapeAnalysis analysis;

    Shape(String sql, StatementType kind) {
        this.sql = sql;
        this.kind = kind;
        this.id = ValueHash.ofString(sql);
    }

    public String sql() {
        return sql;
    }

    public StatementType kind() {
        return kind;
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
