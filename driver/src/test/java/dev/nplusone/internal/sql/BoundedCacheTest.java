package dev.nplusone.internal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {
    final AtomicInteger computed = new AtomicInteger();

    String compute(String key) {
        computed.incrementAndGet();
        return key.toUpperCase(java.util.Locale.ROOT);
    }

    @Test
    void forgets_everything_when_the_keys_weigh_more_than_the_bound() {
        BoundedCache<String, String> cache = new BoundedCache<>(100, 1_600, String::length);
        for (int i = 0; i < 16; i++) {
            cache.get(hundredChars(i), this::compute);
        }
        assertEquals(16, cache.size());

        cache.get(hundredChars(16), this::compute);

        assertEquals(0, cache.size());
    }

    static String hundredChars(int i) {
        return String.format("%03d", i) + "x".repeat(97);
    }

    @Test
    void a_key_heavier_than_a_sixteenth_of_the_bound_is_computed_each_time_and_never_kept() {
        BoundedCache<String, String> cache = new BoundedCache<>(100, 1_600, String::length);
        String heavy = "y".repeat(101);

        cache.get(heavy, this::compute);
        cache.get(heavy, this::compute);

        assertEquals(2, computed.get());
        assertEquals(0, cache.size());
    }

    @Test
    void light_keys_are_computed_once() {
        BoundedCache<String, String> cache = new BoundedCache<>(100, 1_600, String::length);

        String first = cache.get("select 1", this::compute);

        assertSame(first, cache.get("select 1", this::compute));
        assertEquals(1, computed.get());
    }
}
