package dev.nplusone.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.Finding;
import dev.nplusone.NPlusOne;
import dev.nplusone.Scope;
import dev.nplusone.ScopeReport;
import java.sql.Connection;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The seed articles' scenarios, each written once and run through every in-process entry point, with the
 * exact figures of each verdict pinned.
 */
class DetectionScenariosTest {
    static final String AUTHOR_SHAPE = "select a.id, a.name from blog_author a where a.id = ?";
    static final String TAGS_SHAPE = "select t.id, t.name from blog_tag t join blog_post_tags pt on pt.tag_id = t.id"
            + " where pt.post_id = ? order by t.id";

    @RegisterExtension
    static final PerClassDatabase DATABASE = new PerClassDatabase();

    interface Page {
        void run(DataSource dataSource) throws Exception;
    }

    static ScopeReport inScope(EntryPoint entry, Page page) throws Exception {
        return inScope(DATABASE.get(), entry, page);
    }

    static ScopeReport inScope(SeedDatabase database, EntryPoint entry, Page page) throws Exception {
        try (EntryPoint.Watched watched = entry.open(database)) {
            Scope scope = NPlusOne.scope("scenario");
            try (scope) {
                page.run(watched.dataSource());
            }
            return scope.report();
        }
    }

    static Finding only(ScopeReport report, Finding.Kind kind) {
        assertEquals(1, report.findings().size(), () -> "expected one finding, got " + report.findings());
        Finding finding = report.findings().get(0);
        assertEquals(kind, finding.kind());
        return finding;
    }

    static List<Finding> bySql(ScopeReport report) {
        return report.findings().stream().sorted(Comparator.comparing(Finding::sql)).toList();
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reports_n_plus_one_when_each_post_loads_its_author(EntryPoint entry) throws Exception {
        ScopeReport report = inScope(entry, BlogPages::authorsInLoop);

        Finding finding = only(report, Finding.Kind.N_PLUS_ONE);
        assertEquals(51, report.statements());
        assertEquals(50, finding.executions());
        assertEquals(SeedDatabase.AUTHORS, finding.distinctKeys());
        assertEquals(1, finding.maxRows());
        assertEquals(AUTHOR_SHAPE, finding.sql());
        assertEquals(CallSites.of(BlogPages.class, "author"), finding.callSite());
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reports_n_plus_one_when_each_post_loads_its_tags_through_the_join_table(EntryPoint entry) throws Exception {
        ScopeReport report = inScope(entry, BlogPages::tagsInLoop);

        Finding finding = only(report, Finding.Kind.N_PLUS_ONE);
        assertEquals(50, finding.executions());
        assertEquals(50, finding.distinctKeys());
        assertEquals(5, finding.maxRows());
        assertEquals(TAGS_SHAPE, finding.sql());
        assertEquals(CallSites.of(BlogPages.class, "tagQuery"), finding.callSite());
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reports_two_findings_when_author_and_tag_loops_interleave(EntryPoint entry) throws Exception {
        ScopeReport report = inScope(entry, BlogPages::authorsAndTagsInLoop);

        assertEquals(101, report.statements());
        List<Finding> findings = bySql(report);
        assertEquals(2, findings.size(), () -> "findings: " + findings);
        assertEquals(AUTHOR_SHAPE, findings.get(0).sql());
        assertEquals(50, findings.get(0).executions());
        assertEquals(20, findings.get(0).distinctKeys());
        assertEquals(TAGS_SHAPE, findings.get(1).sql());
        assertEquals(50, findings.get(1).executions());
        assertEquals(50, findings.get(1).distinctKeys());
        assertTrue(findings.stream().allMatch(f -> f.kind() == Finding.Kind.N_PLUS_ONE));
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reports_nothing_for_the_page_done_with_a_join_and_one_in_query(EntryPoint entry) throws Exception {
        ScopeReport report = inScope(entry, BlogPages::doneRight);

        assertEquals(2, report.statements());
        assertEquals(List.of(), report.findings());
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reports_each_level_of_the_employee_city_country_chain(EntryPoint entry) throws Exception {
        ScopeReport report = inScope(entry, CompanyPages::cityAndCountryChain);

        List<Finding> findings = bySql(report);
        assertEquals(2, findings.size(), () -> "findings: " + findings);
        Finding city = findings.get(0);
        assertEquals("select c.id, c.name, c.country_id from city c where c.id = ?", city.sql());
        assertEquals(30, city.executions());
        assertEquals(SeedDatabase.CITIES, city.distinctKeys());
        Finding country = findings.get(1);
        assertEquals("select co.id, co.name from country co where co.id = ?", country.sql());
        assertEquals(30, country.executions());
        assertEquals(SeedDatabase.COUNTRIES, country.distinctKeys());
        assertEquals(CallSites.of(CompanyPages.class, "lookup"), city.callSite());
        assertEquals(city.callSite(), country.callSite());
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reports_the_reverse_foreign_key_loop_over_departments(EntryPoint entry) throws Exception {
        ScopeReport report = inScope(entry, CompanyPages::employeesPerDepartment);

        Finding finding = only(report, Finding.Kind.N_PLUS_ONE);
        assertEquals(SeedDatabase.DEPARTMENTS, finding.executions());
        assertEquals(SeedDatabase.DEPARTMENTS, finding.distinctKeys());
        assertEquals(8, finding.maxRows());
        assertEquals(CallSites.of(CompanyPages.class, "employeesPerDepartment"), finding.callSite());
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reports_the_only_defer_trap_of_reloading_each_row_for_a_deferred_column(EntryPoint entry) throws Exception {
        ScopeReport report = inScope(entry, CompanyPages::deferredDepartmentPerEmployee);

        Finding finding = only(report, Finding.Kind.N_PLUS_ONE);
        assertEquals("select id, department_id from employee where id = ?", finding.sql());
        assertEquals(SeedDatabase.EMPLOYEES, finding.executions());
        assertEquals(SeedDatabase.EMPLOYEES, finding.distinctKeys());
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reports_the_filter_after_prefetch_trap_with_its_filter_in_the_fingerprint(EntryPoint entry) throws Exception {
        ScopeReport report = inScope(entry, BlogPages::pythonTagsInLoop);

        Finding finding = only(report, Finding.Kind.N_PLUS_ONE);
        assertEquals("select t.id, t.name from blog_tag t join blog_post_tags pt on pt.tag_id = t.id"
                + " where pt.post_id = ? and t.name = ? order by t.id", finding.sql());
        assertEquals(50, finding.executions());
        assertEquals(50, finding.distinctKeys());
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reports_a_loop_of_statements_with_inlined_literals_as_one_shape(EntryPoint entry) throws Exception {
        ScopeReport report = inScope(entry, BlogPages::authorsWithInlineLiterals);

        Finding finding = only(report, Finding.Kind.N_PLUS_ONE);
        assertEquals(AUTHOR_SHAPE, finding.sql());
        assertEquals(50, finding.executions());
        assertEquals(SeedDatabase.AUTHORS, finding.distinctKeys());
        assertEquals(CallSites.of(BlogPages.class, "authorInline"), finding.callSite());
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reports_nothing_for_batched_in_chunks_of_16_repeated(EntryPoint entry) throws Exception {
        ScopeReport report = inScope(entry, dataSource -> BlogPages.postsInChunks(dataSource, 16));

        assertEquals(4, report.statements());
        assertEquals(4, report.shapes().get(0).executions());
        assertEquals(List.of(), report.findings());
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reports_nothing_for_a_keyset_pagination_loop(EntryPoint entry) throws Exception {
        ScopeReport report = inScope(entry, dataSource -> BlogPages.keysetPages(dataSource, 10));

        assertEquals(6, report.statements());
        assertEquals(List.of(), report.findings());
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reports_nothing_when_two_call_sites_each_stay_below_the_threshold(EntryPoint entry) throws Exception {
        ScopeReport report = inScope(entry, dataSource -> BlogPages.authorsFromTwoPlaces(dataSource, 2));

        assertEquals(4, report.statements());
        assertEquals(2, report.shapes().get(0).callSites());
        assertEquals(List.of(), report.findings());
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void counts_the_distinct_keys_of_a_shape_across_call_sites_that_share_keys(EntryPoint entry) throws Exception {
        ScopeReport report = inScope(entry, dataSource -> {
            try (Connection connection = dataSource.getConnection()) {
                for (int id = 1; id <= 3; id++) {
                    BlogPages.author(connection, id);
                    BlogPages.authorForSidebar(connection, id + 1);
                }
            }
        });

        assertEquals(2, report.shapes().get(0).callSites());
        assertEquals(6, report.shapes().get(0).executions());
        assertEquals(4, report.shapes().get(0).distinctKeys(), "ids 1-3 from one site, 2-4 from the other");
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reports_one_finding_per_call_site_once_each_reaches_the_threshold(EntryPoint entry) throws Exception {
        ScopeReport report = inScope(entry, dataSource -> BlogPages.authorsFromTwoPlaces(dataSource, 3));

        List<Finding> findings = report.findings().stream().sorted(Comparator.comparing(Finding::callSite)).toList();
        assertEquals(2, findings.size(), () -> "findings: " + findings);
        assertEquals(CallSites.of(BlogPages.class, "author"), findings.get(0).callSite());
        assertEquals(CallSites.of(BlogPages.class, "authorForSidebar"), findings.get(1).callSite());
        assertEquals(3, findings.get(0).executions());
        assertEquals(3, findings.get(1).executions());
    }

    @ParameterizedTest
    @EnumSource(EntryPoint.class)
    void reports_one_key_looked_up_repeatedly_as_duplicate_not_n_plus_one(EntryPoint entry) throws Exception {
        ScopeReport report = inScope(entry, dataSource -> BlogPages.sameAuthorRepeatedly(dataSource, 5));

        Finding finding = only(report, Finding.Kind.DUPLICATE);
        assertEquals(5, finding.executions());
        assertEquals(1, finding.distinctKeys());
        assertEquals(AUTHOR_SHAPE, finding.sql());
    }
}
