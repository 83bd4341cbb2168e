package dev.nplusone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nplusone.internal.report.HumanReport;
import dev.nplusone.scenarios.CallSites;
import dev.nplusone.scenarios.KindPages;
import dev.nplusone.scenarios.SeedDatabase;
import dev.nplusone.support.Configured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The new kinds in the JSON Lines and the human report: their kind and strategy names are contract. */
class KindReportsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static DataSource watched;

    @TempDir
    Path directory;

    @BeforeAll
    static void createDatabase() {
        watched = NPlusOne.wrap(SeedDatabase.create().raw());
    }

    @Test
    void json_lines_name_the_kind_and_strategy_of_write_loops_aggregate_loops_and_unused_joins() throws Exception {
        Path file = directory.resolve("kinds.jsonl");
        try (Configured ignored = Configured.with(ReportsTest.config(file, false, null, 3))) {
            ReportsTest.inScope("POST /tags", () -> KindPages.insertTagsOneByOne(watched));
            ReportsTest.inScope("GET /authors", () -> KindPages.postCountPerAuthor(watched));
            ReportsTest.inScope("GET /titles", () -> KindPages.titlesWithUnreadAuthor(watched));
        }

        List<String> lines = Files.readAllLines(file);
        assertEquals(3, lines.size());
        JsonNode write = JSON.readTree(lines.get(0)).at("/findings/0");
        assertEquals("WRITE_LOOP", write.get("kind").asText());
        assertEquals(KindPages.NEW_TAGS, write.get("executions").asInt());
        assertTrue(write.get("parent").isNull());
        assertEquals("MULTI_ROW_INSERT", write.at("/suggestion/strategy").asText());
        assertEquals("insert into blog_tag(id, name) values (?, ?), (?, ?), ...", write.at("/suggestion/sql").asText());
        assertEquals(KindPages.NEW_TAGS, write.at("/suggestion/queriesBefore").asInt());
        assertEquals(1, write.at("/suggestion/queriesAfter").asInt());

        JsonNode count = JSON.readTree(lines.get(1)).at("/findings/0");
        assertEquals("N_PLUS_ONE", count.get("kind").asText());
        assertEquals("GROUP_BY", count.at("/suggestion/strategy").asText());
        assertEquals(KindPages.AUTHORS_SQL, count.at("/parent/sql").asText());

        JsonNode join = JSON.readTree(lines.get(2)).at("/findings/0");
        assertEquals("UNUSED_JOIN", join.get("kind").asText());
        assertEquals("DROP_JOIN", join.at("/suggestion/strategy").asText());
        assertEquals(CallSites.of(KindPages.class, "titlesWithUnreadAuthor", "titles"), join.get("callSite").asText());
    }

    @Test
    void human_report_heads_each_kind_with_its_name_and_its_fix() throws Exception {
        ScopeReport writes = ReportsTest.inScope("POST /tags", () -> KindPages.insertTagsOneByOne(watched));
        ScopeReport joins = ReportsTest.inScope("GET /titles", () -> KindPages.titlesWithUnreadAuthor(watched));

        String write = HumanReport.format(writes.findings().get(0), writes.name());
        assertTrue(write.startsWith("WRITE LOOP 20 executions, 20 distinct rows, 1 row changed each, "), write);
        assertTrue(write.contains("\n  repeated: insert into blog_tag(id, name) values (?, ?)\n"
                + "  fix INSERT: insert into blog_tag(id, name) values (?, ?), (?, ?), ...\n"
                + "            20 queries -> 1  (one INSERT for all 20 rows"), write);
        String join = HumanReport.format(joins.findings().get(0), joins.name());
        assertTrue(join.startsWith("UNUSED JOIN 3 executions, up to 30 rows each, "), join);
        assertTrue(join.contains("\n  joins   : " + KindPages.POSTS_WITH_AUTHOR_SQL + "\n"
                + "  fix DROP JOIN: select p.id, p.title from blog_post p where p.id <= ? order by p.id\n"
                + "            (no column of blog_author was read in 3 results: drop the join and its 2 columns"), join);
    }
}
