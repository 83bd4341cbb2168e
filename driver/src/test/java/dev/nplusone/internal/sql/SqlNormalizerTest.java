package dev.nplusone.internal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.StatementType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlNormalizerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        # input                                                            | expected fingerprint
        SELECT * FROM Post WHERE id = 17                                   | select * from post where id = ?
        select *   from post\\n\\twhere id=17                              | select * from post where id = ?
        select * from post where id = ?                                    | select * from post where id = ?
        select * from post where title = 'It''s -- not a comment'          | select * from post where title = ?
        select * from post where title = 'a /* b */ c' and id = 2          | select * from post where title = ? and id = ?
        select * from post -- trailing comment\\nwhere id = 3             | select * from post where id = ?
        select /* hint */ * from post where id = 3                         | select * from post where id = ?
        /* outer /* nested */ still comment */ select 1                    | select ?
        select * from post where score = -5                                | select * from post where score = ?
        select * from post where score > -1.5e3                            | select * from post where score > ?
        select a - 1 from t                                                | select a - ? from t
        select a-1 from t                                                  | select a - ? from t
        select * from t where id in (1, 2, 3)                              | select * from t where id in (?+)
        select * from t where id in (1)                                    | select * from t where id in (?+)
        select * from t where id in (?, ?, ?, ?)                           | select * from t where id in (?+)
        select * from t where id IN(?,?)                                   | select * from t where id in (?+)
        select * from t where id in (select post_id from tags)             | select * from t where id in (select post_id from tags)
        select * from t where (a, b) in ((1, 2), (3, 4))                   | select * from t where (a, b) in ((?, ?), (?, ?))
        select * from t where id = $1 and name = $2                        | select * from t where id = ? and name = ?
        select * from t where id = :id and name = :name                    | select * from t where id = ? and name = ?
        select id::text from t where x = 1                                 | select id::text from t where x = ?
        select * from "Post" p where p."Title" = 'x'                       | select * from "Post" p where p."Title" = ?
        select * from `blog post` where `Id` = 5                           | select * from `blog post` where `Id` = ?
        select * from t where s = E'it\\'s' and n = N'x' and b = X'FF'     | select * from t where s = ? and n = ? and b = ?
        select * from t where body = $$it's $ dollar$$                     | select * from t where body = ?
        select * from t where body = $tag$a $$ b$tag$ and id = 1           | select * from t where body = ? and id = ?
        select * from t where h = 0x1F and f = .5                          | select * from t where h = ? and f = ?
        select count(*) from t;                                            | select count(*) from t
        select COUNT ( * ) from T ;;                                       | select count(*) from t
        select * from t where id = 1 for update skip locked                | select * from t where id = ? for update skip locked
        select * from t limit 10 offset 20                                 | select * from t limit ? offset ?
        select * from t where name = 'ünïcödé' and city = 'Zürich'         | select * from t where name = ? and city = ?
        select * from Zürich where Ä = 1                                   | select * from zürich where ä = ?
        select * from t where a = true and b is null                       | select * from t where a = true and b is null
        select x from t where s = 'unterminated                            | select x from t where s = ?
        select x from t /* unterminated comment                            | select x from t
        select {fn ucase(name)} from t where id = ?                        | select { fn ucase(name) } from t where id = ?
        select * from t where id = ? lock in share mode                    | select * from t where id = ? lock in share mode
        """)
    void fingerprints(String input, String expected) {
        String sql = input.replace("\\n", "\n").replace("\\t", "\t");
        assertEquals(expected, SqlNormalizer.normalize(sql).shape());
    }

    @Test
    void in_lists_of_different_lengths_share_a_shape_and_report_their_size() {
        NormalizedSql three = SqlNormalizer.normalize("select * from t where id in (?, ?, ?)");
        NormalizedSql one = SqlNormalizer.normalize("select * from t where id in (?)");

        assertEquals(three.shape(), one.shape());
        assertEquals(3, three.maxInListSize());
        assertTrue(three.batched());
        assertFalse(one.batched());
    }

    @Test
    void inline_literals_hash_like_the_equal_bound_values() {
        NormalizedSql inline = SqlNormalizer.normalize("select * from t where id = 17 and name = 'O''Brien'");

        assertEquals(2, inline.literalValues().length);
        assertEquals(ValueHash.of(17L), inline.literalValues()[0]);
        assertEquals(ValueHash.of(Integer.valueOf(17)), inline.literalValues()[0]);
        assertEquals(ValueHash.of("O'Brien"), inline.literalValues()[1]);
        assertNotEquals(SqlNormalizer.normalize("select * from t where id = 18 and name = 'O''Brien'").literalHash(),
                inline.literalHash());
    }

    @Test
    void value_slots_follow_text_order_of_literals_and_parameters() {
        NormalizedSql mixed = SqlNormalizer.normalize("select * from t where a = ? and b = 'x' and c in (1, 2) and d = ?");

        assertEquals(4, mixed.slots());
        assertFalse(mixed.isLiteralSlot(0));
        assertTrue(mixed.isLiteralSlot(1));
        assertTrue(mixed.isLiteralSlot(2));
        assertFalse(mixed.isLiteralSlot(3));
    }

    @Test
    void statement_type_comes_from_the_first_keyword() {
        assertEquals(StatementType.SELECT, SqlNormalizer.normalize("/* c */ WITH x AS (select 1) select * from x").kind());
        assertEquals(StatementType.INSERT, SqlNormalizer.normalize("insert into t values (1)").kind());
        assertEquals(StatementType.UPDATE, SqlNormalizer.normalize("UPDATE t set a = 1").kind());
        assertEquals(StatementType.DELETE, SqlNormalizer.normalize("delete from t").kind());
        assertEquals(StatementType.OTHER, SqlNormalizer.normalize("").kind());
    }

    @Test
    void a_template_writes_each_value_as_asked_with_slots_and_bind_indexes_as_the_shape_counts_them() {
        List<String> seen = new ArrayList<>();
        String template = SqlNormalizer.template("SELECT s.id FROM shipment s WHERE s.status IN ('A', 'B')"
                + " AND s.order_id = ? AND s.carrier = 'DHL' AND s.weight > ?", (slot, literal, bind, original) -> {
                    seen.add(slot + (literal ? " literal " : " bind " + bind + " ") + original);
                    return slot == 2 ? original : ":v" + slot;
                });

        assertEquals(
                "select s.id from shipment s where s.status in (:v0) and s.order_id = :v1 and s.carrier = 'DHL'"
                        + " and s.weight > :v3", template);
        assertEquals(List.of("0 literal ('A', 'B')", "1 bind 1 ?",
                "2 literal 'DHL'", "3 bind 2 ?"), seen);
    }
}
