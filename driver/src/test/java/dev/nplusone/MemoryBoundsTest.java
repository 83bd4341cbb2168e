package dev.nplusone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.support.ChildJvm;
import dev.nplusone.support.StubDatabase;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Memory per scope and in the caches is bounded whatever the application runs: one scope of a million
 * statements of dynamic SQL (inline literals, 100,000 distinct shapes, 5,000 IN lists of 14 KB) in a JVM
 * of 64 MB of heap.
 */
class MemoryBoundsTest {
    static final int STATEMENTS = 1_000_000;
    static final int SHAPES = 100_000;
    static final int HEAP_MB = 64;

    @Test
    void a_million_statements_of_a_hundred_thousand_shapes_run_in_a_64_mb_heap_and_the_report_says_it_truncated()
            throws Exception {
        ChildJvm.Result child = ChildJvm.run(Duration.ofMinutes(2),
                List.of("-Xmx" + HEAP_MB + "m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"), OneScope.class);

        assertEquals(0, child.exitCode(), child.output());
        assertFalse(child.output().contains("OutOfMemoryError"), child.output());
        assertEquals(STATEMENTS, child.number("statements"));
        assertEquals(SHAPES, child.number("shapesRun"));
        assertEquals("true", child.value("truncated"));
        assertTrue(child.number("shapesReported") <= 2_000, child.output());
        assertTrue(child.output().contains("tracking truncated: counts are lower bounds"), child.output());
        assertTrue(child.number("retainedMB") <= 20, child.output()); // was 31 before key logs had a scope-wide bound
    }

    /** The child: runs the scope, then prints what it saw as key=value lines. */
    static final class OneScope {
        public static void main(String[] args) throws Exception {
            long start = System.nanoTime();
            DataSource dataSource = NPlusOne.wrap(StubDatabase.dataSource());
            Scope scope = NPlusOne.scope("one million");
            long retained;
            int shapes;
            try (scope; Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                shapes = run(statement);
                retained = usedAfterGc();
            }
            ScopeReport report = scope.report();
            System.out.println("statements=" + report.statements());
            System.out.println("shapesRun=" + shapes);
            System.out.println("shapesReported=" + report.shapes().size());
            System.out.println("findings=" + report.findings().size());
            System.out.println("truncated=" + report.truncated());
            System.out.println("retainedMB=" + retained / (1 << 20));
            System.out.println("peakMB=" + peakHeap() / (1 << 20));
            System.out.println("millis=" + (System.nanoTime() - start) / 1_000_000);
        }

        /**
         * 512,000 statements over 2,000 shapes (256 each, a new literal each time: the per-shape key sets and
         * key logs fill up), then 483,000 over 97,999 more shapes, then 5,000 IN lists of 2,000 literals (kept by
         * a cache bounded by entries only, they alone would take 70 MB).
         * Shape 0 is a lookup by key, so the scope has a finding and its report is logged.
         */
        static int run(Statement statement) throws SQLException {
            int i = 0;
            for (; i < 512_000; i++) {
                int shape = i % 2_000;
                query(statement, "select c1, c2 from t" + shape + " where id " + (shape == 0 ? "= " + i % 500 : "> " + i));
            }
            for (int j = 0; j < 483_000; j++, i++) {
                query(statement, "select c1, c2 from t" + (2_000 + j % 97_999) + " where id > " + i);
            }
            StringBuilder in = new StringBuilder();
            for (int j = 0; j < 5_000; j++, i++) {
                in.setLength(0);
                for (int value = 0; value < 2_000; value++) {
                    in.append(value == 0 ? "" : ", ").append(i + value);
                }
                query(statement, "select c1, c2 from big where id in (" + in + ")");
            }
            return 2_000 + 97_999 + 1;
        }

        static void query(Statement statement, String sql) throws SQLException {
            try (ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    rows.getInt(1);
                }
            }
        }

        static long usedAfterGc() {
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            return runtime.totalMemory() - runtime.freeMemory();
        }

        static long peakHeap() {
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            return peak;
        }
    }
}
