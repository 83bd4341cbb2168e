package dev.nplusone.scenarios.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.Finding;
import dev.nplusone.NPlusOne;
import dev.nplusone.Scope;
import dev.nplusone.internal.report.HumanReport;
import dev.nplusone.scenarios.PerClassDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** When no rewrite can be proven, the report says so and why, and prints no SQL. */
class NoRewriteTest {
    @RegisterExtension
    static final PerClassDatabase DATABASE = new PerClassDatabase();

    @Test
    void a_loop_that_varies_two_values_gets_no_rewrite_and_the_report_says_why() throws Exception {
        Scope scope = NPlusOne.scope("colleagues");
        try (Connection connection = NPlusOne.wrap(DATABASE.get().raw()).getConnection(); scope) {
            List<int[]> employees = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "select e.city_id, e.department_id from employee e order by e.id");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    employees.add(new int[] {rows.getInt(1), rows.getInt(2)});
                }
            }
            for (int[] employee : employees) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "select e.id from employee e where e.city_id = ? and e.department_id = ?")) {
                    statement.setInt(1, employee[0]);
                    statement.setInt(2, employee[1]);
                    statement.executeQuery().close();
                }
            }
        }
        Finding finding = scope.report().findings(Finding.Kind.N_PLUS_ONE).get(0);

        assertNull(finding.suggestion().sql());
        assertTrue(finding.suggestion().reason().startsWith("no rewrite: besides its key, the bound value"),
                finding.suggestion().reason());
        String report = HumanReport.format(finding, "colleagues");
        assertTrue(report.contains("  fix     : no rewrite: "), report);
        assertEquals(-1, report.indexOf("fix IN"), report);
    }
}
