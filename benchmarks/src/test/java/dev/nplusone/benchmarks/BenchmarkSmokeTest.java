package dev.nplusone.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.internal.sql.SqlNormalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs every benchmark's set-up, a few operations and its tear-down once, as plain calls: the benchmark
 * code paths work and measure what they claim, without the cost of running JMH in the build.
 */
class BenchmarkSmokeTest {
    /** Item 1: id 1 + "item 1".length() 6 + owner 2 + price scale 2. */
    private static final long FIRST_LOOKUP = 1 + 6 + 2 + 2;

    @ParameterizedTest
    @EnumSource(Variant.class)
    void every_variant_looks_up_and_reads_all_rows(Variant variant) throws Exception {
        JdbcBenchmark benchmark = new JdbcBenchmark();
        benchmark.variant = variant;
        long expectedRows = rawRowSum();

        benchmark.openTrial();
        try {
            benchmark.startIteration();
            assertEquals(FIRST_LOOKUP, benchmark.lookup());
            for (int i = 0; i < Variant.SHORT_SCOPE * 2; i++) {
                benchmark.lookup();
            }
            assertEquals(expectedRows, benchmark.readRows());
            assertEquals(expectedRows + ownerNameLengths(), benchmark.readJoinedRows());
            assertEquals(1, benchmark.updateOne());
            benchmark.endIteration();
            if (variant == Variant.NPLUSONE_SCOPE || variant == Variant.NPLUSONE_SHORT_SCOPES) {
                assertEquals(Variant.SHORT_SCOPE * 2 + 4, benchmark.session().reportedStatements(),
                        "every statement was recorded in the variant's explicit scopes");
            }
        } finally {
            benchmark.closeTrial(); // checks recording and internal failures for the nplusone variants
        }
    }

    /** What the joined read adds to the plain one: each item's owner name, "owner " + (1 + id % 97). */
    private static long ownerNameLengths() {
        long sum = 0;
        for (int id = 1; id <= JdbcBenchmark.ROWS; id++) {
            sum += ("owner " + (1 + id % BenchDatabase.OWNERS)).length();
        }
        return sum;
    }

    @Test
    void sql_benchmarks_run_on_statements_both_sides_accept() throws Exception {
        String[] statements = SqlCorpus.statements(SqlBenchmark.CHECKED);
        assertEquals(statements.length, java.util.Set.of(statements).size(), "every statement is different");
        SqlBenchmark.checkParses(statements, statements.length);
        for (String sql : statements) {
            assertTrue(SqlNormalizer.normalize(sql).shape().contains("?"), sql);
        }

        SqlBenchmark benchmark = new SqlBenchmark();
        benchmark.setUp();
        try {
            assertTrue(benchmark.normalizer().shape().startsWith("select"));
            assertTrue(benchmark.sqlCacheMiss().shape().sql().startsWith("select"));
            assertTrue(benchmark.jsqlparser().toString().toLowerCase(java.util.Locale.ROOT).contains("from"));
            assertTrue(benchmark.jsqlparserOnExecutor().toString().toLowerCase(java.util.Locale.ROOT).contains("from"));
        } finally {
            benchmark.tearDown();
        }
    }

    @Test
    void memory_probe_records_every_statement_in_one_scope() throws Exception {
        ScopeMemoryProbe.Result result = ScopeMemoryProbe.measure(2_000, 10, 2, 3_000);

        assertEquals(2_000, result.reportedStatements());
        assertTrue(result.findings() >= 10, "each shape is an N+1 from each call site: " + result.findings());
        assertTrue(result.json().contains("\"retainedBytes\":"), result.json());
    }

    private static long rawRowSum() throws Exception {
        JdbcBenchmark raw = new JdbcBenchmark();
        raw.variant = Variant.RAW;
        raw.openTrial();
        try {
            return raw.readRows();
        } finally {
            raw.closeTrial();
        }
    }
}
