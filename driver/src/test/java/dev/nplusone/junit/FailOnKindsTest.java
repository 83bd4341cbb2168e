package dev.nplusone.junit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.junit.examples.KindExamples;
import org.junit.jupiter.api.Test;

/** Which kinds of finding fail a {@link NoNPlusOne} test: {@link NoNPlusOne#failOn()}. */
class FailOnKindsTest {
    @Test
    void fails_a_test_on_a_write_loop_by_default_with_the_cure() {
        String message = ExampleRuns.run(KindExamples.ByDefault.class).failureMessage("inserts_one_by_one");

        assertTrue(message.startsWith("Expecting no write loops, but 1 was found:\n  WRITE LOOP 20 executions,"), message);
        assertTrue(message.contains("    repeated: insert into blog_tag(id, name) values (?, ?)\n"), message);
        assertTrue(message.contains("    fix INSERT: insert into blog_tag(id, name) values (?, ?), (?, ?), ...\n"
                + "              20 queries -> 1"), message);
        assertTrue(message.contains("\n20 statements in scope 'ByDefault.inserts_one_by_one'; a write loop is a one-row"
                + " INSERT, UPDATE or DELETE run at least 3 times from one call site, not batched."), message);
    }

    @Test
    void passes_writes_already_batched() {
        ExampleRuns.run(KindExamples.ByDefault.class).assertPassed("inserts_batched");
    }

    @Test
    void reports_an_unused_join_without_failing_by_default() {
        ExampleRuns.run(KindExamples.ByDefault.class).assertPassed("joins_an_unread_table");
    }

    @Test
    void fails_on_an_unused_join_when_fail_on_lists_it() {
        String message = ExampleRuns.run(KindExamples.FailingOnUnusedJoins.class).failureMessage("joins_an_unread_table");

        assertTrue(message.startsWith("Expecting no unused joins, but 1 was found:\n  UNUSED JOIN 3 executions,"), message);
        assertTrue(message.contains("    fix DROP JOIN: select p.id, p.title from blog_post p where p.id <= ? order by p.id\n"),
                message);
    }

    @Test
    void the_nearest_annotation_decides_what_fails() {
        ExampleRuns.run(KindExamples.FailingOnUnusedJoins.class)
                .assertPassed("inserts_one_by_one_where_the_method_says_only_n_plus_one_fails");
    }
}
