package dev.nplusone.scenarios;

import dev.nplusone.NPlusOne;
import dev.nplusone.Scope;
import dev.nplusone.ScopeReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** One author lookup run from two call sites of a page: a loop and a sidebar. */
public final class TwoSitePage {
    public static final String AUTHOR_SQL = "select a.id, a.name from blog_author a where a.id = ?";

    private TwoSitePage() {
    }

    /** {@code loops} author lookups in a loop, then {@code sidebar} in a sidebar, or both in each iteration. */
    public static ScopeReport page(DataSource dataSource, int loops, int sidebar, boolean interleaved)
            throws SQLException {
        return page(NPlusOne.scope("page"), dataSource, loops, sidebar, interleaved);
    }

    /** The same page in a scope the caller opened (a test's, say). */
    public static ScopeReport page(Scope scope, DataSource dataSource, int loops, int sidebar, boolean interleaved)
            throws SQLException {
        try (scope; Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(AUTHOR_SQL)) {
            for (int i = 0; i < loops; i++) {
                inLoop(statement, i % SeedDatabase.AUTHORS + 1);
                if (interleaved) {
                    inSidebar(statement, i % SeedDatabase.AUTHORS + 1);
                }
            }
            for (int i = 0; !interleaved && i < sidebar; i++) {
                inSidebar(statement, i % SeedDatabase.AUTHORS + 1);
            }
        }
        return scope.report();
    }

    /**
     * Each finding as its call site's method and its executions: {@code inLoop 100}, or
     * {@code inLoop ~103 (68 walked)} when the count is an estimate.
     */
    public static List<String> bySite(ScopeReport report) {
        return report.findings().stream()
                .map(f -> f.callSite().replaceAll(".*\\.(\\w+)\\(.*", "$1") + " "
                        + (f.executionsEstimated() ? "~" + f.executions() + " (" + f.walkedExecutions() + " walked)"
                        : f.executions()))
                .sorted().toList();
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
