package dev.nplusone.internal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.StatementType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which table each result column comes from, and when a joined table does work besides its columns. */
class JoinAnalyzerTest {
    @Test
    void maps_each_qualified_column_to_its_table_reference() {
        JoinedColumns columns = JoinAnalyzer.analyze("select p1_0.id, p1_0.title, a1_0.id, a1_0.name from post p1_0"
                + " left join author a1_0 on a1_0.id = p1_0.author_id where p1_0.id = ?");

        assertEquals(List.of("p1_0", "p1_0", "a1_0", "a1_0"), columns.owners());
        assertEquals(List.of(new JoinedColumns.Joined("a1_0", "author", true, false)), columns.joins());
        assertEquals(List.of(3, 4), java.util.Arrays.stream(columns.columnsOf("a1_0")).boxed().toList());
    }

    @Test
    void a_joined_table_that_filters_sorts_or_groups_is_used_besides_its_columns() {
        for (String tail : List.of("where a.name = ?", "order by a.name", "group by p.id, a.id",
                "join tag t on t.author_id = a.id")) {
            JoinedColumns columns = JoinAnalyzer.analyze("select p.id, a.id from post p left join author a"
                    + " on a.id = p.author_id " + tail);
            assertTrue(columns.joins().get(0).usedElsewhere(), tail);
        }
    }

    @Test
    void an_inner_join_is_not_outer() {
        JoinedColumns columns = JoinAnalyzer.analyze("select p.id, a.id from post p join author a on a.id = p.author_id");

        assertEquals(false, columns.joins().get(0).outer());
    }

    @Test
    void gives_no_verdict_when_a_column_s_table_is_not_written() {
        assertNull(JoinAnalyzer.analyze("select * from post p left join author a on a.id = p.author_id"));
        assertNull(JoinAnalyzer.analyze("select p.id, name from post p left join author a on a.id = p.author_id"));
        assertNull(JoinAnalyzer.analyze("select p.id, upper(a.name) from post p left join author a on a.id = p.author_id"));
        assertNull(JoinAnalyzer.analyze("select p.id from post p"));
    }

    @Test
    void a_join_whose_columns_cannot_be_traced_to_tables_tracks_no_reads() {
        String join = " from post p left join author a on a.id = p.author_id";
        for (String sql : List.of("select *" + join, "select p.*, a.id" + join, "select p.id, upper(a.name)" + join,
                "select p.id, count(a.id)" + join + " group by p.id", "select p.id, (select 1 from tag t) as x" + join,
                "with recent as (select id from post) select p.id, a.id" + join)) {
            assertNull(JoinAnalyzer.analyze(sql), sql);
            assertFalse(new Shape(sql, StatementType.SELECT).joins(), sql);
        }
        assertTrue(new Shape("select p.id, a.name" + join + " where p.id in (?)", StatementType.SELECT).joins());
        assertFalse(new Shape("select p.id from post p where p.id = ?", StatementType.SELECT).joins());
    }
}
