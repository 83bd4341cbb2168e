package dev.nplusone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nplusone.scenarios.SeedDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What call-site sampling keeps exact. A shape's call site is walked for its first 64 executions in a scope;
 * if they all came from one site, only every 16th execution is walked afterwards and the others are counted
 * at the last site seen. Two sites seen early are counted exactly; a second site that first appears after
 * sampling began is counted at the first site until a walk lands on it (100 loop lookups then 10 sidebar
 * lookups report 110 at the loop and none at the sidebar). Totals per shape are always exact.
 */
class CallSiteSamplingTest {
    static final String AUTHOR_SQL = "select a.id, a.name from blog_author a where a.id = ?";
    static DataSource watched;

    @BeforeAll
    static void createDatabase() {
        watched = NPlusOne.wrap(SeedDatabase.create().raw());
    }

    @Test
    void two_call_sites_seen_within_the_first_executions_are_counted_exactly_however_long_the_scope() throws Exception {
        ScopeReport report = page(200, true);

        assertEquals(List.of("inLoop 200", "inSidebar 200"), bySite(report));
    }

    @Test
    void a_call_site_that_appears_after_sampling_began_loses_no_execution_from_the_shape_totals() throws Exception {
        ScopeReport report = page(100, false);

        assertEquals(110, report.statements());
        assertEquals(110, report.shapes().get(0).executions());
        assertEquals(110, report.findings().stream().mapToInt(Finding::executions).sum());
    }

    /** {@code loops} author lookups in a loop, then 10 in a sidebar, or both in each iteration. */
    static ScopeReport page(int loops, boolean interleaved) throws SQLException {
        Scope scope = NPlusOne.scope("page");
        try (scope; Connection connection = watched.getConnection();
             PreparedStatement statement = connection.prepareStatement(AUTHOR_SQL)) {
            for (int i = 0; i < loops; i++) {
                inLoop(statement, i % SeedDatabase.AUTHORS + 1);
                if (interleaved) {
                    inSidebar(statement, i % SeedDatabase.AUTHORS + 1);
                }
            }
            for (int i = 0; !interleaved && i < 10; i++) {
                inSidebar(statement, i + 1);
            }
        }
        return scope.report();
    }

    static List<String> bySite(ScopeReport report) {
        return report.findings().stream()
                .map(f -> f.callSite().replaceAll(".*\\.(\\w+)\\(.*", "$1") + " " + f.executions()).sorted().toList();
    }

    /** The call site is the frame that runs the statement, so each of these two is one. */
    static boolean inLoop(PreparedStatement statement, int id) throws SQLException {
        statement.setInt(1, id);
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next();
        }
    }

    static boolean inSidebar(PreparedStatement statement, int id) throws SQLException {
        statement.setInt(1, id);
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next();
        }
    }
}
