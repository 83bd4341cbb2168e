package dev.nplusone.internal.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The statement classes issue 12 found wrong, as regression tests of the rewrite itself. Statements are
 * templates: {@code :nplusone_key} is the loop's key, {@code :parent_1} / {@code :loop_2} the values the
 * parent and the loop bind (the generated scenarios run the same classes on real databases).
 */
class RewriterTest {
    private static Finding.Parameter keys() {
        return new Finding.Parameter(Finding.Parameter.Source.KEYS, 0);
    }

    private static Finding.Parameter parent(int index) {
        return new Finding.Parameter(Finding.Parameter.Source.PARENT, index);
    }

    private static Finding.Parameter loop(int index) {
        return new Finding.Parameter(Finding.Parameter.Source.LOOP, index);
    }

    private static void assertJoins(String parent, String parentColumn, String child, String expected) {
        assertEquals(expected, Rewriter.join(parent, parentColumn, child).sql());
    }

    @Test
    void bare_column_names_on_both_sides_are_qualified_so_none_is_ambiguous() {
        assertJoins("select id, customer_id, total from invoice", "customer_id",
                "select id, name from customer where id = :nplusone_key",
                "select invoice.id, invoice.customer_id, invoice.total, customer.id as customer_id2, customer.name from invoice"
                + " left join customer on customer.id = invoice.customer_id");
    }

    @Test
    void a_literal_the_loop_wrote_the_same_every_time_stays_as_written_and_only_the_key_becomes_the_in_list() {
        Rewriter.Rewrite batch = Rewriter.batchIn(
                "select s.id, s.status from shipment s where s.order_id = :nplusone_key and s.status = 'SHIPPED'");

        assertEquals("select s.order_id, s.id, s.status from shipment s where s.order_id in (?, ?, ...)"
                + " and s.status = 'SHIPPED'", batch.sql());
        assertEquals(List.of(keys()), batch.parameters());
    }

    @Test
    void parameters_are_listed_in_the_order_the_join_rewrite_places_them() {
        Rewriter.Rewrite join = Rewriter.join("select o.id, o.customer_id from orders o where o.status = :parent_1",
                "customer_id", "select c.id, c.name from customer c where c.id = :nplusone_key and c.region = :loop_2");

        assertEquals("select o.id, o.customer_id, c.id as c_id, c.name from orders o left join customer c"
                + " on c.id = o.customer_id and c.region = ? where o.status = ?", join.sql());
        assertEquals(List.of(loop(2), parent(1)), join.parameters());
    }

    @Test
    void a_child_table_the_parent_already_joins_on_the_key_is_reused_not_joined_twice() {
        assertJoins("select v.id, p.id as pet_id, v.visit_date from visit v join pet p on p.id = v.pet_id",
                "pet_id", "select p.id, p.name, p.birth_date from pet p where p.id = :nplusone_key",
                "select v.id, p.id as pet_id, v.visit_date, p.id as p_id, p.name, p.birth_date from visit v"
                + " join pet p on p.id = v.pet_id");
    }

    @Test
    void a_distinct_parent_is_joined_since_a_to_one_row_keeps_its_rows_distinct() {
        assertJoins("select distinct o.customer_id from orders o", "customer_id",
                "select c.id, c.name from customer c where c.id = :nplusone_key",
                "select distinct o.customer_id, c.id, c.name from orders o left join customer c"
                + " on c.id = o.customer_id");
    }

    @Test
    void a_grouped_parent_groups_by_the_joined_columns_too() {
        assertJoins("select o.customer_id, count(*) as n from orders o group by o.customer_id",
                "customer_id", "select c.id, c.name from customer c where c.id = :nplusone_key",
                "select o.customer_id, count(*) as n, c.id, c.name from orders o left join customer c"
                + " on c.id = o.customer_id group by o.customer_id, c.id, c.name");
    }

    @Test
    void a_self_reference_joins_the_table_again_under_an_alias_of_its_own() {
        assertJoins("select id, name, manager_id from employee", "manager_id",
                "select id, name from employee where id = :nplusone_key",
                "select employee.id, employee.name, employee.manager_id, n1.id as n1_id, n1.name as n1_name from employee"
                + " left join employee n1 on n1.id = employee.manager_id");
    }

    @Test
    void an_aggregate_per_key_is_batched_into_one_row_per_key_with_group_by() {
        Rewriter.Rewrite batch = Rewriter.batchIn(
                "select count(*) from orders o where o.customer_id = :" + StatementTemplate.KEY);

        assertEquals("select o.customer_id, count(*) from orders o where o.customer_id in " + Finding.Suggestion.KEY_LIST
                + " group by o.customer_id", batch.sql());
    }

    @Test
    void a_scalar_subquerys_aggregate_is_its_own_and_gets_no_group_by() {
        Rewriter.Rewrite batch = Rewriter.batchIn("select d.id, d.title, (select max(v.number) from version v"
                + " where v.document_id = d.id) from document d where d.owner_id = :" + StatementTemplate.KEY);

        assertEquals("select d.owner_id, d.id, d.title, (select max(v.number) from version v where v.document_id = d.id)"
                + " from document d where d.owner_id in " + Finding.Suggestion.KEY_LIST, batch.sql());
    }

    @Test
    void a_window_function_over_the_loops_rows_gets_no_batched_rewrite() {
        Rewriter.Rewrite batch = Rewriter.batchIn("select o.id, count(*) over (order by o.id) from orders o"
                + " where o.customer_id = :" + StatementTemplate.KEY);

        assertNull(batch.sql(), batch.problem());
    }

    @Test
    void a_statement_the_rewrite_is_not_sound_for_gives_no_sql_and_says_why() {
        Rewriter.Rewrite batch = Rewriter.batchIn("select c.id from customer c where c.id = :nplusone_key limit 1");

        assertNull(batch.sql());
        assertTrue(batch.problem().contains("not have a shape the rewrite is sound for"), batch.problem());
    }
}
