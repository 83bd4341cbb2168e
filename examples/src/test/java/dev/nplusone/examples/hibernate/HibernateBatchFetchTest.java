package dev.nplusone.examples.hibernate;

import static dev.nplusone.examples.hibernate.HibernateFixture.inScope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.NPlusOne;
import dev.nplusone.ScopeReport;
import dev.nplusone.ShapeStats;
import dev.nplusone.scenarios.SeedDatabase;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code hibernate.default_batch_fetch_size}: Hibernate loads lazy associations with an IN list of the batch
 * size, padding the last one with {@code setNull} slots; on PostgreSQL with one array bound to
 * {@code = any (?)}. Those are batched loads, never an N+1, however often they repeat.
 */
class HibernateBatchFetchTest {
    static final int BATCH = 16;

    static SeedDatabase database;
    static BindRecorder binds;
    static SessionFactory sessions;

    @BeforeAll
    static void start() {
        database = SeedDatabase.create();
        binds = new BindRecorder();
        sessions = HibernateBoot.sessionFactory(NPlusOne.wrap(binds.around(database.raw())),
                Map.of("hibernate.default_batch_fetch_size", BATCH));
    }

    @AfterAll
    static void stop() {
        sessions.close();
        database.close();
    }

    @BeforeEach
    void forget() {
        binds.executions.clear();
    }

    /** PostgreSQL's Hibernate dialect batch-fetches with one array parameter instead of a padded IN list. */
    static final boolean ARRAYS = SeedDatabase.Vendor.current() == SeedDatabase.Vendor.POSTGRESQL;

    static List<BindRecorder.Execution> inLists() {
        return binds.executions.stream().filter(e -> e.sql().contains(" in (") || e.sql().contains(" any (")).toList();
    }

    /** Each batch binds the batch size (padded with nulls), or one array on PostgreSQL. */
    static void assertPadded(List<BindRecorder.Execution> batches, int keys) {
        assertTrue(batches.stream().allMatch(e -> e.binds() == (ARRAYS ? 1 : BATCH)), batches::toString);
        assertEquals(ARRAYS ? 0 : batches.size() * BATCH - keys,
                batches.stream().mapToInt(BindRecorder.Execution::nulls).sum(), "the last batch is padded with setNull");
    }

    @Test
    void reports_nothing_for_authors_loaded_in_padded_in_lists() {
        ScopeReport report = inScope(() -> new HibernateBlogPages(sessions).authorsInLoop());

        assertEquals(List.of(), report.findings());
        ShapeStats authors = report.shapes().get(1);
        assertTrue(authors.sql().startsWith("select a1_0.id, a1_0.email, a1_0.name from blog_author a1_0"
                + (ARRAYS ? " where a1_0.id = any (?)" : " where a1_0.id in (?+)")), authors.sql());
        assertEquals(2, authors.executions(), "20 authors in batches of 16");
        List<BindRecorder.Execution> batches = inLists();
        assertEquals(2, batches.size());
        assertPadded(batches, SeedDatabase.AUTHORS);
    }

    @Test
    void reports_nothing_for_tags_loaded_in_padded_in_lists() {
        ScopeReport report = inScope(() -> new HibernateBlogPages(sessions).tagsInLoop());

        assertEquals(List.of(), report.findings());
        assertEquals(1 + 4, report.statements(), "50 posts' tags in batches of 16");
        List<BindRecorder.Execution> batches = inLists();
        assertEquals(4, batches.size());
        assertPadded(batches, SeedDatabase.POSTS);
    }

    @Test
    void reports_nothing_for_the_chain_loaded_level_by_level() {
        ScopeReport report = inScope(() -> new HibernateCompanyPages(sessions).cityAndCountryChain());

        assertEquals(List.of(), report.findings());
        assertEquals(3, report.statements(), "employees, then one padded IN per level");
    }

    @Test
    void reports_nothing_for_employees_per_department_loaded_in_one_padded_in_list() {
        ScopeReport report = inScope(() -> new HibernateCompanyPages(sessions).employeesPerDepartment());

        assertEquals(List.of(), report.findings());
        assertEquals(2, report.statements());
        assertPadded(inLists(), SeedDatabase.DEPARTMENTS);
    }
}
