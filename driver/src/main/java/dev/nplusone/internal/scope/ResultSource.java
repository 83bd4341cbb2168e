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
    private volatile int maxRows;

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

    public int maxRows() {
        return maxRows;
    }

    void rowRead(int rowsSoFar) {
        if (rowsSoFar > maxRows) {
            maxRows = rowsSoFar;
        }
    }
}
