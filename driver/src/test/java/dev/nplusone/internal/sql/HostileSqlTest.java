package dev.nplusone.internal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.nplusone.StatementType;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * SQL that no application should send, and some do: the lexer and the analyser never throw, take time in
 * proportion to the length of the input, and never make the application's thread wait on JSqlParser
 * beyond the parse timeout.
 */
class HostileSqlTest {
    static final long SEED = 8;
    static final int CASES = 100_000;
    /**
     * Every case goes through the lexer and the lexer-based analysis; every fifth distinct shape up to this
     * length also through JSqlParser (one parse costs about half a millisecond on the parser thread, so all of
     * them would make this test slow). Longer shapes meet JSqlParser in the timeout test below.
     */
    static final int PARSED_IN_FUZZ = 2_000;
    static final int PARSE_EVERY = 5;

    @Test
    void a_hundred_thousand_generated_strings_never_make_the_lexer_or_the_analyser_throw() {
        HostileSql generator = new HostileSql(SEED);
        Set<String> shapes = new HashSet<>();
        int parsed = 0;
        int longest = 0;
        for (int i = 0; i < CASES; i++) {
            String sql = generator.next();
            longest = Math.max(longest, sql.length());
            try {
                NormalizedSql normalized = SqlNormalizer.normalize(sql);
                String shape = normalized.shape();
                assertNotNull(shape);
                assertNotNull(normalized.kind());
                assertTrue(shape.length() <= 2 * sql.length() + 8, "the shape stays in proportion to the input");
                assertTrue(normalized.literalValues().length <= SqlNormalizer.MAX_LITERAL_VALUES);
                assertTrue(normalized.slots() >= 0 && normalized.maxInListSize() >= 0);
                assertNotNull(ShapeAnalyzer.withLexer(shape));
                if (shapes.add(shape) && shapes.size() % PARSE_EVERY == 0 && shape.length() <= PARSED_IN_FUZZ) {
                    ShapeAnalysis analysis = ShapeAnalyzer.analyze(shape, StatementType.SELECT);
                    assertNotNull(analysis);
                    parsed += analysis.parsed() ? 1 : 0;
                }
            } catch (Throwable t) {
                fail("case " + i + " of seed " + SEED + " (" + sql.length() + " chars, starting "
                        + quote(sql) + ") failed: " + t, t);
            }
        }
        assertTrue(shapes.size() > CASES / 2, "distinct shapes: " + shapes.size());
        assertTrue(parsed > 100, "JSqlParser understood " + parsed + " of them");
        assertTrue(longest >= 50_000, "longest case: " + longest);
    }

    @Test
    void gigantic_in_lists_collapse_to_one_short_shape() {
        String literals = "select * from t where id in (" + "12345, ".repeat(99_999) + "1)";
        String parameters = "select * from t where id in (" + "?, ".repeat(99_999) + "?)";

        NormalizedSql normalized = SqlNormalizer.normalize(literals);
        assertEquals("select * from t where id in (?+)", normalized.shape());
        assertEquals(100_000, normalized.maxInListSize());
        assertEquals(normalized.shape(), SqlNormalizer.normalize(parameters).shape());
        assertEquals(100_000, SqlNormalizer.normalize(parameters).maxInListSize());
    }

    /**
     * Linear time, measured structurally: the lexer (and the lexer-based analysis) must do the same work for
     * one string of 16n characters as for 16 strings of n. A quadratic step would make the long string cost
     * 16 times more; the check allows 4 and takes the best of several trials, so it does not depend on the
     * speed of the machine. Allocation, which the JVM counts exactly per thread, must be in proportion too.
     */
    @Test
    void lexer_and_analysis_time_grow_linearly_with_length_for_every_family_of_gigantic_input() {
        int n = 1 << 13;
        for (int family = 0; family < HostileSql.GIGANTIC.length; family++) {
            String small = HostileSql.gigantic(family, n);
            String large = HostileSql.gigantic(family, 16 * n);
            for (Stage stage : Stage.values()) {
                String smallInput = stage.input.apply(small);
                String largeInput = stage.input.apply(large);
                Cost costOfSmall = Cost.best(() -> {
                    for (int copy = 0; copy < 16; copy++) {
                        stage.run(smallInput);
                    }
                });
                Cost costOfLarge = Cost.best(() -> stage.run(largeInput));
                String what = stage + " on family " + family + " (" + quote(large) + "): 16 x " + smallInput.length()
                        + " chars " + costOfSmall + ", 1 x " + largeInput.length() + " chars " + costOfLarge;
                assertTrue(costOfLarge.cpuNanos <= 4 * costOfSmall.cpuNanos + 2_000_000, what);
                assertTrue(costOfLarge.bytes <= 4 * costOfSmall.bytes + 1_000_000, what);
            }
        }
    }

    @Test
    void a_short_literal_with_a_huge_exponent_is_hashed_without_expanding_it() {
        Cost cost = Cost.best(() -> SqlNormalizer.normalize("select * from t where x = 1e999999999 and y = 2E+999999"));

        assertTrue(cost.bytes < 100_000, cost::toString);
        assertEquals(ValueHash.of(new BigDecimal("1e999999999")),
                SqlNormalizer.normalize("select * from t where x = 1e999999999").literalValues()[0]);
        assertEquals(ValueHash.of(1000L), SqlNormalizer.normalize("select * from t where x = 1e3").literalValues()[0]);
        assertEquals(ValueHash.of(new BigDecimal("12345678901234567890.5")),
                SqlNormalizer.normalize("select * from t where x = 12345678901234567890.50").literalValues()[0]);
    }

    @Test
    void a_pathological_statement_holds_the_application_thread_no_longer_than_the_parse_timeout() throws Exception {
        // Unclosed parentheses at these depths make JSqlParser fail slowly, then try again in its complex mode.
        for (String shape : List.of("select * from t where " + "(".repeat(800) + "a = ?",
                "select * from t where " + "(".repeat(850) + "a = ?",
                "select * from t where " + "a = ? or ".repeat(100_000) + "a = ?")) {
            long start = System.nanoTime();
            ShapeAnalysis analysis = ShapeAnalyzer.analyze(shape, StatementType.SELECT);
            long millis = (System.nanoTime() - start) / 1_000_000;

            // Not a speed assertion (the machine is shared): a guard that the wait is bounded by the parse
            // timeout rather than by the parser, with room for a loaded machine.
            assertTrue(millis <= SqlParsing.PARSE_TIMEOUT_MILLIS * 10, quote(shape) + " took " + millis + " ms");
            if (shape.contains("((")) {
                assertFalse(analysis.parsed(), "unbalanced: the lexer's reading is used instead");
            } // a long OR chain is valid SQL: whether the parser finishes it in time depends on the machine

        }
        assertTrue(ShapeAnalyzer.analyze("select a.id from blog_author a where a.id = ?", StatementType.SELECT).parsed(),
                "the parser thread is free again");
    }

    enum Stage {
        LEXER(UnaryOperator.identity()) {
            @Override
            void run(String input) {
                SqlNormalizer.normalize(input);
            }
        },
        LEXER_ANALYSIS(sql -> SqlNormalizer.normalize(sql).shape()) {
            @Override
            void run(String input) {
                ShapeAnalyzer.withLexer(input);
            }
        };

        final UnaryOperator<String> input;

        Stage(UnaryOperator<String> input) {
            this.input = input;
        }

        abstract void run(String input);
    }

    /** CPU time and bytes allocated by the current thread, the best of a few runs after a warm-up. */
    record Cost(long cpuNanos, long bytes) {
        static final com.sun.management.ThreadMXBean THREADS =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        static Cost best(Runnable work) {
            work.run();
            long cpu = Long.MAX_VALUE;
            long bytes = Long.MAX_VALUE;
            for (int trial = 0; trial < 5; trial++) {
                long cpuBefore = THREADS.getCurrentThreadCpuTime();
                long bytesBefore = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
                work.run();
                bytes = Math.min(bytes, THREADS.getThreadAllocatedBytes(Thread.currentThread().getId()) - bytesBefore);
                cpu = Math.min(cpu, THREADS.getCurrentThreadCpuTime() - cpuBefore);
            }
            return new Cost(cpu, bytes);
        }

        @Override
        public String toString() {
            return cpuNanos / 1_000 + " us, " + bytes / 1024 + " KiB";
        }
    }

    static String quote(String sql) {
        String start = sql.length() > 40 ? sql.substring(0, 40) + "..." : sql;
        StringBuilder out = new StringBuilder("\"");
        start.chars().forEach(c -> out.append(c < 32 || c > 126 ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.append('"').toString();
    }
}
