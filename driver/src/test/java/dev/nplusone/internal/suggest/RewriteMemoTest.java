package dev.nplusone.internal.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.Finding;
import dev.nplusone.NPlusOne;
import dev.nplusone.Scope;
import dev.nplusone.ScopeReport;
import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.SeedDatabase;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A page that closes a scope per request finds the same loops again and again: their rewrites are built
 * once and then come from a bounded memo, so a finding seen before costs its scope's close no parsing.
 */
class RewriteMemoTest {

    @Test
    void the_same_findings_in_a_thousand_scopes_get_the_same_suggestions_built_once() throws Exception {
        try (SeedDatabase database = SeedDatabase.create()) {
            DataSource watched = NPlusOne.wrap(database.raw());
            List<Finding> first = withoutTimes(page(watched).findings());
            assertEquals(List.of(Finding.Strategy.JOIN, Finding.Strategy.BATCH_IN),
                    first.stream().map(finding -> finding.suggestion().strategy()).sorted().toList());
            int memoised = Rewriter.RENDERED.size();

            for (int request = 0; request < 1_000; request++) {
                List<Finding> again = withoutTimes(page(watched).findings());
                assertEquals(first, again, "request " + request);
                for (int i = 0; i < first.size(); i++) {
                    assertSame(first.get(i).suggestion().sql(), again.get(i).suggestion().sql(),
                            "the rewrite came from the memo, not from parsing again");
                }
            }
            assertTrue(Rewriter.RENDERED.size() <= memoised, "no rewrite was added for findings already seen");
        }
    }

    @Test
    void the_memo_stays_within_its_bound_and_still_rewrites_past_it() {
        for (int table = 0; table < Rewriter.MEMO_ENTRIES + 100; table++) {
            String rewritten = Rewriter.batchIn("select a.id, a.name from author_" + table + " a where a.id = :"
                    + StatementTemplate.KEY).sql();
            assertEquals("select a.id, a.name from author_" + table + " a where a.id in " + Finding.Suggestion.KEY_LIST,
                    rewritten);
            assertTrue(Rewriter.RENDERED.size() <= Rewriter.MEMO_ENTRIES, "memo entries after " + table);
        }
    }

    /** The findings as a request's report gives them, but for the time the loop took (which varies). */
    private static List<Finding> withoutTimes(List<Finding> findings) {
        return findings.stream().map(f -> new Finding(f.id(), f.kind(), f.confidence(), f.executions(),
                f.distinctKeys(), f.maxRows(), f.sql(), f.callSite(), f.parent(), f.suggestion(), 0,
                f.sampleValues())).toList();
    }

    private static ScopeReport page(DataSource watched) throws Exception {
        Scope scope = NPlusOne.scope("GET /posts");
        try (scope) {
            BlogPages.authorsAndTagsInLoop(watched);
        }
        return scope.report();
    }
}
