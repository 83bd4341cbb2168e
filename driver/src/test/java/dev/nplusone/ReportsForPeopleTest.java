package dev.nplusone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nplusone.internal.config.Config;
import dev.nplusone.internal.report.LiveReports;
import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.CallSites;
import dev.nplusone.scenarios.SeedDatabase;
import dev.nplusone.support.Configured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report, SARIF and the JSON Lines extensions, fed by real scopes on H2 through the wrapper. */
class ReportsForPeopleTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static SeedDatabase database;
    static DataSource watched;

    @TempDir
    Path directory;

    @BeforeAll
    static void createDatabase() {
        database = SeedDatabase.create();
        watched = NPlusOne.wrap(database.raw());
    }

    Config reports(String... extra) {
        Map<String, String> values = new HashMap<>(Map.of("log", "false", "html", directory.resolve("out/report.html")
                .toString(), "sarif", directory.resolve("out/report.sarif").toString(), "json",
                directory.resolve("out/n1.jsonl").toString(), "json.all", "true"));
        for (int i = 0; i < extra.length; i += 2) {
            values.put(extra[i], extra[i + 1]);
        }
        List<String> errors = new ArrayList<>();
        Config config = Config.from(values, errors::add);
        assertEquals(List.of(), errors);
        return config;
    }

    static void inScope(String name, ReportsTest.BlogPagesCall call) throws Exception {
        try (Scope ignored = NPlusOne.scope(name)) {
            call.run();
        }
    }

    @Test
    void html_report_lists_every_scope_and_each_finding_once_with_parent_loop_fix_and_timeline() throws Exception {
        try (Configured ignored = Configured.with(reports())) {
            inScope("GET /posts", () -> BlogPages.authorsInLoop(watched));
            inScope("GET /posts", () -> BlogPages.authorsInLoop(watched));
            inScope("GET /posts/{id}", () -> BlogPages.doneRight(watched));
        }
        LiveReports.flushAll();

        String page = Files.readString(directory.resolve("out/report.html"));
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        assertTrue(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src"
                + " 'sha256-"), "a strict CSP");
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(page).find(), "nothing loaded from a network");
        assertEquals(2, count(page, "<tr"), "one row per scope name plus the header row: " + rows(page));
        assertTrue(rowOf(page, "GET /posts").contains("data-v=\"2\">2</td><td class=\"n\" data-v=\"51\">51</td>"),
                "two runs of 51 statements: " + rowOf(page, "GET /posts"));
        assertTrue(rowOf(page, "GET /posts/{id}").contains("<td class=\"n\" data-v=\"0\">0</td></tr>"),
                "the clean scope is listed, without findings: " + rowOf(page, "GET /posts/{id}"));
        assertEquals(1, count(page, "<article class=\"finding\""), "one finding, deduplicated across both scopes");
        assertTrue(page.contains("<div class=\"stats\">In <b>2</b> scopes: <span class=\"scope\">GET /posts</span>. 100"
                + " repeated statements in all"), page);
        assertTrue(page.contains("<pre>" + BlogPages.POSTS_SQL + "</pre>50 rows, keys from column <code>author_id"),
                "the parent");
        assertTrue(page.contains("<pre>select a.id, a.name from blog_author a where a.id = ?</pre>50 executions"),
                "the loop");
        assertTrue(page.contains(CallSites.of(BlogPages.class, "author")), "the call site");
        assertTrue(page.contains("<dt>Fix (JOIN)</dt><dd><pre class=\"fix\" id=\"fix-"), "the fix");
        assertTrue(page.contains("select p.id, p.title, p.author_id, a.id as a_id, a.name from blog_post p left join"
                + " blog_author a on a.id = p.author_id order by p.id</pre><button type=\"button\" class=\"copy\""),
                "the rewrite with its copy button");
        assertTrue(page.contains("<details class=\"tl-row loop\"><summary>"), "the loop is one expandable row");
        assertTrue(page.contains("<span class=\"count\">&times;50</span>"), "with its count");
        assertEquals(1, count(page, "<section class=\"timeline\""), "the latest scope of each name with findings");
    }

    @Test
    void json_lines_carry_time_shapes_and_a_timeline_and_clean_scopes_with_json_all() throws Exception {
        try (Configured ignored = Configured.with(reports())) {
            inScope("GET /posts", () -> BlogPages.authorsInLoop(watched));
            inScope("GET /posts/{id}", () -> BlogPages.doneRight(watched));
        }

        List<String> lines = Files.readAllLines(directory.resolve("out/n1.jsonl"));
        assertEquals(2, lines.size(), "the clean scope too, with json.all=true");
        JsonNode loop = JSON.readTree(lines.get(0));
        assertEquals(51, loop.get("statements").asInt());
        assertEquals(2, loop.get("shapes").size());
        assertEquals(50, loop.at("/shapes/1/executions").asInt());
        assertEquals(20, loop.at("/shapes/1/distinctKeys").asInt());
        assertEquals(50, loop.get("similar").asInt(), "the 50 lookups share one shape");
        assertEquals(30, loop.get("duplicates").asInt(), "50 lookups of 20 authors repeat 30");
        assertTrue(loop.get("sqlNanos").asLong() >= loop.at("/findings/0/timeNanos").asLong());
        assertEquals(51, loop.at("/timeline/total").asInt());
        JsonNode executions = loop.at("/timeline/executions");
        assertEquals(51, executions.size());
        assertEquals(0, executions.get(0).get(0).asInt(), "the parent first");
        for (int i = 1; i < executions.size(); i++) {
            assertEquals(1, executions.get(i).get(0).asInt());
            assertTrue(executions.get(i).get(1).asLong() >= executions.get(i - 1).get(1).asLong(), "offsets in order");
        }
        JsonNode clean = JSON.readTree(lines.get(1));
        assertEquals(0, clean.get("findings").size());
        assertTrue(clean.get("shapes").size() > 0, "per-shape counts of the clean scope");
        assertFalse(clean.has("timeline"), "timelines only for scopes with findings");
    }

    @Test
    void hostile_route_names_sql_and_values_stay_text_in_the_html_report() throws Exception {
        String route = "GET /x\"><script>alert('route')</script>";
        try (Configured ignored = Configured.with(reports("captureValues", "true"))) {
            inScope(route, () -> {
                try (Connection connection = watched.getConnection();
                     PreparedStatement lookup = connection.prepareStatement("select a.id as \"</pre><script>alert(1)"
                             + "</script>\" from blog_author a where a.name = ?")) {
                    for (int i = 0; i < 3; i++) {
                        lookup.setString(1, "<script>alert('value')</script>");
                        try (ResultSet rows = lookup.executeQuery()) {
                            rows.next();
                        }
                    }
                }
            });
        }
        LiveReports.flushAll();

        String page = Files.readString(directory.resolve("out/report.html"));
        assertEquals(1, count(page, "<script"), "only the report's own script element");
        assertTrue(page.contains("GET /x&quot;&gt;&lt;script&gt;alert(&#39;route&#39;)&lt;/script&gt;"), "the route as text");
        assertTrue(page.contains("&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), "the SQL as text");
        assertTrue(page.contains("&lt;script&gt;alert(&#39;value&#39;)&lt;/script&gt;"), "the captured value as text");
    }

    @Test
    void bound_values_stay_out_of_every_report_unless_captured() throws Exception {
        try (Configured ignored = Configured.with(reports())) {
            inScope("GET /authors", () -> BlogPages.sameAuthorRepeatedly(watched, 3));
        }
        LiveReports.flushAll();

        String page = Files.readString(directory.resolve("out/report.html"));
        assertTrue(page.contains("Duplicate query"), "the duplicate is reported");
        assertFalse(page.contains("<dt>Values</dt>"), "no values without captureValues=true");
        assertFalse(Files.readString(directory.resolve("out/n1.jsonl")).contains("sampleValues"));
    }

    static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count - (part.equals("<tr") ? 1 : 0);
    }

    static String rowOf(String page, String scope) {
        Matcher row = Pattern.compile("<tr[^>]*><td>" + Pattern.quote(scope) + "</td>.*?</tr>").matcher(page);
        return row.find() ? row.group() : "no row for " + scope;
    }

    private static List<String> rows(String page) {
        List<String> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr.*?</tr>").matcher(page);
        while (row.find()) {
            rows.add(row.group());
        }
        return rows;
    }
}
