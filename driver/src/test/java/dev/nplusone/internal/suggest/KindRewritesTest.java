package dev.nplusone.internal.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rewrites of the kinds beyond read loops: WHERE IN writes, grouped existence checks, dropped joins. */
class KindRewritesTest {
    @Test
    void a_delete_by_key_becomes_one_delete_where_key_in() {
        Rewriter.Rewrite rewrite = WriteRewrites.whereIn("delete from blog_post_tags where post_id = :nplusone_key");

        assertEquals("delete from blog_post_tags where post_id in (?, ?, ...)", rewrite.sql());
        assertEquals(List.of(new Finding.Parameter(Finding.Parameter.Source.KEYS, 0)), rewrite.parameters());
    }

    @Test
    void an_update_keeps_its_other_predicates_and_says_what_to_bind() {
        Rewriter.Rewrite rewrite = WriteRewrites.whereIn(
                "update account set status = :loop_1 where tenant = 'acme' and id = :nplusone_key and version = :loop_3");

        assertEquals("update account set status = ? where tenant = 'acme' and id in (?, ?, ...) and version = ?",
                rewrite.sql());
        assertEquals(List.of(new Finding.Parameter(Finding.Parameter.Source.LOOP, 1),
                new Finding.Parameter(Finding.Parameter.Source.KEYS, 0),
                new Finding.Parameter(Finding.Parameter.Source.LOOP, 3)), rewrite.parameters());
    }

    @Test
    void a_write_that_limits_or_keys_by_range_gets_no_where_in() {
        assertNull(WriteRewrites.whereIn("update jobs set state = :loop_1 where queue = :nplusone_key limit 1").sql());
        assertNull(WriteRewrites.whereIn("update jobs set state = :loop_1 where id > :nplusone_key").sql());
    }

    @Test
    void an_exists_check_per_key_becomes_the_keys_that_exist_grouped() {
        Rewriter.Rewrite rewrite = Rewriter.batchIn(
                "select exists (select 1 from orders o where o.customer_id = :nplusone_key and o.state = 'open')");

        assertEquals("select o.customer_id from orders o where o.customer_id in (?, ?, ...) and o.state = 'open'"
                + " group by o.customer_id", rewrite.sql());
        assertTrue(Rewriter.aggregatesPerKey(
                "select exists (select 1 from orders o where o.customer_id = :nplusone_key)"));
        assertTrue(Rewriter.aggregatesPerKey("select coalesce(sum(o.total), 0) from orders o where o.customer_id = :nplusone_key"));
        assertFalse(Rewriter.aggregatesPerKey("select o.id, o.total from orders o where o.customer_id = :nplusone_key"));
    }

    @Test
    void a_sum_or_max_per_key_is_grouped_by_the_key() {
        assertEquals("select o.customer_id, max(o.created_at) from orders o where o.customer_id in (?, ?, ...)"
                + " group by o.customer_id",
                Rewriter.batchIn("select max(o.created_at) from orders o where o.customer_id = :nplusone_key").sql());
    }

    @Test
    void only_an_unordered_first_row_of_one_column_can_be_an_existence_check() {
        assertEquals(1, Rewriter.existenceLimitSlot("select p.id from post p where p.author_id = ? limit ?"));
        assertEquals(1, Rewriter.existenceLimitSlot("select p1_0.id from post p1_0 where p1_0.author_id = ?"
                + " fetch first ? rows only"));
        assertEquals(-1, Rewriter.existenceLimitSlot("select p.id from post p where p.author_id = ?"
                + " order by p.created_at desc limit ?"));
        assertEquals(-1, Rewriter.existenceLimitSlot("select p.id, p.title from post p where p.author_id = ? limit ?"));
        assertEquals(-1, Rewriter.existenceLimitSlot("select p.id from post p where p.author_id = ? limit ? offset ?"));
    }

    @Test
    void dropping_a_join_removes_its_columns_and_keeps_everything_else() {
        assertEquals("select p.id, p.title from blog_post p where p.id <= ? order by p.id", JoinDropper.drop(
                "select p.id, p.title, a.id, a.name from blog_post p left join blog_author a on a.id = p.author_id"
                        + " where p.id <= ? order by p.id", "a"));
        assertEquals("select p.id from blog_post p join blog_tag t on t.id = p.tag_id", JoinDropper.drop(
                "select p.id, a.name from blog_post p left outer join blog_author a on a.id = p.author_id"
                        + " join blog_tag t on t.id = p.tag_id", "a"));
    }

    @Test
    void a_join_that_binds_values_of_its_own_is_not_dropped_by_rewrite() {
        assertNull(JoinDropper.drop("select p.id, a.name from blog_post p left join blog_author a"
                + " on a.id = p.author_id and a.active = ? where p.id = ?", "a"));
    }
}
