package dev.nplusone.internal.scope;

/**
 * Which result columns produced which values, and when: a bounded map from (value hash, source) to the
 * sequence number at which the value was first read. Two generations of fixed-size open-addressing tables:
 * when the current one fills, it becomes the previous one and the oldest generation is dropped, so the
 * index remembers recent results only and its memory never grows.
 */
final class ValueIndex {
    static final int GENERATION_SIZE = 1 << 13;
    /** A request's results hold tens to hundreds of values, not thousands: start small, grow by doubling. */
    private static final int INITIAL_CAPACITY = 64;

    private Table current;
    private Table previous;

    void record(long valueHash, int sourceId, long sequence) {
        long key = keyOf(valueHash, sourceId);
        if (previous != null && previous.contains(key)) {
            return;
        }
        if (current == null) {
            current = new Table();
        }
        if (current.size >= GENERATION_SIZE && !current.contains(key)) {
            previous = current;
            current = new Table();
        }
        current.putIfAbsent(key, sequence);
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
        private long[] slots = new long[2 * INITIAL_CAPACITY];
        int size;

        private int capacity() {
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
