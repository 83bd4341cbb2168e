package dev.nplusone.internal.scope;

/**
 * A set of 64-bit key hashes with open addressing and a hard capacity: past it, new keys are not stored and
 * {@link #saturated()} says the count is a lower bound. No boxing, one array.
 */
final class KeySet {
    private static final long EMPTY = 0L;
    private static final long ZERO_STAND_IN = 0x5DEECE66DL;

    private long[] slots = new long[8];
    private int size;
    private final int capacity;
    private boolean saturated;

    KeySet(int capacity) {
        this.capacity = capacity;
    }

    /** Adds a key unless the set is full; {@code budget} is asked before growing. Returns true if new. */
    boolean add(long key, KeyBudget budget) {
        if (key == EMPTY) {
            key = ZERO_STAND_IN;
        }
        int mask = slots.length - 1;
        int index = (int) (key ^ (key >>> 32)) & mask;
        while (slots[index] != EMPTY) {
            if (slots[index] == key) {
                return false;
            }
            index = (index + 1) & mask;
        }
        if (size >= capacity || !budget.take()) {
            saturated = true;
            return false;
        }
        slots[index] = key;
        if (++size * 2 > slots.length) {
            grow();
        }
        return true;
    }

    int size() {
        return size;
    }

    boolean saturated() {
        return saturated;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long key : old) {
            if (key != EMPTY) {
                int index = (int) (key ^ (key >>> 32)) & mask;
                while (slots[index] != EMPTY) {
                    index = (index + 1) & mask;
                }
                slots[index] = key;
            }
        }
    }

    /** The scope-wide allowance of stored keys, so memory per scope stays bounded whatever the load. */
    interface KeyBudget {
        boolean take();

        /** Whether one more execution's key values may be logged for parent linking. */
        boolean takeLogged();
    }
}
