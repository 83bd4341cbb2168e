package dev.nplusone.junit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nplusone.StatementType;
import dev.nplusone.junit.AllowNPlusOne;
import dev.nplusone.junit.NPlusOneExtension;
import dev.nplusone.junit.NoNPlusOne;
import dev.nplusone.junit.RecordedQueries;
import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.CompanyPages;
import dev.nplusone.scenarios.EntryPoint;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Test classes using the annotations, run by {@code NoNPlusOneTest} through EngineTestKit. */
public final class AnnotationExamples {
    static final DataSource DATA_SOURCE = ExampleData.watched();

    private AnnotationExamples() {
    }

    @Example
    @NoNPlusOne
    public static class PostsPage {
        @Test
        void authors_in_a_loop() throws Exception {
            BlogPages.authorsInLoop(DATA_SOURCE);
        }

        @Test
        void authors_and_tags_in_loops() throws Exception {
            BlogPages.authorsAndTagsInLoop(DATA_SOURCE);
        }

        @Test
        void done_right() throws Exception {
            BlogPages.doneRight(DATA_SOURCE);
        }

        @Test
        void same_author_again_and_again() throws Exception {
            BlogPages.sameAuthorRepeatedly(DATA_SOURCE, 5);
        }

        @Test
        void fails_on_its_own_and_has_a_loop() throws Exception {
            BlogPages.authorsInLoop(DATA_SOURCE);
            throw new IllegalStateException("the page broke");
        }
    }

    @Example
    @NoNPlusOne
    public static class LoopInFixture {
        @BeforeEach
        void load_authors_one_by_one() throws Exception {
            BlogPages.authorsInLoop(DATA_SOURCE);
        }

        @Test
        void done_right() throws Exception {
            BlogPages.doneRight(DATA_SOURCE);
        }
    }

    /** Four departments, one employee query each: a finding at a threshold of 4, none at 5. */
    @Example
    @NoNPlusOne(threshold = 5)
    public static class ThresholdOnAnnotation {
        @Test
        void four_lookups_under_the_class_threshold() throws Exception {
            CompanyPages.employeesPerDepartment(DATA_SOURCE);
        }

        @Test
        @NoNPlusOne(threshold = 4)
        void four_lookups_at_the_method_threshold() throws Exception {
            CompanyPages.employeesPerDepartment(DATA_SOURCE);
        }

        @Test
        @NoNPlusOne(threshold = 1)
        void threshold_of_one() throws Exception {
            BlogPages.doneRight(DATA_SOURCE);
        }

        @Nested
        class Inner {
            @Test
            void four_lookups_under_the_enclosing_threshold() throws Exception {
                CompanyPages.employeesPerDepartment(DATA_SOURCE);
            }
        }
    }

    @Example
    @NoNPlusOne
    public static class ThresholdFromConfiguration {
        @Test
        void four_lookups() throws Exception {
            CompanyPages.employeesPerDepartment(DATA_SOURCE);
        }
    }

    @Example
    @NoNPlusOne
    public static class Allowed {
        @Test
        @AllowNPlusOne(sql = "from blog_author a where a.id = ?", reason = "20 authors at most")
        void authors_allowed_by_sql() throws Exception {
            BlogPages.authorsInLoop(DATA_SOURCE);
        }

        @Test
        @AllowNPlusOne(callSite = "BlogPages.tagQuery", reason = "tags are cached in production")
        void tags_allowed_by_call_site() throws Exception {
            BlogPages.tagsInLoop(DATA_SOURCE);
        }

        @Test
        @AllowNPlusOne(sql = "FROM BLOG_AUTHOR \\w+ WHERE", reason = "a regular expression, any case")
        void authors_allowed_by_regex() throws Exception {
            BlogPages.authorsInLoop(DATA_SOURCE);
        }

        @Test
        @AllowNPlusOne(sql = "from blog_author", callSite = "CompanyPages", reason = "both must match")
        void sql_matches_but_call_site_does_not() throws Exception {
            BlogPages.authorsInLoop(DATA_SOURCE);
        }

        @Test
        @AllowNPlusOne(sql = "from blog_author", reason = "authors only")
        void tags_loop_not_allowed() throws Exception {
            BlogPages.authorsAndTagsInLoop(DATA_SOURCE);
        }

        @Test
        @AllowNPlusOne(sql = "from country", reason = "the country loop was removed long ago")
        void stale_allow() throws Exception {
            BlogPages.doneRight(DATA_SOURCE);
        }

        @Test
        @AllowNPlusOne(reason = "says why but not what")
        void allow_without_pattern() throws Exception {
            BlogPages.doneRight(DATA_SOURCE);
        }
    }

    @Example
    @NoNPlusOne
    @AllowNPlusOne(sql = "from blog_author", reason = "used by one test")
    @AllowNPlusOne(sql = "from country", reason = "used by no test")
    public static class AllowedOnClass {
        @Test
        void authors() throws Exception {
            BlogPages.authorsInLoop(DATA_SOURCE);
        }

        @Test
        void done_right() throws Exception {
            BlogPages.doneRight(DATA_SOURCE);
        }
    }

    @Example
    @NoNPlusOne
    public static class ThroughEveryEntryPoint {
        @ParameterizedTest
        @EnumSource(EntryPoint.class)
        void authors_in_a_loop(EntryPoint entry) throws Exception {
            try (EntryPoint.Watched watched = entry.open(ExampleData.seed())) {
                BlogPages.authorsInLoop(watched.dataSource());
            }
        }

        @ParameterizedTest
        @EnumSource(EntryPoint.class)
        void done_right(EntryPoint entry) throws Exception {
            try (EntryPoint.Watched watched = entry.open(ExampleData.seed())) {
                BlogPages.doneRight(watched.dataSource());
            }
        }
    }

    /** The code runs its SQL, but on a DataSource nobody watches: the class checked nothing. */
    @Example
    @NoNPlusOne
    public static class UnwatchedDataSource {
        @Test
        void authors_in_a_loop() throws Exception {
            BlogPages.authorsInLoop(ExampleData.seed().raw());
        }

        @Test
        void done_right() throws Exception {
            BlogPages.doneRight(ExampleData.seed().raw());
        }
    }

    @Example
    @NoNPlusOne(requireStatements = true)
    public static class UnwatchedDataSourceRequired {
        @Test
        void authors_in_a_loop() throws Exception {
            BlogPages.authorsInLoop(ExampleData.seed().raw());
        }
    }

    /** Registered alone, the extension records without failing. */
    @Example
    @ExtendWith(NPlusOneExtension.class)
    public static class RecordingOnly {
        @BeforeEach
        void not_yet_started(RecordedQueries queries) throws Exception {
            BlogPages.doneRight(DATA_SOURCE);
            assertThrows(IllegalStateException.class, queries::statements);
        }

        @Test
        void reads_counts_and_findings_while_running(RecordedQueries queries) throws Exception {
            assertEquals(0, queries.statements());
            BlogPages.authorsInLoop(DATA_SOURCE);
            assertEquals(51, queries.count(StatementType.SELECT));
            assertEquals(1, queries.findings().size());
            assertEquals(50, queries.findings().get(0).executions());
            BlogPages.doneRight(DATA_SOURCE);
            assertEquals(53, queries.statements());
            assertEquals(4, queries.shapes().size());
        }

        @AfterEach
        void sees_the_final_figures(RecordedQueries queries) {
            assertEquals(53, queries.statements());
        }
    }

    @Example
    @NoNPlusOne
    public static class InjectedIntoCheckedTest {
        @Test
        void done_right(RecordedQueries queries) throws Exception {
            BlogPages.doneRight(DATA_SOURCE);
            assertEquals(2, queries.count(StatementType.SELECT));
            assertEquals(0, queries.count(StatementType.INSERT));
        }
    }
}
