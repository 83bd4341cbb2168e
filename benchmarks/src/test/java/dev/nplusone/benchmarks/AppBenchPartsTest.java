package dev.nplusone.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppBenchPartsTest {

    @Test
    void written_json_reads_back_the_same() {
        Map<String, Object> written = new LinkedHashMap<>();
        written.put("kind", "app-bench");
        written.put("text", "a \"quoted\" back\\slash\nnew line");
        written.put("count", 3);
        written.put("ratio", 1.25);
        written.put("list", List.of(1L, 2L));
        written.put("nested", Map.of("flag", true));

        Map<?, ?> read = (Map<?, ?>) Json.parse(JsonWriter.write(written).trim());

        assertEquals("a \"quoted\" back\\slash\nnew line", read.get("text"));
        assertEquals(3.0, read.get("count"));
        assertEquals(1.25, read.get("ratio"));
        assertEquals(List.of(1.0, 2.0), read.get("list"));
        assertEquals(Boolean.TRUE, ((Map<?, ?>) read.get("nested")).get("flag"));
        assertTrue(AppResult.is(read));
    }

    @Test
    void latencies_pool_rounds_and_keep_each_rounds_median() {
        Latencies latencies = new Latencies();
        latencies.add(new long[] {10, 20, 30}, 600);
        latencies.add(new long[] {40, 50}, 400);
        latencies.endRound();
        latencies.add(new long[] {100, 200, 300, 400, 500, 600, 700, 800, 900, 1000}, 1000);
        latencies.endRound();

        Map<String, Object> json = latencies.toJson();

        assertEquals(15, json.get("requests"));
        assertEquals(300L, json.get("medianNanos")); // the 8th of 15 sorted values
        assertEquals(900L, json.get("p90Nanos")); // nearest rank: the 14th, ceil(0.9 x 15)
        assertEquals(2000L / 15, json.get("cpuNanosPerRequest"));
        assertEquals(List.of(30L, 500L), json.get("roundMedianNanos"));
    }

    @Test
    void cpu_time_of_a_process_grows_as_it_works() {
        long pid = ProcessHandle.current().pid();
        long before = ProcessCpu.nanos(pid);
        long spin = System.nanoTime() + 100_000_000L;
        long sum = 0;
        while (System.nanoTime() < spin) {
            sum += System.nanoTime() % 7;
        }

        assertTrue(ProcessCpu.nanos(pid) > before, "sum " + sum);
    }
}
