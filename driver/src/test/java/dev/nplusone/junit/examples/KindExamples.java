package dev.nplusone.junit.examples;

import dev.nplusone.Finding;
import dev.nplusone.junit.NoNPlusOne;
import dev.nplusone.scenarios.KindPages;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Test classes whose bodies run write loops and unused joins, run by {@code FailOnTest} through EngineTestKit. */
public final class KindExamples {
    static final DataSource DATA_SOURCE = ExampleData.watched();

    private KindExamples() {
    }

    /** Runs {@code work} in a transaction that is rolled back, so every example starts from the seed data. */
    static void rolledBack(KindPages.Work work) throws SQLException {
        KindPages.rolledBack(DATA_SOURCE, work);
    }

    @Example
    @NoNPlusOne
    public static class ByDefault {
        @Test
        void inserts_one_by_one() throws Exception {
            rolledBack(KindPages::insertTagsOneByOne);
        }

        @Test
        void inserts_batched() throws Exception {
            rolledBack(KindPages::insertTagsBatched);
        }

        @Test
        void joins_an_unread_table() throws Exception {
            rolledBack(connection -> KindPages.titlesWithUnreadAuthor(connection, KindPages.POSTS_WITH_AUTHOR_SQL));
        }
    }

    @Example
    @NoNPlusOne(failOn = {Finding.Kind.N_PLUS_ONE, Finding.Kind.WRITE_LOOP, Finding.Kind.UNUSED_JOIN})
    public static class FailingOnUnusedJoins {
        @Test
        void joins_an_unread_table() throws Exception {
            rolledBack(connection -> KindPages.titlesWithUnreadAuthor(connection, KindPages.POSTS_WITH_AUTHOR_SQL));
        }

        @Test
        @NoNPlusOne(failOn = Finding.Kind.N_PLUS_ONE)
        void inserts_one_by_one_where_the_method_says_only_n_plus_one_fails() throws Exception {
            rolledBack(KindPages::insertTagsOneByOne);
        }
    }
}
