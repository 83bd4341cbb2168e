package dev.nplusone.internal.suggest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.internal.scope.Framework;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 12, defect 6: lazy loading and an explicit query per row have different fixes. */
class FrameworkHintsTest {
    private static final List<String> AUTHOR = List.of("blog_author");

    @Test
    void lazy_loading_under_hibernate_is_fixed_with_a_fetch_plan_on_the_parents_query() {
        String hint = FrameworkHints.hint(Framework.HIBERNATE.bit() | Framework.HIBERNATE_LAZY.bit(), true, AUTHOR);

        assertTrue(hint.contains("join fetch") && hint.contains("association to blog_author"), hint);
    }

    @Test
    void an_explicit_query_per_row_under_hibernate_is_fixed_with_one_query_for_every_key() {
        String hint = FrameworkHints.hint(Framework.HIBERNATE.bit(), false, AUTHOR);

        assertTrue(hint.startsWith("Hibernate/JPA: the loop runs a query per row (an explicit query"), hint);
        assertTrue(hint.contains("in :keys"), hint);
    }

    @Test
    void a_repository_method_per_row_under_spring_data_is_fixed_with_one_method_for_every_key() {
        String hint = FrameworkHints.hint(Framework.SPRING_DATA.bit() | Framework.HIBERNATE.bit(), true, AUTHOR);

        assertTrue(hint.startsWith("Spring Data: the loop calls a repository method per row"), hint);
        assertTrue(hint.contains("findAllById"), hint);
    }

    @Test
    void lazy_loading_under_spring_data_keeps_the_entity_graph_advice() {
        String hint = FrameworkHints.hint(Framework.SPRING_DATA.bit() | Framework.HIBERNATE.bit()
                | Framework.HIBERNATE_LAZY.bit(), true, AUTHOR);

        assertTrue(hint.contains("@EntityGraph"), hint);
    }
}
