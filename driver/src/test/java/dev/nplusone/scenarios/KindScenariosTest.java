package dev.nplusone.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.Finding;
import dev.nplusone.NPlusOne;
import dev.nplusone.Scope;
import dev.nplusone.ScopeReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Write loops, aggregate loops and unused joins, each scenario run through every in-process entry point with
 * its figures pinned, and each cure proven: the suggestion is run on the same data (the loop's changes and
 * the cure's each in a transaction rolled back afterwards) and must leave the tables, or return the data,
 * exactly as the loop did, in the number of statements it states, with no finding left.
 */
class KindScenariosTest {
    @RegisterExtension
    static final PerClassDatabase DATABASE = new PerClassDatabase();

    interface Work {
        void run(Connection connection) throws SQLException;
    }

    /** What one run left: its scope's report and the rows of the tables it touched, before the rollback. */
    record Run(ScopeReport report, List<List<Object>> table) {
    }

    /** Runs {@code work} in a scope on a watched connection, in a transaction that is rolled back. */
    static Run inScope(EntryPoint entry, String tableQuery, Work work) throws Exception {
        try (EntryPoint.Watched watched = entry.open(DATABASE.get());
             Connection connection = watched.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                Scope scope = NPlusOne.scope("kinds");
                try (scope) {
                    work.run(connection);
                }
                return new Run(scope.report(), tableQuery == null ? List.of() : rows(connection, tableQuery, List.of()));
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    /** {@link SuggestionProofTest#rows} with the values made comparable across drivers. */
    static List<List<Object>> rows(Connection connection, String sql, List<?> binds) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : SuggestionProofTest.rows(connection, sql, binds)) {
            rows.add(row.stream().map(KindScenariosTest::normal).toList());
        }
        return rows;
    }

    /** Values compared across drivers: whole numbers as longs, booleans (MariaDB's are numbers) as 0/1. */
    static Object normal(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        return value instanceof Number n && !(value instanceof java.math.BigDecimal d && d.scale() > 0) ? n.longValue()
                : value;
    }

    static Finding only(ScopeReport report, Finding.Kind kind) {
        assertEquals(1, report.findings().size(), () -> "expected one finding, got " + report.findings());
        Finding finding = report.findings().get(0);
        assertEquals(kind, finding.kind());
        return finding;
    }

    static void assertCure(Finding finding, Finding.Strategy strategy, String sql, int before, int after) {
        Finding.Suggestion suggestion = finding.suggestion();
        assertNotNull(suggestion, () -> "no suggestion for " + finding);
        assertEquals(strategy, suggestion.strategy(), suggestion::reason);
        assertEquals(sql, suggestion.sql(), suggestion::reason);
        assertEquals(before, suggestion.queriesBefore());
        assertEquals(after, suggestion.queriesAfter());
    }

    /** The cure's run: the statements it took equal what the suggestion says, and it leaves no finding. */
    static void assertCuredIn(Run cured, Finding finding) {
        assertEquals(finding.suggestion().queriesAfter(), cured.report().statements(), () -> "" + cured.report());
        assertEquals(List.of(), cured.report().findings());
    }

    private static final String TAGS = "select id, name from blog_tag order by id";
    private static final String POSTS = "select id, title, content, author_id from blog_post order by id";

    // WRITE_LOOP

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reports_a_write_loop_of_single_row_inserts_cured_by_one_multi_row_insert(EntryPoint entry) throws Exception {
        Run loop = inScope(entry, TAGS, KindPages::insertTagsOneByOne);

        Finding finding = only(loop.report(), Finding.Kind.WRITE_LOOP);
        assertEquals(KindPages.NEW_TAGS, loop.report().statements());
        assertEquals(KindPages.NEW_TAGS, finding.executions());
        assertEquals(KindPages.NEW_TAGS, finding.distinctKeys());
        assertEquals(1, finding.maxRows());
        assertEquals("insert into blog_tag(id, name) values (?, ?)", finding.sql());
        assertEquals(CallSites.of(KindPages.class, "insertTagsOneByOne", "insertTag"), finding.callSite());
        assertCure(finding, Finding.Strategy.MULTI_ROW_INSERT,
                "insert into blog_tag(id, name) values (?, ?), (?, ?), ...", KindPages.NEW_TAGS, 1);
        assertEquals(List.of(new Finding.Parameter(Finding.Parameter.Source.ROWS, 1),
                new Finding.Parameter(Finding.Parameter.Source.ROWS, 2)), finding.suggestion().parameters());

        Run cured = inScope(entry, TAGS, connection -> {
            List<Object> binds = new ArrayList<>();
            for (int id = KindPages.FIRST_NEW_TAG; id < KindPages.FIRST_NEW_TAG + KindPages.NEW_TAGS; id++) {
                binds.add(id);
                binds.add("tag " + id);
            }
            execute(connection, finding.suggestion().sqlFor(KindPages.NEW_TAGS), binds);
        });
        assertEquals(loop.table(), cured.table());
        assertEquals(SeedDatabase.TAGS + KindPages.NEW_TAGS, cured.table().size());
        assertCuredIn(cured, finding);
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reports_a_write_loop_of_updates_with_values_of_their_own_cured_by_a_jdbc_batch(EntryPoint entry)
            throws Exception {
        Run loop = inScope(entry, POSTS, KindPages::retitlePosts);

        Finding finding = only(loop.report(), Finding.Kind.WRITE_LOOP);
        assertEquals(SeedDatabase.POSTS, finding.executions());
        assertEquals(1, finding.maxRows());
        assertEquals(KindPages.RETITLE_SQL, finding.sql());
        assertEquals(CallSites.of(KindPages.class, "retitlePosts", "retitle"), finding.callSite());
        assertCure(finding, Finding.Strategy.JDBC_BATCH, KindPages.RETITLE_SQL, SeedDatabase.POSTS, 1);
        assertTrue(finding.suggestion().reason().contains("addBatch()"), finding.suggestion().reason());

        Run cured = inScope(entry, POSTS, connection -> {
            try (PreparedStatement batch = connection.prepareStatement(finding.suggestion().sql())) {
                for (int id = 1; id <= SeedDatabase.POSTS; id++) {
                    batch.setString(1, "Post " + id + " (edited)");
                    batch.setInt(2, id);
                    batch.addBatch();
                }
                batch.executeBatch();
            }
        });
        assertEquals(loop.table(), cured.table());
        assertEquals("Post 7 (edited)", cured.table().get(6).get(1));
        assertCuredIn(cured, finding);
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reports_a_write_loop_setting_the_same_values_cured_by_one_update_where_key_in(EntryPoint entry)
            throws Exception {
        Run loop = inScope(entry, POSTS, KindPages::archivePostsOfAuthor);

        Finding finding = only(loop.report(), Finding.Kind.WRITE_LOOP);
        assertEquals(4, loop.report().statements());
        assertEquals(3, finding.executions());
        assertEquals(3, finding.distinctKeys());
        assertEquals(KindPages.ARCHIVE_SQL, finding.sql());
        assertEquals(CallSites.of(KindPages.class, "archivePostsOfAuthor", "archive"), finding.callSite());
        assertCure(finding, Finding.Strategy.WHERE_IN, "update blog_post set content = ? where id in (?, ?, ...)", 3, 1);
        assertEquals(List.of(new Finding.Parameter(Finding.Parameter.Source.LOOP, 1),
                new Finding.Parameter(Finding.Parameter.Source.KEYS, 0)), finding.suggestion().parameters());

        Run cured = inScope(entry, POSTS, connection ->
                execute(connection, finding.suggestion().sqlFor(3), List.of("archived", 6, 26, 46)));
        assertEquals(loop.table(), cured.table());
        assertEquals(3, cured.table().stream().filter(row -> "archived".equals(row.get(2))).count());
        assertCuredIn(cured, finding);
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reports_nothing_for_writes_already_batched_a_bulk_update_or_a_loop_below_the_threshold(EntryPoint entry)
            throws Exception {
        Run batched = inScope(entry, TAGS, KindPages::insertTagsBatched);
        assertEquals(1, batched.report().statements());
        assertEquals(List.of(), batched.report().findings());
        assertEquals(SeedDatabase.TAGS + KindPages.NEW_TAGS, batched.table().size());

        Run bulk = inScope(entry, POSTS, KindPages::archivePostsOfAuthorInBulk);
        assertEquals(1, bulk.report().statements());
        assertEquals(List.of(), bulk.report().findings());

        Run twice = inScope(entry, null, KindPages::insertTwoTags);
        assertEquals(2, twice.report().statements());
        assertEquals(List.of(), twice.report().findings());
    }

    // Aggregate loops: N_PLUS_ONE cured by GROUP_BY

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reports_a_count_per_parent_row_as_n_plus_one_cured_by_one_grouped_query(EntryPoint entry) throws Exception {
        Map<Integer, Long> counts = new LinkedHashMap<>();
        Run loop = inScope(entry, null, connection -> counts.putAll(KindPages.postCountPerAuthor(connection)));

        Finding finding = only(loop.report(), Finding.Kind.N_PLUS_ONE);
        assertEquals(Finding.Confidence.CONFIRMED, finding.confidence());
        assertEquals(1 + SeedDatabase.AUTHORS, loop.report().statements());
        assertEquals(SeedDatabase.AUTHORS, finding.executions());
        assertEquals(SeedDatabase.AUTHORS, finding.distinctKeys());
        assertEquals(KindPages.POST_COUNT_SQL, finding.sql());
        assertEquals(CallSites.of(KindPages.class, "postCountPerAuthor", "postCount"), finding.callSite());
        assertEquals(KindPages.AUTHORS_SQL, finding.parent().sql());
        assertCure(finding, Finding.Strategy.GROUP_BY, "select p.author_id, count(*) from blog_post p"
                + " where p.author_id in (?, ?, ...) group by p.author_id", 1 + SeedDatabase.AUTHORS, 2);
        assertTrue(finding.suggestion().reason().contains("missing from the result"), finding.suggestion().reason());

        // with two authors that have no posts: a key missing from the grouped result is a count of 0
        List<Integer> keys = new ArrayList<>(counts.keySet());
        keys.add(998);
        keys.add(999);
        Map<Integer, Long> grouped = new LinkedHashMap<>();
        Run cured = inScope(entry, null, connection -> {
            List<Integer> authors = new ArrayList<>();
            for (List<Object> row : rows(connection, KindPages.AUTHORS_SQL, List.of())) {
                authors.add(((Long) row.get(0)).intValue());
            }
            assertEquals(new ArrayList<>(counts.keySet()), authors);
            for (List<Object> row : rows(connection, finding.suggestion().sqlFor(keys.size()), keys)) {
                grouped.put(((Long) row.get(0)).intValue(), (Long) row.get(1));
            }
        });
        Map<Integer, Long> matched = new LinkedHashMap<>();
        for (int key : keys) {
            matched.put(key, grouped.getOrDefault(key, 0L));
        }
        Map<Integer, Long> expected = new LinkedHashMap<>(counts);
        expected.put(998, 0L);
        expected.put(999, 0L);
        assertEquals(expected, matched);
        assertEquals(SeedDatabase.POSTS, counts.values().stream().mapToLong(Long::longValue).sum());
        assertCuredIn(cured, finding);
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reports_an_exists_check_per_parent_row_as_n_plus_one_cured_by_one_grouped_query(EntryPoint entry)
            throws Exception {
        Map<Integer, Boolean> tagged = new LinkedHashMap<>();
        Run loop = inScope(entry, null, connection -> tagged.putAll(KindPages.pythonTagPerPost(connection)));

        Finding finding = only(loop.report(), Finding.Kind.N_PLUS_ONE);
        assertEquals(SeedDatabase.POSTS, finding.executions());
        assertEquals(SeedDatabase.POSTS, finding.distinctKeys());
        assertEquals("select exists (select ? from blog_post_tags pt where pt.post_id = ? and pt.tag_id = ?)",
                finding.sql());
        assertEquals(KindPages.POST_IDS_SQL, finding.parent().sql());
        assertCure(finding, Finding.Strategy.GROUP_BY, "select pt.post_id from blog_post_tags pt"
                + " where pt.post_id in (?, ?, ...) and pt.tag_id = 1 group by pt.post_id", 1 + SeedDatabase.POSTS, 2);

        List<Integer> keys = new ArrayList<>(tagged.keySet());
        Map<Integer, Boolean> grouped = new LinkedHashMap<>();
        Run cured = inScope(entry, null, connection -> {
            rows(connection, KindPages.POST_IDS_SQL, List.of());
            List<Object> present = new ArrayList<>();
            for (List<Object> row : rows(connection, finding.suggestion().sqlFor(keys.size()), keys)) {
                present.add(row.get(0));
            }
            for (int key : keys) {
                grouped.put(key, present.contains((long) key));
            }
        });
        assertEquals(tagged, grouped);
        assertTrue(tagged.containsValue(true) && tagged.containsValue(false), "both answers occur: " + tagged);
        assertCuredIn(cured, finding);
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reports_a_first_row_per_key_as_an_existence_check_cured_by_one_grouped_query(EntryPoint entry)
            throws Exception {
        Map<Integer, Boolean> has = new LinkedHashMap<>();
        Run loop = inScope(entry, null, connection -> has.putAll(KindPages.authorHasPosts(connection, 1)));

        Finding finding = only(loop.report(), Finding.Kind.N_PLUS_ONE);
        assertEquals(SeedDatabase.AUTHORS, finding.executions());
        assertEquals("select p.id from blog_post p where p.author_id = ? limit ?", finding.sql());
        assertEquals(CallSites.of(KindPages.class, "authorHasPosts", "firstPost"), finding.callSite());
        assertCure(finding, Finding.Strategy.GROUP_BY, "select p.author_id from blog_post p"
                + " where p.author_id in (?, ?, ...) group by p.author_id", 1 + SeedDatabase.AUTHORS, 2);

        List<Integer> keys = new ArrayList<>(has.keySet());
        keys.add(999);
        Map<Integer, Boolean> grouped = new LinkedHashMap<>();
        Run cured = inScope(entry, null, connection -> {
            rows(connection, KindPages.AUTHORS_SQL, List.of());
            List<Object> present = new ArrayList<>();
            for (List<Object> row : rows(connection, finding.suggestion().sqlFor(keys.size()), keys)) {
                present.add(row.get(0));
            }
            for (int key : keys) {
                grouped.put(key, present.contains((long) key));
            }
        });
        Map<Integer, Boolean> expected = new LinkedHashMap<>(has);
        expected.put(999, false);
        assertEquals(expected, grouped);
        assertCuredIn(cured, finding);
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void a_top_two_per_key_is_no_existence_check_and_gets_no_grouped_query(EntryPoint entry) throws Exception {
        Run loop = inScope(entry, null, connection -> KindPages.authorHasPosts(connection, 2));

        Finding finding = only(loop.report(), Finding.Kind.N_PLUS_ONE);
        assertEquals(Finding.Strategy.BATCH_IN, finding.suggestion().strategy());
        assertNull(finding.suggestion().sql(), finding.suggestion().reason());
    }

    // UNUSED_JOIN

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reports_a_left_join_whose_columns_are_never_read_cured_by_dropping_it(EntryPoint entry) throws Exception {
        List<List<Object>> read = new ArrayList<>();
        Run loop = inScope(entry, null, connection ->
                read.addAll(KindPages.titlesWithUnreadAuthor(connection, KindPages.POSTS_WITH_AUTHOR_SQL)));

        Finding finding = only(loop.report(), Finding.Kind.UNUSED_JOIN);
        assertEquals(3, finding.executions());
        assertEquals(KindPages.POSTS_WITH_AUTHOR_SQL, finding.sql());
        assertEquals(CallSites.of(KindPages.class, "titlesWithUnreadAuthor", "titles"), finding.callSite());
        assertCure(finding, Finding.Strategy.DROP_JOIN, "select p.id, p.title from blog_post p where p.id <= ? order by p.id",
                3, 3);
        assertTrue(finding.suggestion().reason().contains("blog_author"), finding.suggestion().reason());

        List<List<Object>> cured = new ArrayList<>();
        Run curedRun = inScope(entry, null, connection ->
                cured.addAll(KindPages.titlesWithUnreadAuthor(connection, finding.suggestion().sql())));
        assertEquals(read, cured);
        assertEquals(10 + 20 + 30, cured.size());
        assertCuredIn(curedRun, finding);
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void the_drop_join_rewrite_of_a_loop_with_literal_values_shows_none_of_them(EntryPoint entry) throws Exception {
        List<List<Object>> read = new ArrayList<>();
        Run loop = inScope(entry, null, connection -> {
            for (int page = 1; page <= 3; page++) {
                read.addAll(titlesWithLiterals(connection, page));
            }
        });

        Finding finding = only(loop.report(), Finding.Kind.UNUSED_JOIN);
        assertCure(finding, Finding.Strategy.DROP_JOIN,
                "select p.id, p.title from blog_post p where p.id <= ? and p.title <> ? and p.author_id > 0 order by p.id",
                3, 3);
        assertEquals(List.of(new Finding.Parameter(Finding.Parameter.Source.STATEMENT, 1),
                new Finding.Parameter(Finding.Parameter.Source.STATEMENT, 2)), finding.suggestion().parameters());
        for (String literal : List.of("10", "20", "30", "private-1", "private-2", "private-3")) {
            assertTrue(!finding.suggestion().sql().contains(literal) && !finding.suggestion().reason().contains(literal),
                    () -> literal + " shown in " + finding.suggestion());
        }

        List<List<Object>> cured = new ArrayList<>();
        inScope(entry, null, connection -> {
            for (int page = 1; page <= 3; page++) {
                try (PreparedStatement select = connection.prepareStatement(finding.suggestion().sql())) {
                    select.setInt(1, page * 10);
                    select.setString(2, "private-" + page);
                    try (java.sql.ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            cured.add(List.of(rows.getInt("id"), rows.getString("title")));
                        }
                    }
                }
            }
        });
        assertEquals(read, cured);
    }

    /** A page of titles with its values written into the SQL: the bound, the excluded title, a constant filter. */
    private static List<List<Object>> titlesWithLiterals(Connection connection, int page) throws SQLException {
        List<List<Object>> read = new ArrayList<>();
        try (java.sql.Statement select = connection.createStatement();
             java.sql.ResultSet rows = select.executeQuery("select p.id, p.title, a.id, a.name from blog_post p"
                     + " left join blog_author a on a.id = p.author_id where p.id <= " + page * 10
                     + " and p.title <> 'private-" + page + "' and p.author_id > 0 order by p.id")) {
            while (rows.next()) {
                read.add(List.of(rows.getInt("id"), rows.getString("title")));
            }
        }
        return read;
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reports_an_unread_inner_join_without_a_rewrite_since_it_also_filters(EntryPoint entry) throws Exception {
        Run loop = inScope(entry, null, connection ->
                KindPages.titlesWithUnreadAuthor(connection, KindPages.POSTS_WITH_INNER_AUTHOR_SQL));

        Finding finding = only(loop.report(), Finding.Kind.UNUSED_JOIN);
        assertEquals(Finding.Strategy.DROP_JOIN, finding.suggestion().strategy());
        assertNull(finding.suggestion().sql());
        assertTrue(finding.suggestion().reason().contains("inner join also filters"), finding.suggestion().reason());
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reports_nothing_for_a_join_whose_columns_a_row_mapper_reads(EntryPoint entry) throws Exception {
        Run mapped = inScope(entry, null, KindPages::titlesMappedWhole);

        assertEquals(3, mapped.report().statements());
        assertEquals(List.of(), mapped.report().findings());
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reports_nothing_for_a_join_read_through_the_drivers_own_result_set(EntryPoint entry) throws Exception {
        Run unwrapped = inScope(entry, null, connection -> {
            for (int page = 1; page <= 3; page++) {
                try (PreparedStatement select = connection.prepareStatement(KindPages.POSTS_WITH_AUTHOR_SQL)) {
                    select.setInt(1, page * 10);
                    try (java.sql.ResultSet rows = select.executeQuery()) {
                        java.sql.ResultSet own = rows.unwrap(java.sql.ResultSet.class);
                        while (own.next()) {
                            own.getString(4); // the author's name, read where nplusone cannot see it
                        }
                    }
                }
            }
        });

        assertEquals(3, unwrapped.report().statements());
        assertEquals(List.of(), unwrapped.report().findings());
    }

    static void execute(Connection connection, String sql, List<?> binds) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < binds.size(); i++) {
                statement.setObject(i + 1, binds.get(i));
            }
            statement.executeUpdate();
        }
    }
}
