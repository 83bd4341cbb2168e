package dev.nplusone.examples.hibernate;

import static dev.nplusone.examples.hibernate.HibernateDetectionTest.AUTHOR_SQL;
import static dev.nplusone.examples.hibernate.HibernateDetectionTest.CITY_SQL;
import static dev.nplusone.examples.hibernate.HibernateDetectionTest.COUNTRY_SQL;
import static dev.nplusone.examples.hibernate.HibernateDetectionTest.EMPLOYEES_OF_SQL;
import static dev.nplusone.examples.hibernate.HibernateDetectionTest.PAGE;
import static dev.nplusone.examples.hibernate.HibernateDetectionTest.TAGS_SQL;
import static dev.nplusone.examples.hibernate.HibernateDetectionTest.finding;
import static dev.nplusone.examples.hibernate.HibernateFixture.observe;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nplusone.Finding;
import dev.nplusone.examples.hibernate.HibernateFixture.Observed;
import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.CompanyPages;
import dev.nplusone.scenarios.EntryPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A suggestion found in Hibernate's SQL (aliases such as {@code a1_0}, {@code fetch first ? rows only}) is only
 * worth printing if it is right: each one here runs on the same H2 database and returns exactly what the
 * Hibernate loop loaded, matched back to its parents.
 */
class HibernateSuggestionProofTest {
    static HibernateFixture fixture;
    static SessionFactory sessions;

    @BeforeAll
    static void start() {
        fixture = new HibernateFixture();
        sessions = fixture.sessions(EntryPoint.WRAPPER);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    /** Runs a BATCH_IN suggestion over {@code keys} (then {@code extra} binds); rows grouped by {@code keyColumn}. */
    static Map<Object, List<Map<String, Object>>> runBatch(Finding finding, List<?> keys, List<?> extra, String keyColumn)
            throws Exception {
        assertEquals(Finding.Strategy.BATCH_IN, finding.suggestion().strategy());
        List<Object> binds = new ArrayList<>(keys);
        binds.addAll(extra);
        Map<Object, List<Map<String, Object>>> byKey = new LinkedHashMap<>();
        for (Map<String, Object> row : fixture.run(finding.suggestion().sqlFor(keys.size()), binds)) {
            byKey.computeIfAbsent(row.get(keyColumn), k -> new ArrayList<>()).add(row);
        }
        return byKey;
    }

    static <T> List<Object> distinct(List<T> items, Function<T, Object> key) {
        return new ArrayList<>(new LinkedHashSet<>(items.stream().map(key).toList()));
    }

    static BlogPages.Tag tag(Map<String, Object> row) {
        return new BlogPages.Tag((Integer) row.get("blog_tag.id"), (String) row.get("blog_tag.name"));
    }

    @Test
    void join_for_lazy_authors_returns_each_posts_author() throws Exception {
        Observed<List<BlogPages.PostView>> loop = observe(() -> new HibernateBlogPages(sessions).authorsInLoop());

        Finding finding = finding(loop.report(), AUTHOR_SQL);
        assertEquals(Finding.Strategy.JOIN, finding.suggestion().strategy());
        List<Map<String, Object>> rows = fixture.run(finding.suggestion().sql(), List.of());
        assertEquals(loop.page().size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            BlogPages.PostView view = loop.page().get(i);
            assertEquals(view.post(), new BlogPages.Post((Integer) row.get("blog_post.id"), (String) row.get("blog_post.title"),
                    (Integer) row.get("blog_post.author_id")));
            assertEquals(view.author(), new BlogPages.Author((Integer) row.get("blog_author.id"),
                    (String) row.get("blog_author.name")));
        }
    }

    @Test
    void join_keeping_fetch_first_returns_the_authors_of_the_page() throws Exception {
        List<Object[]> page = new ArrayList<>();
        Observed<Boolean> loop = observe(() -> sessions.fromSession(session -> page.addAll(session
                .createSelectionQuery("from Post p order by p.id", Post.class).setMaxResults(PAGE).getResultList().stream()
                .map(post -> new Object[] {post.getId(), post.getAuthor().getName()}).toList())));

        Finding finding = finding(loop.report(), AUTHOR_SQL);
        List<Map<String, Object>> rows = fixture.run(finding.suggestion().sql(), List.of(PAGE));
        assertEquals(PAGE, rows.size());
        for (int i = 0; i < PAGE; i++) {
            assertEquals(page.get(i)[0], rows.get(i).get("blog_post.id"));
            assertEquals(page.get(i)[1], rows.get(i).get("blog_author.name"));
        }
    }

    @Test
    void in_query_for_lazy_tags_returns_each_posts_tags() throws Exception {
        Observed<List<BlogPages.PostView>> loop = observe(() -> new HibernateBlogPages(sessions).tagsInLoop());

        Map<Object, List<Map<String, Object>>> byPost = runBatch(finding(loop.report(), TAGS_SQL),
                distinct(loop.page(), view -> view.post().id()), List.of(), "blog_post_tags.post_id");
        for (BlogPages.PostView view : loop.page()) {
            assertEquals(view.tags(), byPost.get(view.post().id()).stream().map(HibernateSuggestionProofTest::tag).toList(),
                    "tags of post " + view.post().id());
        }
    }

    @Test
    void in_query_for_lazy_employees_returns_each_departments_employees() throws Exception {
        Observed<List<CompanyPages.DepartmentView>> loop =
                observe(() -> new HibernateCompanyPages(sessions).employeesPerDepartment());

        Map<Object, List<Map<String, Object>>> byDepartment = runBatch(finding(loop.report(), EMPLOYEES_OF_SQL),
                distinct(loop.page(), view -> view.department().id()), List.of(), "employee.department_id");
        for (CompanyPages.DepartmentView view : loop.page()) {
            List<CompanyPages.Employee> employees = byDepartment.get(view.department().id()).stream()
                    .map(row -> new CompanyPages.Employee((Integer) row.get("employee.id"), (String) row.get("employee.name"),
                            (Integer) row.get("employee.city_id"), (Integer) row.get("employee.department_id"))).toList();
            assertEquals(view.employees(), employees);
        }
    }

    @Test
    void in_queries_for_the_cities_and_their_countries_return_each_employees_city_and_country()
            throws Exception {
        Observed<List<CompanyPages.EmployeeView>> loop =
                observe(() -> new HibernateCompanyPages(sessions).cityAndCountryChain());

        Map<Object, List<Map<String, Object>>> cities = runBatch(finding(loop.report(), CITY_SQL),
                distinct(loop.page(), view -> view.city().id()), List.of(), "city.id");
        Finding country = finding(loop.report(), COUNTRY_SQL);
        assertEquals(Finding.Strategy.BATCH_IN, country.suggestion().strategy());
        Map<Object, List<Map<String, Object>>> countries = runBatch(country,
                distinct(loop.page(), view -> view.country().id()), List.of(), "country.id");
        for (CompanyPages.EmployeeView view : loop.page()) {
            Map<String, Object> city = cities.get(view.city().id()).get(0);
            assertEquals(view.city(), new CompanyPages.City((Integer) city.get("city.id"), (String) city.get("city.name"),
                    (Integer) city.get("city.country_id")));
            Map<String, Object> found = countries.get(view.country().id()).get(0);
            assertEquals(view.country(), new CompanyPages.Country((Integer) found.get("country.id"),
                    (String) found.get("country.name")));
        }
        // Both levels joined into the employee query: one statement for the whole chain.
        List<Map<String, Object>> chain = fixture.run(country.suggestion().chain().sql(), List.of());
        assertEquals(loop.page().size(), chain.size());
        for (int i = 0; i < chain.size(); i++) {
            assertEquals(loop.page().get(i).city().name(), chain.get(i).get("city.name"));
            assertEquals(loop.page().get(i).country().name(), chain.get(i).get("country.name"));
        }
    }

    @Test
    void filtered_in_query_keeps_the_filter_and_returns_each_posts_python_tags() throws Exception {
        Observed<List<BlogPages.PostView>> loop = observe(() -> new HibernateBlogPages(sessions).pythonTagsInLoop());

        Finding finding = loop.report().findings().get(0);
        assertEquals("select p1_0.id, t1_1.id, t1_1.name from blog_post p1_0 join blog_post_tags t1_0 on p1_0.id = t1_0.post_id"
                + " join blog_tag t1_1 on t1_1.id = t1_0.tag_id where p1_0.id in (?, ?, ...) and t1_1.name = ? order by t1_1.id",
                finding.suggestion().sql());
        Map<Object, List<Map<String, Object>>> byPost = runBatch(finding,
                distinct(loop.page(), view -> view.post().id()), List.of("python"), "blog_post.id");
        for (BlogPages.PostView view : loop.page()) {
            assertEquals(view.tags(), byPost.getOrDefault(view.post().id(), List.of()).stream()
                    .map(HibernateSuggestionProofTest::tag).toList(), "python tags of post " + view.post().id());
        }
    }

    @Test
    void widened_projection_returns_each_employees_department() throws Exception {
        Observed<List<CompanyPages.Employee>> loop =
                observe(() -> new HibernateCompanyPages(sessions).deferredDepartmentPerEmployee());

        Finding finding = loop.report().findings().get(0);
        List<CompanyPages.Employee> rewritten = fixture.run(finding.suggestion().sql(), List.of()).stream()
                .map(row -> new CompanyPages.Employee((Integer) row.get("employee.id"), (String) row.get("employee.name"), 0,
                        (Integer) row.get("employee.department_id"))).toList();
        assertEquals(loop.page(), rewritten);
    }
}
