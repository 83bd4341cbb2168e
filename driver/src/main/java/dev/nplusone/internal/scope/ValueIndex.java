package dev.nplusone.internal.scope;

/**
 * Which result columns produced which values, and when: a bounded map from (value hash, source) to the
 * sequence number at which the value was first read. Two generations of fixed-size open-addressing tables:
 * when the current one fills, it becomes the previous one and the oldest generation is dropped, so the
 * index remembers recent results only and its memory never grows.
 */
final class ValueIndex {
    static final int GENERATION_SIZE = 1 << 13;
    static final int MIN_CAPACITY = 64;
    /** A batch job's scope must not make every request after it start with a large table. */
    static final int MAX_START_CAPACITY = 2_048;
    /**
     * The table size the scope closed last needed. Request after request of one application reads about as
     * many values, so a new scope's first table is sized for them instead of growing through every smaller
     * size. One racy field: concurrent scopes overwrite each other's figure, which only costs a regrowth.
     */
    private static volatile int startCapacity = MIN_CAPACITY;

    private Table current;
    private Table previous;

    void record(long valueHash, int sourceId, long sequence) {
        long key = keyOf(valueHash, sourceId);
        if (previous != null && previous.contains(key)) {
            return;
        }
        if (current == null) {
            current = new Table(startCapacity);
        }
        if (current.size >= GENERATION_SIZE && !current.contains(key)) {
            previous = current;
            current = new Table(startCapacity);
        }
        current.putIfAbsent(key, sequence);
    }

    /** Notes how large this (closed) scope's index grew, for the first table of the scopes opened next. */
    void scopeClosed() {
        if (current != null) {
            int needed = Integer.highestOneBit(Math.max(1, current.size * 2 - 1)) * 2;
            startCapacity = Math.max(MIN_CAPACITY, Math.min(MAX_START_CAPACITY, needed));
        }
    }

    /** Entries the current table holds before it grows. */
    int capacity() {
        return current == null ? startCapacity / 2 : current.capacity() / 2;
    }

    /** The sequence at which {@code sourceId} first produced the value, or -1 if it never did (or was forgotten). */
    long firstSeen(long valueHash, int sourceId) {
        long key = keyOf(valueHash, sourceId);
        long seen = lookup(previous, key);
        return seen >= 0 ? seen : lookup(current, key);
    }

    private static long lookup(Table table, long key) {
        return table == null ? -1 : table.sequenceOf(key);
    }

    private static long keyOf(long valueHash, int sourceId) {
        long key = valueHash * 0x9E3779B97F4A7C15L + sourceId;
        key ^= key >>> 29;
        return key == 0 ? 1 : key;
    }

    /**
     * Open addressing, grown by doubling while at most half full, never past {@link #GENERATION_SIZE}
     * entries. Each slot is two adjacent longs (key, sequence): one array, and a probe reads one cache line.
     */
    private static final class Table {
        private long[] slots;
        int size;

        Table(int capacity) {
            slots = new long[2 * capacity];
        }

        int capacity() {
            return slots.length >> 1;
        }

        /** The slot holding {@code key}, or the empty slot where it would go. */
        private int slotOf(long key) {
            int mask = capacity() - 1;
            int index = (int) (key ^ (key >>> 32)) & mask;
            while (slots[2 * index] != 0 && slots[2 * index] != key) {
                index = (index + 1) & mask;
            }
            return index;
        }

        boolean contains(long key) {
            return slots[2 * slotOf(key)] != 0;
        }

        long sequenceOf(long key) {
            int slot = slotOf(key);
            return slots[2 * slot] == 0 ? -1 : slots[2 * slot + 1];
        }

        void putIfAbsent(long key, long sequence) {
            int slot = slotOf(key);
            if (slots[2 * slot] != 0) {
                return;
            }
            if ((size + 1) * 2 > capacity()) {
                grow();
                slot = slotOf(key);
            }
            slots[2 * slot] = key;
            slots[2 * slot + 1] = sequence;
            size++;
        }

        private void grow() {
            long[] old = slots;
            slots = new long[old.length * 2];
            for (int i = 0; i < old.length; i += 2) {
                if (old[i] != 0) {
                    int slot = slotOf(old[i]);
                    slots[2 * slot] = old[i];
                    slots[2 * slot + 1] = old[i + 1];
                }
            }
        }
    }
}
