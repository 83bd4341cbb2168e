package dev.nplusone.internal.scope;

import dev.nplusone.internal.sql.Shape;

/**
 * One column of one statement shape whose values were read from a ResultSet in the scope: a candidate
 * origin of a loop's keys.
 */
public final class ResultSource {
    private final int id;
    private final Shape shape;
    private final String column;
    private int rows;
    private long lastRow = -1;

    ResultSource(int id, Shape shape, String column) {
        this.id = id;
        this.shape = shape;
        this.column = column;
    }

    public int id() {
        return id;
    }

    public Shape shape() {
        return shape;
    }

    public String column() {
        return column;
    }

    /** Rows whose values this column gave, over every execution of the shape in the scope. */
    public int rows() {
        return rows;
    }

    /** Counts the row once, however many of its values are read; {@code row} is unique per result and row. */
    void valueRead(long row) {
        if (row != lastRow) {
            lastRow = row;
            rows++;
        }
    }
}
