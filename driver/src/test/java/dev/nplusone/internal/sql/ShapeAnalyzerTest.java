package dev.nplusone.internal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.StatementType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShapeAnalyzerTest {
    static ShapeAnalysis analyze(String sql) {
        NormalizedSql normalized = SqlNormalizer.normalize(sql);
        return ShapeAnalyzer.analyze(normalized.shape(), normalized.kind());
    }

    @Test
    void equality_with_a_parameter_is_a_key_lookup() {
        ShapeAnalysis analysis = analyze("select a.id, a.name from blog_author a where a.id = ?");

        assertTrue(analysis.parsed());
        assertTrue(analysis.isKeyLookup());
        assertEquals(List.of(new ShapeAnalysis.KeyPredicate("a.id", 0, "blog_author")), analysis.keys());
        assertEquals(List.of("blog_author"), analysis.tables());
    }

    @Test
    void key_slots_count_every_parameter_before_them() {
        ShapeAnalysis analysis = analyze("select * from t where t.kind = 'x' and t.owner_id = ?");

        assertEquals(List.of(new ShapeAnalysis.KeyPredicate("t.kind", 0, "t"), new ShapeAnalysis.KeyPredicate("t.owner_id", 1, "t")),
                analysis.keys());
    }

    @Test
    void one_value_in_list_is_a_key_lookup() {
        assertTrue(analyze("select * from t where t.id in (?)").isKeyLookup());
    }

    @Test
    void array_any_is_a_batch_not_a_lookup() {
        ShapeAnalysis analysis = analyze("select * from t where t.id = any (?)");

        assertTrue(analysis.arrayBatch());
        assertFalse(analysis.isKeyLookup());
    }

    @Test
    void range_and_offset_predicates_make_a_page_not_a_lookup() {
        assertFalse(analyze("select * from t where t.id > ? order by t.id limit ?").isKeyLookup());
        assertFalse(analyze("select * from t where t.owner_id = ? and t.created between ? and ?").isKeyLookup());
        assertFalse(analyze("select * from t where t.owner_id = ? order by t.id limit 10 offset ?").isKeyLookup());
        assertTrue(analyze("select * from t where t.owner_id = ? fetch first ? rows only").isKeyLookup());
    }

    @Test
    void statements_without_a_key_predicate_are_not_lookups() {
        assertFalse(analyze("select * from t").isKeyLookup());
        assertFalse(analyze("select * from t where t.name like ?").isKeyLookup());
        assertFalse(analyze("update t set a = ? where id = ?").isKeyLookup());
    }

    @Test
    void sql_the_parser_rejects_is_read_by_the_lexer() {
        String vendor = "select * from t where t.id = ? and t.v = ? lock in share mode";
        ShapeAnalysis analysis = ShapeAnalyzer.analyze(SqlNormalizer.normalize(vendor).shape(), StatementType.SELECT);

        assertFalse(analysis.parsed());
        assertTrue(analysis.isKeyLookup());
        assertEquals(List.of(new ShapeAnalysis.KeyPredicate("t.id", 0), new ShapeAnalysis.KeyPredicate("t.v", 1)),
                analysis.keys());
    }
}
