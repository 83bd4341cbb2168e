package dev.nplusone.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nplusone.apps.JdbcProgram;
import dev.nplusone.scenarios.CallSites;
import dev.nplusone.scenarios.KindPages;
import dev.nplusone.scenarios.SeedDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Write loops, aggregate loops and unused joins in an application that knows nothing about nplusone, run
 * with {@code -javaagent} through a Hikari pool: each page is a checkout, so each finding is in that
 * connection's scope, with the figures and cures the in-process scenarios pin. The negatives (a batched
 * insert, a row mapper reading every column) write no line at all.
 */
class KindProgramsIT {
    @Test
    void reports_write_loops_aggregate_loops_and_unused_joins_per_connection_and_logs_each_finding_once() {
        ChildJvm jvm = ChildJvm.on(Jdk.CURRENT);
        Path json = jvm.file("kinds.jsonl");
        ChildJvm.Result result = jvm.agent("json=" + json).run(JdbcProgram.class, "hikari", "insertTagsOneByOne",
                "insertTagsBatched", "postCountPerAuthor", "titlesWithUnreadAuthor", "titlesMappedWhole",
                "archivePostsOfAuthor", "insertTagsOneByOne");
        result.assertExitedNormally();

        List<JsonNode> scopes = JsonLines.read(json);
        assertEquals(5, scopes.size(), () -> "one line per page with findings: " + scopes);
        JsonNode inserts = only(scopes.get(0));
        assertFigures(inserts, "WRITE_LOOP", KindPages.NEW_TAGS, "insert into blog_tag(id, name) values (?, ?)",
                CallSites.of(KindPages.class, "insertTagsOneByOne", "insertTag"));
        assertCure(inserts, "MULTI_ROW_INSERT", KindPages.NEW_TAGS, 1);

        JsonNode counts = only(scopes.get(1));
        assertFigures(counts, "N_PLUS_ONE", SeedDatabase.AUTHORS, KindPages.POST_COUNT_SQL,
                CallSites.of(KindPages.class, "postCountPerAuthor", "postCount"));
        assertCure(counts, "GROUP_BY", 1 + SeedDatabase.AUTHORS, 2);

        JsonNode join = only(scopes.get(2));
        assertFigures(join, "UNUSED_JOIN", 3, KindPages.POSTS_WITH_AUTHOR_SQL,
                CallSites.of(KindPages.class, "titlesWithUnreadAuthor", "titles"));
        assertEquals("select p.id, p.title from blog_post p where p.id <= ? order by p.id",
                join.at("/suggestion/sql").asText());

        JsonNode archive = only(scopes.get(3));
        assertFigures(archive, "WRITE_LOOP", 3, KindPages.ARCHIVE_SQL,
                CallSites.of(KindPages.class, "archivePostsOfAuthor", "archive"));
        assertCure(archive, "WHERE_IN", 3, 1);

        JsonNode again = only(scopes.get(4));
        assertEquals(inserts.get("id").asText(), again.get("id").asText(), "the same loop has the same id");
        String log = result.stderr();
        assertEquals(1, count(log, "WRITE LOOP 20 executions"), () -> "logged in full once, then counted:\n" + log);
        assertEquals(1, count(log, "UNUSED JOIN 3 executions"), log);
    }

    private static JsonNode only(JsonNode scope) {
        assertEquals(1, scope.get("findings").size(), () -> "findings of " + scope);
        return scope.get("findings").get(0);
    }

    private static void assertFigures(JsonNode finding, String kind, int executions, String sql, String callSite) {
        assertEquals(List.of(kind, executions, sql, callSite), List.of(finding.get("kind").asText(),
                finding.get("executions").asInt(), finding.get("sql").asText(), finding.get("callSite").asText()));
    }

    private static void assertCure(JsonNode finding, String strategy, int before, int after) {
        JsonNode suggestion = finding.get("suggestion");
        assertEquals(List.of(strategy, before, after), List.of(suggestion.get("strategy").asText(),
                suggestion.get("queriesBefore").asInt(), suggestion.get("queriesAfter").asInt()), suggestion::toString);
        assertTrue(!suggestion.get("sql").isNull(), suggestion::toString);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
