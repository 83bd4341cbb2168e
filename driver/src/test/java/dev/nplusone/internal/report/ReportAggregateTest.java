package dev.nplusone.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.internal.scope.ScopeActivity;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportAggregateTest {
    static ClosedScope scope(String name, ReportedFinding... findings) {
        return scope(name, "http", findings);
    }

    static ClosedScope scope(String name, String kind, ReportedFinding... findings) {
        return new ClosedScope(name, kind, 10, false, List.of(findings), new ScopeActivity(1_000, 0, 0,
                List.of(new ScopeActivity.ShapeTotal("select 1", "SELECT", 1, 1, 1_000)),
                List.of(new ScopeActivity.Execution(0, 0, 1_000)), 10));
    }

    @Test
    void memory_stays_bounded_whatever_the_number_of_scope_names_and_findings() {
        ReportAggregate aggregate = new ReportAggregate();
        for (int i = 0; i < 10_000; i++) {
            aggregate.add(scope("GET /page" + i, SarifReportTest.finding(String.format("%016x", i), "N_PLUS_ONE",
                    "com.acme.A.a(A.java:1)")));
        }

        assertEquals(10_000, aggregate.scopes(), "every scope counted");
        assertEquals(ReportAggregate.MAX_SCOPE_ROWS + 1, aggregate.rows().size(), "a row per name, then one for the rest");
        assertTrue(aggregate.rows().stream().anyMatch(row -> row.name().equals(ReportAggregate.OTHER)
                && row.count() == 10_000 - ReportAggregate.MAX_SCOPE_ROWS));
        assertEquals(ReportAggregate.MAX_FINDINGS, aggregate.findings().size());
        assertEquals(10_000 - ReportAggregate.MAX_FINDINGS, aggregate.findingsDropped());
        assertEquals(ReportAggregate.MAX_TIMELINES, aggregate.timelines().size());
    }

    @Test
    void one_finding_in_many_scopes_is_one_summary_with_its_totals_and_a_bounded_list_of_names() {
        ReportAggregate aggregate = new ReportAggregate();
        ReportedFinding finding = SarifReportTest.finding("00000000000000a1", "N_PLUS_ONE", "com.acme.A.a(A.java:1)");
        for (int i = 0; i < 50; i++) {
            aggregate.add(scope("GET /page" + i, finding));
        }

        ReportAggregate.FindingSummary summary = aggregate.findings().get(0);
        assertEquals(1, aggregate.findings().size());
        assertEquals(50, summary.scopes());
        assertEquals(50 * 50, summary.totalExecutions());
        assertEquals(50 * 4_000_000L, summary.totalNanos());
        assertEquals(ReportAggregate.MAX_SCOPE_NAMES_PER_FINDING, summary.scopeNames().size());
        assertTrue(summary.moreScopeNames());
    }

    @Test
    void pool_checkouts_are_one_row_per_data_source_and_leave_room_for_the_routes() {
        ReportAggregate aggregate = new ReportAggregate();
        ReportedFinding finding = SarifReportTest.finding("00000000000000b2", "N_PLUS_ONE", "com.acme.B.b(B.java:2)");
        for (int i = 0; i < ReportAggregate.MAX_SCOPE_ROWS + 1_000; i++) {
            aggregate.add(scope("connection " + i + " (orders)", "connection", finding));
        }
        aggregate.add(scope("GET /orders", "http", finding));

        List<ReportAggregate.ScopeRow> rows = aggregate.rows();
        assertEquals(2, rows.size(), "one row for the pool's checkouts, one for the route");
        assertEquals(List.of("GET /orders", "connection (orders)"),
                rows.stream().map(ReportAggregate.ScopeRow::name).sorted().toList(), "no row of other scopes");
        assertEquals(ReportAggregate.MAX_SCOPE_ROWS + 1_000,
                rows.stream().filter(row -> row.kind().equals("connection")).findFirst().orElseThrow().count());
        assertEquals(List.of("connection (orders)", "GET /orders"),
                List.copyOf(aggregate.findings().get(0).scopeNames()), "each checkout is not a name of its own");
        assertEquals(2, aggregate.timelines().size(), "the route's timeline has its slot");
    }
}
