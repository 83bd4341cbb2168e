package dev.nplusone.internal.jdbc;

import java.sql.Array;
import java.util.Collection;

/** Reading the values an application bound to a statement. */
final class BoundValues {
    private BoundValues() {
    }

    /** Arrays and collections bound as one parameter carry many keys ({@code = any (?)}). */
    static boolean isArray(Object value) {
        return value instanceof Array || (value != null && value.getClass().isArray() && !(value instanceof byte[]))
                || value instanceof Collection;
    }
}
