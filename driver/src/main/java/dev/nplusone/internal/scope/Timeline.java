package dev.nplusone.internal.scope;

import dev.nplusone.internal.sql.Shape;
import java.util.Arrays;

/**
 * The first executions of a scope, in order: which shape, when (offset from the scope's start) and for how long.
 * What the HTML report draws as the statement timeline. Bounded: past {@link #LIMIT} entries it only counts, so a
 * huge scope costs the same few kilobytes as a small one. Guarded by the owning scope's lock.
 */
final class Timeline {
    static final int LIMIT = 256;

    private Shape[] shapes = new Shape[16];
    private long[] offsets = new long[16];
    private long[] durations = new long[16];
    private int size;

    void add(Shape shape, long offsetNanos, long durationNanos) {
        if (size == LIMIT) {
            return;
        }
        if (size == shapes.length) {
            int grown = Math.min(LIMIT, size * 2);
            shapes = Arrays.copyOf(shapes, grown);
            offsets = Arrays.copyOf(offsets, grown);
            durations = Arrays.copyOf(durations, grown);
        }
        shapes[size] = shape;
        offsets[size] = offsetNanos;
        durations[size] = durationNanos;
        size++;
    }

    int size() {
        return size;
    }

    Shape shape(int i) {
        return shapes[i];
    }

    long offset(int i) {
        return offsets[i];
    }

    long duration(int i) {
        return durations[i];
    }
}
