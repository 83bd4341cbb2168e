package dev.nplusone.internal.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nplusone.internal.scope.ScopeRecorder;
import dev.nplusone.internal.scope.ShapeGroup;
import dev.nplusone.internal.sql.SqlCache;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyFirstUsesTest {

    @Test
    void distinct_keys_come_in_order_of_first_use_with_the_sequence_of_that_use() {
        ShapeGroup group = loop(new long[][] {{7, 1}, {0, 1}, {7, 2}, {9, 1}, {0, 3}});

        assertEquals(List.of("7@1", "0@2", "9@4"), described(KeyFirstUses.of(group, 0)));
        assertEquals(List.of("1@1", "2@3", "3@5"), described(KeyFirstUses.of(group, 1)));
        assertEquals(List.of(), described(KeyFirstUses.of(group, 2)), "no execution had a third key");
    }

    /** A loop whose executions used these key values, one execution per row, sequences from 1. */
    private static ShapeGroup loop(long[][] keysPerExecution) {
        SqlCache.Statement lookup = new SqlCache(10, 10, 10_000).statement("select * from t where a = ? and b = ?");
        ScopeRecorder scope = new ScopeRecorder("keys", "explicit", 3);
        ShapeGroup group = null;
        for (long[] keys : keysPerExecution) {
            group = scope.record(lookup, keys[0] * 31 + keys[1], keys, keys.length, false, null);
        }
        return group;
    }

    private static List<String> described(KeyFirstUses keys) {
        List<String> described = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            described.add(keys.key(i) + "@" + keys.firstUse(i));
        }
        return described;
    }
}
