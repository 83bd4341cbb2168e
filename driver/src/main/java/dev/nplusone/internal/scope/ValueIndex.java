package dev.nplusone.internal.scope;

/**
 * Which result columns produced which values, and when: a bounded map from (value hash, source) to the
 * sequence number at which the value was first read. Two generations of fixed-size open-addressing tables:
 * when the current one fills, it becomes the previous one and the oldest generation is dropped, so the
 * index remembers recent results only and its memory never grows.
 */
final class ValueIndex {
    static final int GENERATION_SIZE = 1 << 13;

    private Table current;
    private Table previous;

    void record(long valueHash, int sourceId, long sequence) {
        long key = keyOf(valueHash, sourceId);
        if (previous != null && previous.find(key) >= 0) {
            return;
        }
        if (current == null) {
            current = new Table();
        }
        if (current.size >= GENERATION_SIZE && current.find(key) < 0) {
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
        if (table == null) {
            return -1;
        }
        int slot = table.find(key);
        return slot < 0 ? -1 : table.sequences[slot];
    }

    private static long keyOf(long valueHash, int sourceId) {
        long key = valueHash * 0x9E3779B97F4A7C15L + sourceId;
        key ^= key >>> 29;
        return key == 0 ? 1 : key;
    }

    /** Open addressing, grown by doubling while at most half full, never past {@link #GENERATION_SIZE} entries. */
    private static final class Table {
        long[] keys = new long[256];
        long[] sequences = new long[256];
        int size;

        int find(long key) {
            int mask = keys.length - 1;
            int index = (int) (key ^ (key >>> 32)) & mask;
            while (keys[index] != 0) {
                if (keys[index] == key) {
                    return index;
                }
                index = (index + 1) & mask;
            }
            return -1;
        }

        void putIfAbsent(long key, long sequence) {
            if (find(key) >= 0) {
                return;
            }
            if ((size + 1) * 2 > keys.length) {
                grow();
            }
            insert(key, sequence);
            size++;
        }

        private void insert(long key, long sequence) {
            int mask = keys.length - 1;
            int index = (int) (key ^ (key >>> 32)) & mask;
            while (keys[index] != 0) {
                index = (index + 1) & mask;
            }
            keys[index] = key;
            sequences[index] = sequence;
        }

        private void grow() {
            long[] oldKeys = keys;
            long[] oldSequences = sequences;
            keys = new long[oldKeys.length * 2];
            sequences = new long[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    insert(oldKeys[i], oldSequences[i]);
                }
            }
        }
    }
}
