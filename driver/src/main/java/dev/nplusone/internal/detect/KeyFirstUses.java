package dev.nplusone.internal.detect;

import dev.nplusone.internal.scope.ShapeGroup;

/**
 * The distinct keys a loop used at one key position, each with the sequence of its first use: what parent
 * linking compares with the sequence at which a result first produced the value. Built once per position
 * and loop, then matched against every candidate source, in primitive arrays sized to the loop's logged
 * executions (no boxing: a close that links a loop allocates a few small arrays).
 */
final class KeyFirstUses {
    private static final KeyFirstUses NONE = new KeyFirstUses(new long[0], new long[0], 0);

    private final long[] keys;
    private final long[] firstUses;
    private final int size;

    private KeyFirstUses(long[] keys, long[] firstUses, int size) {
        this.keys = keys;
        this.firstUses = firstUses;
        this.size = size;
    }

    /** The keys at {@code position} of the group's logged executions, in order of first use. */
    static KeyFirstUses of(ShapeGroup group, int position) {
        int logged = group.loggedExecutions();
        long[] keys = null;
        long[] firstUses = null;
        long[] slots = null;
        boolean zeroSeen = false;
        int size = 0;
        for (int execution = 0; execution < logged; execution++) {
            if (group.loggedKeyCount(execution) <= position) {
                continue;
            }
            if (keys == null) {
                keys = new long[logged - execution];
                firstUses = new long[keys.length];
                slots = new long[Integer.highestOneBit(Math.max(2, keys.length) * 2 - 1) * 2];
            }
            long key = group.loggedKey(execution, position);
            boolean added;
            if (key == 0) {
                added = !zeroSeen;
                zeroSeen = true;
            } else {
                added = addNew(slots, key);
            }
            if (added) {
                keys[size] = key;
                firstUses[size] = group.loggedSequence(execution);
                size++;
            }
        }
        return keys == null ? NONE : new KeyFirstUses(keys, firstUses, size);
    }

    /** Open addressing over the (already hashed) non-zero keys, at most half full; 0 marks an empty slot. */
    private static boolean addNew(long[] slots, long key) {
        int mask = slots.length - 1;
        int index = (int) (key ^ (key >>> 32)) & mask;
        while (slots[index] != 0) {
            if (slots[index] == key) {
                return false;
            }
            index = (index + 1) & mask;
        }
        slots[index] = key;
        return true;
    }

    int size() {
        return size;
    }

    long key(int index) {
        return keys[index];
    }

    long firstUse(int index) {
        return firstUses[index];
    }
}
