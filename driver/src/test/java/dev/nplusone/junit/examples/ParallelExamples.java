package dev.nplusone.junit.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nplusone.junit.NoNPlusOne;
import dev.nplusone.junit.RecordedQueries;
import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.CompanyPages;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * N+1 and clean tests that run at the same time: each does half its work, waits until all of them have done
 * theirs, then does the other half, so their statements interleave on a shared database. Each N+1 test runs its
 * page twice, so its finding must count exactly twice the page's lookups and name only its own statement;
 * each clean test must see exactly its own 4 statements.
 */
@Example
@NoNPlusOne
@Execution(ExecutionMode.CONCURRENT)
public class ParallelExamples {
    public static final int TESTS = 6;
    static final CyclicBarrier HALF_WAY = new CyclicBarrier(TESTS);
    static final DataSource DATA_SOURCE = ExampleData.watched();

    interface Page {
        void render(DataSource dataSource) throws Exception;
    }

    static void twiceMeetingHalfWay(Page page) throws Exception {
        page.render(DATA_SOURCE);
        HALF_WAY.await(20, TimeUnit.SECONDS);
        page.render(DATA_SOURCE);
    }

    @Test
    void authors_in_a_loop() throws Exception {
        twiceMeetingHalfWay(BlogPages::authorsInLoop);
    }

    @Test
    void clean_page_one(RecordedQueries queries) throws Exception {
        twiceMeetingHalfWay(BlogPages::doneRight);
        assertEquals(4, queries.statements());
    }

    @Test
    void tags_in_a_loop() throws Exception {
        twiceMeetingHalfWay(BlogPages::tagsInLoop);
    }

    @Test
    void clean_page_two(RecordedQueries queries) throws Exception {
        twiceMeetingHalfWay(BlogPages::doneRight);
        assertEquals(4, queries.statements());
    }

    @Test
    void employees_per_department() throws Exception {
        twiceMeetingHalfWay(CompanyPages::employeesPerDepartment);
    }

    @Test
    void clean_page_three(RecordedQueries queries) throws Exception {
        twiceMeetingHalfWay(BlogPages::doneRight);
        assertEquals(4, queries.statements());
    }
}
