package dev.nplusone.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.Finding;
import dev.nplusone.ScopeReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A suggestion is only worth printing if it is right: for every N+1 scenario the suggested SQL is run on
 * the same database and must return exactly the data the loop fetched, matched back to its parents, in
 * the number of queries the suggestion states.
 */
class SuggestionProofTest {
    @RegisterExtension
    static final PerClassDatabase DATABASE = new PerClassDatabase();

    static ScopeReport inScope(EntryPoint entry, DetectionScenariosTest.Page page) throws Exception {
        return DetectionScenariosTest.inScope(DATABASE.get(), entry, page);
    }

    static Finding finding(ScopeReport report, String sql) {
        return report.findings().stream().filter(f -> f.sql().equals(sql)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding for " + sql + " in " + report.findings()));
    }

    /** Runs {@code sql} on the unwatched database with {@code binds}; rows as lists of column values. */
    static List<List<Object>> run(String sql, List<?> binds) throws SQLException {
        return run(DATABASE.get().raw(), sql, binds);
    }

    static List<List<Object>> run(javax.sql.DataSource dataSource, String sql, List<?> binds) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return rows(connection, sql, binds);
        }
    }

    /** Runs {@code sql} on {@code connection} with {@code binds}; rows as lists of column values. */
    static List<List<Object>> rows(Connection connection, String sql, List<?> binds) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < binds.size(); i++) {
                statement.setObject(i + 1, binds.get(i));
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /** Runs a BATCH_IN suggestion over {@code keys} (then {@code extra} binds) and groups rows by their first column. */
    static Map<Object, List<List<Object>>> runBatch(Finding.Suggestion suggestion, List<?> keys, List<?> extra)
            throws SQLException {
        List<Object> binds = new ArrayList<>(keys);
        binds.addAll(extra);
        Map<Object, List<List<Object>>> byKey = new LinkedHashMap<>();
        for (List<Object> row : run(suggestion.sqlFor(keys.size()), binds)) {
            byKey.computeIfAbsent(row.get(0), k -> new ArrayList<>()).add(row.subList(1, row.size()));
        }
        return byKey;
    }

    static void assertSuggestion(Finding finding, Finding.Strategy strategy, int before, int after) {
        Finding.Suggestion suggestion = finding.suggestion();
        assertNotNull(suggestion, () -> "no suggestion for " + finding);
        assertEquals(strategy, suggestion.strategy(), suggestion::toString);
        assertEquals(before, suggestion.queriesBefore(), suggestion::toString);
        assertEquals(after, suggestion.queriesAfter(), suggestion::toString);
    }

    static void assertParent(Finding finding, String sql, String column, int rows) {
        assertEquals(Finding.Confidence.CONFIRMED, finding.confidence());
        assertEquals(new Finding.Parent(sql, column, rows), finding.parent());
    }

    static <T> List<Object> distinct(List<T> items, Function<T, Object> key) {
        return new ArrayList<>(new LinkedHashSet<>(items.stream().map(key).toList()));
    }

    static void assertAuthorJoinReturnsTheLoopsAuthors(Finding finding, List<BlogPages.PostView> loop) throws SQLException {
        assertParent(finding, BlogPages.POSTS_SQL, "author_id", SeedDatabase.POSTS);
        assertSuggestion(finding, Finding.Strategy.JOIN, 51, 1);
        assertEquals("select p.id, p.title, p.author_id, a.id as a_id, a.name from blog_post p"
                + " left join blog_author a on a.id = p.author_id order by p.id", finding.suggestion().sql());
        List<List<Object>> rows = run(finding.suggestion().sql(), List.of());
        assertEquals(loop.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<Object> row = rows.get(i);
            BlogPages.PostView view = loop.get(i);
            assertEquals(view.post(), new BlogPages.Post((Integer) row.get(0), (String) row.get(1), (Integer) row.get(2)));
            assertEquals(view.author(), new BlogPages.Author((Integer) row.get(3), (String) row.get(4)));
        }
    }

    static void assertTagBatchReturnsTheLoopsTags(Finding finding, List<BlogPages.PostView> loop, List<?> extra)
            throws SQLException {
        assertParent(finding, BlogPages.POSTS_SQL, "id", SeedDatabase.POSTS);
        assertSuggestion(finding, Finding.Strategy.BATCH_IN, 51, 2);
        Map<Object, List<List<Object>>> byPost = runBatch(finding.suggestion(),
                distinct(loop, view -> view.post().id()), extra);
        for (BlogPages.PostView view : loop) {
            List<BlogPages.Tag> tags = byPost.getOrDefault(view.post().id(), List.of()).stream()
                    .map(row -> new BlogPages.Tag((Integer) row.get(0), (String) row.get(1))).toList();
            assertEquals(view.tags(), tags, "tags of post " + view.post().id());
        }
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void join_for_authors_returns_the_authors_the_loop_fetched(EntryPoint entry) throws Exception {
        List<List<BlogPages.PostView>> loop = new ArrayList<>();
        ScopeReport report = inScope(entry, dataSource -> loop.add(BlogPages.authorsInLoop(dataSource)));

        assertAuthorJoinReturnsTheLoopsAuthors(finding(report, DetectionScenariosTest.AUTHOR_SHAPE), loop.get(0));
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void join_for_authors_looked_up_with_inlined_literals_returns_the_same_authors(EntryPoint entry) throws Exception {
        List<List<BlogPages.PostView>> loop = new ArrayList<>();
        ScopeReport report = inScope(entry, dataSource -> loop.add(BlogPages.authorsWithInlineLiterals(dataSource)));

        assertAuthorJoinReturnsTheLoopsAuthors(finding(report, DetectionScenariosTest.AUTHOR_SHAPE), loop.get(0));
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void in_query_for_tags_returns_each_posts_tags(EntryPoint entry) throws Exception {
        List<List<BlogPages.PostView>> loop = new ArrayList<>();
        ScopeReport report = inScope(entry, dataSource -> loop.add(BlogPages.tagsInLoop(dataSource)));

        Finding finding = finding(report, DetectionScenariosTest.TAGS_SHAPE);
        assertEquals("select pt.post_id, t.id, t.name from blog_tag t join blog_post_tags pt on pt.tag_id = t.id"
                + " where pt.post_id in (?, ?, ...) order by t.id", finding.suggestion().sql());
        assertTagBatchReturnsTheLoopsTags(finding, loop.get(0), List.of());
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void interleaved_loops_get_a_join_and_an_in_query_that_together_return_the_page(EntryPoint entry) throws Exception {
        List<List<BlogPages.PostView>> loop = new ArrayList<>();
        ScopeReport report = inScope(entry, dataSource -> loop.add(BlogPages.authorsAndTagsInLoop(dataSource)));

        Finding authors = finding(report, DetectionScenariosTest.AUTHOR_SHAPE);
        Finding tags = finding(report, DetectionScenariosTest.TAGS_SHAPE);
        assertEquals(Finding.Strategy.JOIN, authors.suggestion().strategy());
        assertEquals(Finding.Strategy.BATCH_IN, tags.suggestion().strategy());
        List<List<Object>> joined = run(authors.suggestion().sql(), List.of());
        assertEquals(SeedDatabase.POSTS, joined.size());
        Map<Object, List<List<Object>>> byPost = runBatch(tags.suggestion(),
                distinct(loop.get(0), view -> view.post().id()), List.of());
        for (int i = 0; i < joined.size(); i++) {
            BlogPages.PostView view = loop.get(0).get(i);
            assertEquals(view.author().name(), joined.get(i).get(4));
            assertEquals(view.tags().size(), byPost.get(view.post().id()).size());
        }
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void filtered_tag_lookup_keeps_its_filter_in_the_in_query(EntryPoint entry) throws Exception {
        List<List<BlogPages.PostView>> loop = new ArrayList<>();
        ScopeReport report = inScope(entry, dataSource -> loop.add(BlogPages.pythonTagsInLoop(dataSource)));

        Finding finding = finding(report, "select t.id, t.name from blog_tag t join blog_post_tags pt on pt.tag_id = t.id"
                + " where pt.post_id = ? and t.name = ? order by t.id");
        // the loop wrote 'python' into its SQL: the rewrite keeps it (a ? there would be a value nobody binds)
        assertEquals("select pt.post_id, t.id, t.name from blog_tag t join blog_post_tags pt on pt.tag_id = t.id"
                + " where pt.post_id in (?, ?, ...) and t.name = 'python' order by t.id", finding.suggestion().sql());
        assertTagBatchReturnsTheLoopsTags(finding, loop.get(0), List.of());
        assertTrue(loop.get(0).stream().anyMatch(view -> view.tags().isEmpty()), "the filter must exclude some posts");
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void chain_gets_an_in_query_per_level_and_a_combined_join_that_returns_the_whole_chain(EntryPoint entry) throws Exception {
        List<List<CompanyPages.EmployeeView>> loop = new ArrayList<>();
        ScopeReport report = inScope(entry, dataSource -> loop.add(CompanyPages.cityAndCountryChain(dataSource)));
        List<CompanyPages.EmployeeView> views = loop.get(0);

        Finding city = finding(report, "select c.id, c.name, c.country_id from city c where c.id = ?");
        assertParent(city, CompanyPages.EMPLOYEES_SQL, "city_id", SeedDatabase.EMPLOYEES);
        assertSuggestion(city, Finding.Strategy.BATCH_IN, 31, 2);
        assertTrue(city.suggestion().reason().contains("30 parent rows share 6 keys"), city.suggestion().reason());
        Map<Object, List<List<Object>>> cities = runBatch(city.suggestion(), distinct(views, v -> v.city().id()), List.of());
        Finding country = finding(report, "select co.id, co.name from country co where co.id = ?");
        assertParent(country, "select c.id, c.name, c.country_id from city c where c.id = ?", "country_id",
                SeedDatabase.EMPLOYEES);
        assertSuggestion(country, Finding.Strategy.BATCH_IN, 60, 31);
        assertTrue(country.suggestion().reason().contains("one IN query per level takes 61 queries -> 3"),
                country.suggestion().reason());
        Finding.Chain chain = country.suggestion().chain();
        assertEquals(new Finding.Chain("select e.id, e.name, e.city_id, e.department_id, c.id as c_id, c.name as c_name,"
                + " c.country_id, co.id as co_id, co.name as co_name from employee e left join city c on c.id = e.city_id"
                + " left join country co on co.id = c.country_id order by e.id", 61, 1), chain);
        List<List<Object>> joined = run(chain.sql(), List.of());
        assertEquals(views.size(), joined.size());
        for (int i = 0; i < views.size(); i++) {
            List<Object> row = joined.get(i);
            assertEquals(views.get(i).city(), new CompanyPages.City((Integer) row.get(4), (String) row.get(5), (Integer) row.get(6)));
            assertEquals(views.get(i).country(), new CompanyPages.Country((Integer) row.get(7), (String) row.get(8)));
        }
        Map<Object, List<List<Object>>> countries = runBatch(country.suggestion(),
                distinct(views, v -> v.country().id()), List.of());
        for (CompanyPages.EmployeeView view : views) {
            List<Object> cityRow = cities.get(view.city().id()).get(0);
            assertEquals(view.city(), new CompanyPages.City(view.city().id(), (String) cityRow.get(0), (Integer) cityRow.get(1)));
            assertEquals(view.country().name(), countries.get(view.country().id()).get(0).get(0));
        }
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reverse_foreign_key_gets_one_in_query_returning_each_departments_employees(EntryPoint entry) throws Exception {
        List<List<CompanyPages.DepartmentView>> loop = new ArrayList<>();
        ScopeReport report = inScope(entry, dataSource -> loop.add(CompanyPages.employeesPerDepartment(dataSource)));

        Finding finding = finding(report, CompanyPages.EMPLOYEES_OF_SQL);
        assertParent(finding, CompanyPages.DEPARTMENTS_SQL, "id", SeedDatabase.DEPARTMENTS);
        assertSuggestion(finding, Finding.Strategy.BATCH_IN, 5, 2);
        List<Object> keys = distinct(loop.get(0), view -> view.department().id());
        List<List<Object>> rows = run(finding.suggestion().sqlFor(keys.size()), keys);
        for (CompanyPages.DepartmentView view : loop.get(0)) {
            List<CompanyPages.Employee> employees = rows.stream().filter(row -> row.get(3).equals(view.department().id()))
                    .map(row -> new CompanyPages.Employee((Integer) row.get(0), (String) row.get(1),
                            (Integer) row.get(2), (Integer) row.get(3))).toList();
            assertEquals(view.employees(), employees);
        }
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void deferred_column_reread_per_row_is_fixed_by_selecting_it_in_the_parent(EntryPoint entry) throws Exception {
        List<List<CompanyPages.Employee>> loop = new ArrayList<>();
        ScopeReport report = inScope(entry, dataSource -> loop.add(CompanyPages.deferredDepartmentPerEmployee(dataSource)));

        Finding finding = finding(report, CompanyPages.DEFERRED_SQL);
        assertParent(finding, CompanyPages.EMPLOYEE_NAMES_SQL, "id", SeedDatabase.EMPLOYEES);
        assertSuggestion(finding, Finding.Strategy.JOIN, 31, 1);
        assertEquals("select e.id, e.name, e.department_id from employee e order by e.id", finding.suggestion().sql());
        List<List<Object>> rows = run(finding.suggestion().sql(), List.of());
        List<CompanyPages.Employee> rewritten = rows.stream().map(row -> new CompanyPages.Employee((Integer) row.get(0),
                (String) row.get(1), 0, (Integer) row.get(2))).toList();
        assertEquals(loop.get(0), rewritten);
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void loop_without_a_parent_in_scope_gets_an_in_query_over_the_collected_keys(EntryPoint entry) throws Exception {
        ScopeReport report = inScope(entry, dataSource -> BlogPages.authorsFromTwoPlaces(dataSource, 3));

        for (Finding finding : report.findings()) {
            assertEquals(Finding.Confidence.UNPARENTED, finding.confidence());
            assertEquals(null, finding.parent());
            assertSuggestion(finding, Finding.Strategy.BATCH_IN, 3, 1);
        }
        List<List<Object>> rows = run(report.findings().get(0).suggestion().sqlFor(3), List.of(1, 2, 3));
        assertEquals(List.of(List.of(1, "Author 1"), List.of(2, "Author 2"), List.of(3, "Author 3")), rows);
    }
}
