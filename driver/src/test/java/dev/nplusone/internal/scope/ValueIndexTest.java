package dev.nplusone.internal.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ValueIndexTest {

    @Test
    void every_value_keeps_the_sequence_of_its_first_read_as_the_index_grows() {
        ValueIndex index = new ValueIndex();
        int values = 5_000; // past the initial table, within one generation
        for (int value = 0; value < values; value++) {
            index.record(value, 1, 10 + value);
            index.record(value, 1, 99_999); // read again later: the first read counts
        }
        for (int value = 0; value < values; value++) {
            assertEquals(10 + value, index.firstSeen(value, 1), "value " + value);
            assertEquals(-1, index.firstSeen(value, 2), "another source never produced it");
        }
        assertEquals(-1, index.firstSeen(values, 1));
    }

    @Test
    void values_older_than_two_generations_are_forgotten_and_recent_ones_kept() {
        ValueIndex index = new ValueIndex();
        int total = ValueIndex.GENERATION_SIZE * 2 + 1;
        for (int value = 0; value < total; value++) {
            index.record(value, 0, value + 1);
        }
        assertEquals(-1, index.firstSeen(0, 0));
        assertEquals(total, index.firstSeen(total - 1, 0));
        assertEquals(ValueIndex.GENERATION_SIZE + 1, index.firstSeen(ValueIndex.GENERATION_SIZE, 0));
    }

    @Test
    void a_new_scope_starts_with_room_for_what_the_last_closed_scope_read_within_a_bound() {
        closeScopeThatRead(200);
        assertEquals(256, new ValueIndex().capacity(), "room for 200 values without growing");

        closeScopeThatRead(5);
        assertEquals(ValueIndex.MIN_CAPACITY / 2, new ValueIndex().capacity(), "small again after a small scope");

        closeScopeThatRead(ValueIndex.GENERATION_SIZE);
        assertEquals(ValueIndex.MAX_START_CAPACITY / 2, new ValueIndex().capacity(), "a batch job's scope is not the norm");
    }

    private static void closeScopeThatRead(int values) {
        ValueIndex index = new ValueIndex();
        for (int value = 0; value < values; value++) {
            index.record(value, 0, value);
        }
        index.scopeClosed();
    }
}
