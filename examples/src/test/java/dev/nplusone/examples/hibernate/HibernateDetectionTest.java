package dev.nplusone.examples.hibernate;

import static dev.nplusone.examples.hibernate.HibernateFixture.inScope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.Finding;
import dev.nplusone.ScopeReport;
import dev.nplusone.scenarios.EntryPoint;
import dev.nplusone.scenarios.SeedDatabase;
import java.util.Comparator;
import java.util.List;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Real Hibernate ORM on H2, through every in-process way into nplusone: lazy associations in a loop are
 * N+1 findings with the right parent column, figures and cure; Hibernate's own cures are not. Hibernate loads
 * each to-one key once per session (the persistence context), so its figures are per distinct key.
 */
class HibernateDetectionTest {
    static final String POSTS_SQL = "select p1_0.id, p1_0.author_id, p1_0.content, p1_0.created_at, p1_0.title"
            + " from blog_post p1_0 order by p1_0.id";
    static final String AUTHOR_SQL = "select a1_0.id, a1_0.email, a1_0.name from blog_author a1_0 where a1_0.id = ?";
    static final String TAGS_SQL = "select t1_0.post_id, t1_1.id, t1_1.name from blog_post_tags t1_0"
            + " join blog_tag t1_1 on t1_1.id = t1_0.tag_id where t1_0.post_id = ? order by t1_0.tag_id";
    static final String EMPLOYEES_OF_SQL = "select e1_0.department_id, e1_0.id, e1_0.city_id, e1_0.name from employee e1_0"
            + " where e1_0.department_id = ? order by e1_0.id";
    static final String CITY_SQL = "select c1_0.id, c1_0.country_id, c1_0.name from city c1_0 where c1_0.id = ?";
    static final String COUNTRY_SQL = "select c1_0.id, c1_0.name from country c1_0 where c1_0.id = ?";
    static final int PAGE = 40;

    static HibernateFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new HibernateFixture();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    static Finding only(ScopeReport report) {
        assertEquals(1, report.findings().size(), () -> "expected one finding, got " + report.findings());
        Finding finding = report.findings().get(0);
        assertEquals(Finding.Kind.N_PLUS_ONE, finding.kind());
        return finding;
    }

    static Finding finding(ScopeReport report, String sql) {
        return report.findings().stream().filter(f -> f.sql().equals(sql)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding for " + sql + " in " + report.findings()));
    }

    static void assertParent(Finding finding, String sql, String column, int rows) {
        assertEquals(Finding.Confidence.CONFIRMED, finding.confidence());
        assertEquals(new Finding.Parent(sql, column, rows), finding.parent());
    }

    static void assertCure(Finding finding, Finding.Strategy strategy, int before, int after, String hintMentions) {
        Finding.Suggestion suggestion = finding.suggestion();
        assertNotNull(suggestion, () -> "no suggestion for " + finding);
        assertEquals(strategy, suggestion.strategy(), suggestion::toString);
        assertEquals(before, suggestion.queriesBefore(), suggestion::toString);
        assertEquals(after, suggestion.queriesAfter(), suggestion::toString);
        assertNotNull(suggestion.frameworkHint(), "a Hibernate hint");
        assertTrue(suggestion.frameworkHint().startsWith("Hibernate/JPA:"), suggestion.frameworkHint());
        assertTrue(suggestion.frameworkHint().contains(hintMentions), suggestion.frameworkHint());
    }

    static void assertLoopIn(Finding finding, Class<?> type) {
        assertTrue(finding.callSite().startsWith(type.getName() + "."), finding.callSite());
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reports_a_lazy_many_to_one_in_a_loop_once_per_distinct_author_and_suggests_a_join(EntryPoint entry) {
        SessionFactory sessions = fixture.sessions(entry);

        ScopeReport report = inScope(() -> new HibernateBlogPages(sessions).authorsInLoop());

        Finding finding = only(report);
        assertEquals(1 + SeedDatabase.AUTHORS, report.statements());
        assertEquals(SeedDatabase.AUTHORS, finding.executions(), "one load per distinct author, not per post");
        assertEquals(finding.executions(), finding.distinctKeys());
        assertEquals(1, finding.maxRows());
        assertEquals(AUTHOR_SQL, finding.sql());
        assertParent(finding, POSTS_SQL, "author_id", SeedDatabase.POSTS);
        assertCure(finding, Finding.Strategy.JOIN, 1 + SeedDatabase.AUTHORS, 1, "join fetch");
        assertEquals("select p1_0.id, p1_0.author_id, p1_0.content, p1_0.created_at, p1_0.title, a1_0.id as a1_0_id, a1_0.email,"
                + " a1_0.name from blog_post p1_0 left join blog_author a1_0 on a1_0.id = p1_0.author_id order by p1_0.id",
                finding.suggestion().sql());
        assertLoopIn(finding, HibernateBlogPages.class);
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reports_a_lazy_many_to_many_per_post_and_suggests_an_in_query(EntryPoint entry) {
        SessionFactory sessions = fixture.sessions(entry);

        ScopeReport report = inScope(() -> new HibernateBlogPages(sessions).tagsInLoop());

        Finding finding = only(report);
        assertEquals(SeedDatabase.POSTS, finding.executions());
        assertEquals(SeedDatabase.POSTS, finding.distinctKeys());
        assertEquals(5, finding.maxRows());
        assertEquals(TAGS_SQL, finding.sql());
        assertParent(finding, POSTS_SQL, "id", SeedDatabase.POSTS);
        assertCure(finding, Finding.Strategy.BATCH_IN, 1 + SeedDatabase.POSTS, 2, "@BatchSize");
        assertEquals("select t1_0.post_id, t1_1.id, t1_1.name from blog_post_tags t1_0 join blog_tag t1_1"
                + " on t1_1.id = t1_0.tag_id where t1_0.post_id in (?, ?, ...) order by t1_0.tag_id", finding.suggestion().sql());
        assertLoopIn(finding, HibernateBlogPages.class);
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reports_a_lazy_one_to_many_per_department_and_suggests_an_in_query(EntryPoint entry) {
        SessionFactory sessions = fixture.sessions(entry);

        ScopeReport report = inScope(() -> new HibernateCompanyPages(sessions).employeesPerDepartment());

        Finding finding = only(report);
        assertEquals(SeedDatabase.DEPARTMENTS, finding.executions());
        assertEquals(SeedDatabase.DEPARTMENTS, finding.distinctKeys());
        assertEquals(8, finding.maxRows());
        assertEquals(EMPLOYEES_OF_SQL, finding.sql());
        assertParent(finding, "select d1_0.id, d1_0.name from department d1_0 order by d1_0.id", "id",
                SeedDatabase.DEPARTMENTS);
        assertCure(finding, Finding.Strategy.BATCH_IN, 1 + SeedDatabase.DEPARTMENTS, 2, "default_batch_fetch_size");
        assertLoopIn(finding, HibernateCompanyPages.class);
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reports_both_loops_of_the_seed_page_each_with_its_own_cure(EntryPoint entry) {
        SessionFactory sessions = fixture.sessions(entry);

        ScopeReport report = inScope(() -> new HibernateBlogPages(sessions).authorsAndTagsInLoop());

        assertEquals(1 + SeedDatabase.AUTHORS + SeedDatabase.POSTS, report.statements());
        assertEquals(2, report.findings().size(), () -> "findings: " + report.findings());
        assertEquals(Finding.Strategy.JOIN, finding(report, AUTHOR_SQL).suggestion().strategy());
        assertEquals(Finding.Strategy.BATCH_IN, finding(report, TAGS_SQL).suggestion().strategy());
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void keeps_the_fetch_first_limit_of_a_paged_parent_in_the_join(EntryPoint entry) {
        SessionFactory sessions = fixture.sessions(entry);

        ScopeReport report = inScope(sessions, session -> session.createSelectionQuery("from Post p order by p.id", Post.class)
                .setMaxResults(PAGE).getResultList().forEach(post -> post.getAuthor().getName()));

        // The dialect writes the page's limit: MariaDB's is limit ?, H2's and PostgreSQL's fetch first.
        String limit = SeedDatabase.Vendor.current() == SeedDatabase.Vendor.MARIADB ? " limit ?" : " fetch first ? rows only";
        Finding finding = only(report);
        assertEquals(SeedDatabase.AUTHORS, finding.executions());
        assertParent(finding, POSTS_SQL + limit, "author_id", PAGE);
        assertCure(finding, Finding.Strategy.JOIN, 1 + SeedDatabase.AUTHORS, 1, "join fetch");
        assertTrue(finding.suggestion().sql().endsWith(" order by p1_0.id" + limit), finding.suggestion().sql());
        assertLoopIn(finding, HibernateDetectionTest.class);
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void prefers_an_in_query_where_many_employees_share_few_cities(EntryPoint entry) {
        SessionFactory sessions = fixture.sessions(entry);

        ScopeReport report = inScope(() -> new HibernateCompanyPages(sessions).cityAndCountryChain());

        assertEquals(1 + SeedDatabase.CITIES + SeedDatabase.COUNTRIES, report.statements());
        List<Finding> findings = report.findings().stream().sorted(Comparator.comparing(Finding::sql)).toList();
        assertEquals(2, findings.size(), () -> "findings: " + findings);
        Finding city = finding(report, CITY_SQL);
        assertEquals(SeedDatabase.CITIES, city.executions());
        assertEquals(SeedDatabase.CITIES, city.distinctKeys());
        assertParent(city, "select e1_0.id, e1_0.city_id, e1_0.department_id, e1_0.name from employee e1_0 order by e1_0.id",
                "city_id", SeedDatabase.EMPLOYEES);
        assertCure(city, Finding.Strategy.BATCH_IN, 1 + SeedDatabase.CITIES, 2, "default_batch_fetch_size");
        assertTrue(city.suggestion().reason().startsWith("30 parent rows share 6 keys"), city.suggestion().reason());
        // The countries' parent is the city lookup, itself a loop: a JOIN into it would keep that loop, so one
        // IN query per level, and the chain note gives the cure for both levels.
        Finding country = finding(report, COUNTRY_SQL);
        assertEquals(SeedDatabase.COUNTRIES, country.executions());
        assertEquals(SeedDatabase.COUNTRIES, country.distinctKeys());
        assertParent(country, CITY_SQL, "country_id", SeedDatabase.CITIES);
        assertCure(country, Finding.Strategy.BATCH_IN, SeedDatabase.CITIES + SeedDatabase.COUNTRIES,
                SeedDatabase.CITIES + 1, "join fetch");
        assertTrue(country.suggestion().reason().startsWith("its parent is itself a lookup repeated in a loop"),
                country.suggestion().reason());
        assertTrue(country.suggestion().reason().contains("takes 10 queries -> 3"), country.suggestion().reason());
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reports_a_projection_followed_by_a_find_per_row_as_rereading_the_parents_rows(EntryPoint entry) {
        SessionFactory sessions = fixture.sessions(entry);

        ScopeReport report = inScope(() -> new HibernateCompanyPages(sessions).deferredDepartmentPerEmployee());

        Finding finding = only(report);
        assertEquals(SeedDatabase.EMPLOYEES, finding.executions());
        assertEquals(SeedDatabase.EMPLOYEES, finding.distinctKeys());
        assertParent(finding, "select e1_0.id, e1_0.name from employee e1_0 order by e1_0.id", "id", SeedDatabase.EMPLOYEES);
        assertEquals(Finding.Strategy.JOIN, finding.suggestion().strategy());
        assertEquals("select e1_0.id, e1_0.name, e1_0.city_id, e1_0.department_id from employee e1_0 order by e1_0.id",
                finding.suggestion().sql());
        assertTrue(finding.suggestion().reason().contains("only()/defer()"), finding.suggestion().reason());
        // No association to fetch here: the hint says to select more in the first query.
        assertEquals("Hibernate/JPA: the first query selected some attributes, and each row is loaded again by id"
                + " (find/getReference): select the missing attribute in the first query, or query the entities",
                finding.suggestion().frameworkHint());
    }

    /**
     * The python tags of each post, after the tags were batch-fetched: the lookup's key is {@code p1_0.id} of
     * {@code blog_post}, and the post ids came from the posts query ({@code blog_post.id}) and again from the
     * batch fetch's {@code blog_post_tags.post_id}. Both explain every key; the very column the lookup filters
     * on wins over a foreign key named after one of its tables.
     */
    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void links_a_filtered_lookup_to_the_statement_whose_own_column_is_its_key(EntryPoint entry) {
        SessionFactory sessions = fixture.sessions(entry);

        ScopeReport report = inScope(() -> new HibernateBlogPages(sessions).pythonTagsInLoop());

        Finding finding = only(report);
        assertParent(finding, POSTS_SQL, "id", SeedDatabase.POSTS);
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void an_explicit_query_per_row_gets_one_query_for_every_key_not_a_fetch_plan(EntryPoint entry) {
        SessionFactory sessions = fixture.sessions(entry);

        Finding explicit = only(inScope(() -> new HibernateBlogPages(sessions).pythonTagsInLoop()));
        Finding lazy = only(inScope(() -> new HibernateBlogPages(sessions).tagsInLoop()));

        assertTrue(explicit.suggestion().frameworkHint().startsWith("Hibernate/JPA: the loop runs a query per row"
                + " (an explicit query, not lazy loading)"), explicit.suggestion().frameworkHint());
        assertTrue(lazy.suggestion().frameworkHint().contains("@BatchSize"), lazy.suggestion().frameworkHint());
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reports_nothing_for_join_fetch(EntryPoint entry) {
        HibernateBlogPages blog = new HibernateBlogPages(fixture.sessions(entry));

        ScopeReport report = inScope(blog::authorsWithJoinFetch);

        assertEquals(1, report.statements());
        assertEquals(List.of(), report.findings());
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reports_nothing_for_an_entity_graph(EntryPoint entry) {
        HibernateBlogPages blog = new HibernateBlogPages(fixture.sessions(entry));

        ScopeReport report = inScope(blog::authorsWithEntityGraph);

        assertEquals(1, report.statements());
        assertEquals(List.of(), report.findings());
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reports_nothing_for_the_chain_fetched_with_join_fetch(EntryPoint entry) {
        HibernateCompanyPages company = new HibernateCompanyPages(fixture.sessions(entry));

        ScopeReport report = inScope(company::chainWithJoinFetch);

        assertEquals(1, report.statements());
        assertEquals(List.of(), report.findings());
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reports_nothing_for_batch_size_on_the_collection(EntryPoint entry) {
        SessionFactory sessions = fixture.sessions(entry);

        ScopeReport report = inScope(sessions, session -> session.createSelectionQuery("from Author a order by a.id",
                Author.class).getResultList().forEach(author -> author.getPosts().size()));

        // @BatchSize(size = 16) on Author.posts: 20 authors' posts in 2 IN queries, not 20 lookups.
        assertEquals(3, report.statements());
        assertEquals(List.of(), report.findings());
        assertEquals(2, report.shapes().get(1).executions());
        String batch = report.shapes().get(1).sql();
        assertTrue(batch.contains(" in (?+)") || batch.contains(" = any (?)"), batch);
    }
}
