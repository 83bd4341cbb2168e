package dev.nplusone.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.Finding;
import dev.nplusone.ScopeReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingLogTest {
    static final String AUTHOR_SQL = "select a.id, a.name from blog_author a where a.id = ?";
    static final String TAG_SQL = "select t.id from blog_tag t where t.id = ?";

    static Finding finding(String id, String sql, long millis) {
        return new Finding(id, Finding.Kind.N_PLUS_ONE, Finding.Confidence.UNPARENTED, 50, 20, 1, sql,
                "com.acme.Posts.render(Posts.java:57)", null, null, millis * 1_000_000, List.of());
    }

    static ScopeReport request(Finding... findings) {
        return new ScopeReport("GET /posts", "http", 51, List.of(findings), List.of(), false);
    }

    @Test
    void logs_a_finding_in_full_the_first_time_then_only_its_running_count_at_10_100_1000() {
        FindingLog log = new FindingLog();

        String first = log.record(request(finding("a", AUTHOR_SQL, 2)));
        assertTrue(first.startsWith("nplusone: 1 new finding in scope 'GET /posts' (51 statements)"), first);
        assertTrue(first.contains("repeated: " + AUTHOR_SQL), first);
        for (int scope = 2; scope < 10; scope++) {
            assertEquals("", log.record(request(finding("a", AUTHOR_SQL, 2))), "scope " + scope);
        }
        assertEquals("nplusone: N+1 QUERY seen again in 'GET /posts': 10 scopes, 500 executions, 20 ms so far;"
                + " loop at com.acme.Posts.render(Posts.java:57): " + AUTHOR_SQL + "\n",
                log.record(request(finding("a", AUTHOR_SQL, 2))));
    }

    @Test
    void sums_up_the_findings_that_cost_most_time_first() {
        FindingLog log = new FindingLog();
        log.record(request(finding("cheap", TAG_SQL, 1)));
        log.record(request(finding("costly", AUTHOR_SQL, 30)));
        log.record(request(finding("cheap", TAG_SQL, 1)));

        String summary = log.summary(1);

        assertEquals("nplusone: top 1 of 2 findings by time spent in the repeated queries\n"
                + "   1. N+1 QUERY: 1 scope, 50 executions, 30 ms\n"
                + "      " + AUTHOR_SQL + "\n"
                + "      loop at com.acme.Posts.render(Posts.java:57), first in 'GET /posts'\n", summary);
    }

    @Test
    void says_nothing_at_shutdown_when_nothing_was_found() {
        assertEquals("", new FindingLog().summary(10));
    }
}
