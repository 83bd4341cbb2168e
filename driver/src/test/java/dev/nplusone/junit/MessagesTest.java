package dev.nplusone.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nplusone.Finding;
import dev.nplusone.ScopeReport;
import dev.nplusone.ShapeStats;
import dev.nplusone.StatementType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The failure messages around a finding that carries a suggestion (the suggest stage fills it in). */
class MessagesTest {
    static final String POSTS = "select p.id, p.title, p.author_id from blog_post p order by p.id";
    static final String AUTHOR = "select a.id, a.name from blog_author a where a.id = ?";
    static final String JOINED = "select p.id, p.title, p.author_id, a.id as a_id, a.name from blog_post p"
            + " left join blog_author a on a.id = p.author_id order by p.id";

    static final Finding AUTHORS = new Finding("00000000000000aa", Finding.Kind.N_PLUS_ONE, Finding.Confidence.CONFIRMED,
            50, 20, 1, AUTHOR, "com.acme.PostPage.render(PostPage.java:57)", new Finding.Parent(POSTS, "author_id", 50),
            new Finding.Suggestion(Finding.Strategy.JOIN, JOINED, 51, 1, null, null), 38_000_000L, List.of());
    static final ScopeReport REPORT = new ScopeReport("PostPageTest.renders", "test", 51, List.of(AUTHORS),
            List.of(new ShapeStats(POSTS, StatementType.SELECT, 1, 1, 1),
                    new ShapeStats(AUTHOR, StatementType.SELECT, 50, 20, 1)), false);

    @Test
    void n_plus_one_failure_shows_expectation_finding_evidence_and_fix() {
        assertEquals("""
                Expecting no N+1 queries, but 1 was found:
                  N+1 QUERY [CONFIRMED] 50 executions, 20 distinct keys, <=1 row each, 38 ms   (scope: PostPageTest.renders)
                    loop at : com.acme.PostPage.render(PostPage.java:57)
                    parent  : %s   -> 50 rows, column author_id
                    repeated: %s
                    fix JOIN: %s
                              51 queries -> 1
                51 statements in scope 'PostPageTest.renders'; a finding is a lookup by key run at least 3 times from one call site.
                If the loop is intended, say why on the test: @AllowNPlusOne(sql = "%s", reason = "...")"""
                .formatted(POSTS, AUTHOR, JOINED, AUTHOR), Messages.nPlusOneFound(REPORT, List.of(AUTHORS), 0, 3, true));
    }

    @Test
    void count_failure_lists_the_shapes_of_the_counted_type_then_the_fix() {
        assertEquals("""
                Expecting 2 SELECT statements, but 51 were run:
                    1 x %s
                   50 x %s
                and 1 N+1 query was found:
                  N+1 QUERY [CONFIRMED] 50 executions, 20 distinct keys, <=1 row each, 38 ms   (scope: PostPageTest.renders)
                    loop at : com.acme.PostPage.render(PostPage.java:57)
                    parent  : %s   -> 50 rows, column author_id
                    repeated: %s
                    fix JOIN: %s
                              51 queries -> 1""".formatted(POSTS, AUTHOR, POSTS, AUTHOR, JOINED),
                Messages.countMismatch(StatementType.SELECT, 2, REPORT));
    }

    @Test
    void scaling_failure_counts_a_shape_new_at_the_larger_size_from_zero() {
        ScopeReport clean = new ScopeReport("assertQueryCountDoesNotScale at size 50", "test", 3, List.of(), List.of(), false);

        assertEquals("""
                Expecting the number of statements not to grow with the data, but 2 shapes did (executions at size 5 -> at size 50):
                     0 -> 1    select 1
                     5 -> 50   select 2""",
                Messages.grewWithData(5, 50, List.of(Messages.growthLine(0, 1, "select 1"),
                        Messages.growthLine(5, 50, "select 2")), clean));
    }
}
