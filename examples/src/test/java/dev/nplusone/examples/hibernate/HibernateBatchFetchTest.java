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
 * size, padding the last one with {@code setNull} slots. Those are batched loads, never an N+1, however often
 * they repeat.
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
    }

    @BeforeEach
    void forget() {
        binds.executions.clear();
    }

    static List<BindRecorder.Execution> inLists() {
        return binds.executions.stream().filter(e -> e.sql().contains(" in (")).toList();
    }

    @Test
    void reports_nothing_for_authors_loaded_in_padded_in_lists() {
        ScopeReport report = inScope(() -> new HibernateBlogPages(sessions).authorsInLoop());

        assertEquals(List.of(), report.findings());
        ShapeStats authors = report.shapes().get(1);
        assertTrue(authors.sql().startsWith("select a1_0.id, a1_0.email, a1_0.name from blog_author a1_0"
                + " where a1_0.id in (?+)"), authors.sql());
        assertEquals(2, authors.executions(), "20 authors in batches of 16");
        List<BindRecorder.Execution> batches = inLists();
        assertEquals(2, batches.size());
        assertTrue(batches.stream().allMatch(e -> e.binds() == BATCH), batches::toString);
        assertEquals(2 * BATCH - SeedDatabase.AUTHORS, batches.stream().mapToInt(BindRecorder.Execution::nulls).sum(),
                "the last batch is padded with setNull");
    }

    @Test
    void reports_nothing_for_tags_loaded_in_padded_in_lists() {
        ScopeReport report = inScope(() -> new HibernateBlogPages(sessions).tagsInLoop());

        assertEquals(List.of(), report.findings());
        assertEquals(1 + 4, report.statements(), "50 posts' tags in batches of 16");
        List<BindRecorder.Execution> batches = inLists();
        assertEquals(4, batches.size());
        assertEquals(4 * BATCH - SeedDatabase.POSTS, batches.stream().mapToInt(BindRecorder.Execution::nulls).sum());
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
        assertEquals(BATCH - SeedDatabase.DEPARTMENTS, inLists().get(0).nulls());
    }
}
