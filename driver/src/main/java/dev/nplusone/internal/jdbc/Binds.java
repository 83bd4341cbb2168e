package dev.nplusone.internal.jdbc;

import dev.nplusone.internal.sql.ValueHash;
import java.sql.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;

/**
 * The values bound to one prepared statement, kept as hashes by parameter position (so they are in
 * position order whatever order they were set in), plus, only when the user opted in to value capture, the
 * values themselves for reports. Set as the application binds, read when it executes; a primitive bind is
 * hashed without boxing. Not thread-safe: a statement is used by one thread at a time.
 */
final class Binds {
    /** Positions whose values are hashed: key predicates come first in practice, and a mask covers them. */
    static final int TRACKED = 64;
    private static final int MAX_SAMPLE_LENGTH = 200;
    private static final long[] NONE = new long[0];

    private final boolean captureValues;
    private long[] hashes = NONE;
    private long bound;
    private long arrays;
    private boolean arrayBeyondTracked;
    private Object[] values;
    private List<String> names;

    Binds(boolean captureValues) {
        this.captureValues = captureValues;
    }

    void bindIntegral(int position, long value) {
        store(position, ValueHash.ofLong(value), false, captureValues ? value : null);
    }

    void bindFloating(int position, double value) {
        store(position, ValueHash.ofDouble(value), false, captureValues ? value : null);
    }

    void bindBoolean(int position, boolean value) {
        store(position, ValueHash.of(value), false, value);
    }

    void bindObject(int position, Object value) {
        store(position, ValueHash.of(value), isArray(value), value);
    }

    void bindNull(int position) {
        store(position, ValueHash.NULL, false, null);
    }

    void bindIntegral(String name, long value) {
        bindIntegral(positionOf(name), value);
    }

    void bindFloating(String name, double value) {
        bindFloating(positionOf(name), value);
    }

    void bindBoolean(String name, boolean value) {
        bindBoolean(positionOf(name), value);
    }

    void bindObject(String name, Object value) {
        bindObject(positionOf(name), value);
    }

    void bindNull(String name) {
        bindNull(positionOf(name));
    }

    /** Forgets every value, as {@code clearParameters} and {@code addBatch} do. */
    void clear() {
        bound = 0;
        arrays = 0;
        arrayBeyondTracked = false;
        if (values != null) {
            Arrays.fill(values, null);
        }
    }

    /** Whether a bound value is an array or a collection: the statement loads many keys at once. */
    boolean anyArray() {
        return arrays != 0 || arrayBeyondTracked;
    }

    /** Writes the hashes of the bound positions, in position order, into {@code into}; returns how many. */
    int hashesInOrder(long[] into) {
        int count = 0;
        long remaining = bound;
        while (remaining != 0 && count < into.length) {
            int index = Long.numberOfTrailingZeros(remaining);
            into[count++] = hashes[index];
            remaining &= remaining - 1;
        }
        return count;
    }

    /** The bound values as text, for reports; only when value capture is on, else null. */
    String describe() {
        if (!captureValues || values == null) {
            return null;
        }
        StringJoiner joiner = new StringJoiner(", ", "[", "]");
        long remaining = bound;
        while (remaining != 0) {
            Object value = values[Long.numberOfTrailingZeros(remaining)];
            joiner.add(value instanceof CharSequence ? "'" + value + "'" : String.valueOf(value));
            remaining &= remaining - 1;
        }
        String text = joiner.toString();
        return text.length() > MAX_SAMPLE_LENGTH ? text.substring(0, MAX_SAMPLE_LENGTH) + "...]" : text;
    }

    private void store(int position, long hash, boolean array, Object value) {
        int index = position - 1;
        if (index < 0 || index >= TRACKED) {
            arrayBeyondTracked |= array && index >= TRACKED;
            return; // the driver has rejected a position below 1; positions past the mask are not keys
        }
        if (index >= hashes.length) {
            hashes = Arrays.copyOf(hashes, Math.min(TRACKED, Math.max(4, index + 1 + (index >> 1))));
        }
        hashes[index] = hash;
        long bit = 1L << index;
        bound |= bit;
        arrays = array ? arrays | bit : arrays & ~bit;
        if (captureValues) {
            if (values == null) {
                values = new Object[TRACKED];
            }
            values[index] = value;
        }
    }

    /** Arrays and collections bound as one parameter carry many keys ({@code = any (?)}). */
    private static boolean isArray(Object value) {
        return value instanceof Array || (value != null && value.getClass().isArray() && !(value instanceof byte[]))
                || value instanceof Collection;
    }

    /** A named parameter of a CallableStatement takes the next position the first time its name is seen. */
    private int positionOf(String name) {
        if (names == null) {
            names = new ArrayList<>(4);
        }
        int index = names.indexOf(name);
        if (index < 0) {
            names.add(name);
            index = names.size() - 1;
        }
        return index + 1;
    }
}
