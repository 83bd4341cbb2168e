package dev.nplusone.internal.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class FindingIdTest {

    @Test
    void ids_are_written_as_sixteen_hex_digits_as_baselines_recorded_them() {
        for (long hash : new long[] {0, 1, 0xABCL, 0x0123456789ABCDEFL, -1, Long.MIN_VALUE, 0xF00000000000000L}) {
            assertEquals(String.format("%016x", hash), Detector.hex16(hash));
        }
    }

    @Test
    void an_id_is_the_same_for_the_same_loop_and_differs_with_its_parent() {
        String child = "select a.id from author a where a.id = ?";
        String id = Detector.findingId("select p.id from post p", child, "A.b(A.java:1)");
        assertEquals(id, Detector.findingId(new String("select p.id from post p"), child, "A.b(A.java:1)"));
        assertNotEquals(id, Detector.findingId("", child, "A.b(A.java:1)"));
    }
}
