package dev.nplusone.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nplusone.Finding;
import dev.nplusone.ScopeReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingsSinceStartTest {
    static final Finding AUTHORS = new Finding("00000000000000aa", Finding.Kind.N_PLUS_ONE,
            Finding.Confidence.CONFIRMED, 50, 20, 1, "select a.id, a.name from blog_author a where a.id = ?",
            "com.acme.PostPage.render(PostPage.java:57)", null, null, 38_000_000L, List.of());

    static ScopeReport scope(String name, String kind) {
        return new ScopeReport(name, kind, 51, List.of(AUTHORS), List.of(), false);
    }

    @Test
    void more_routes_counts_each_route_past_the_listed_ones_once_however_often_it_runs() {
        FindingsSinceStart findings = new FindingsSinceStart(FindingsSinceStart.DEFAULT_CAPACITY);
        try {
            for (int run = 0; run < 10; run++) {
                for (int route = 0; route < FindingsSinceStart.ROUTES_PER_FINDING + 3; route++) {
                    findings.accept(scope("GET /page" + route, "http"));
                }
            }

            FindingsSinceStart.Entry entry = findings.snapshot().findings().get(0);
            assertEquals(10L * (FindingsSinceStart.ROUTES_PER_FINDING + 3), entry.occurrences());
            assertEquals(FindingsSinceStart.ROUTES_PER_FINDING, entry.routes().size());
            assertEquals(3, entry.moreRoutes());
        } finally {
            findings.destroy();
        }
    }

    @Test
    void every_checkout_of_a_pool_is_one_route_named_after_its_data_source() {
        FindingsSinceStart findings = new FindingsSinceStart(FindingsSinceStart.DEFAULT_CAPACITY);
        try {
            for (int checkout = 0; checkout < 100; checkout++) {
                findings.accept(scope("connection " + checkout + " (orders)", "connection"));
            }
            findings.accept(scope("GET /orders", "http"));

            FindingsSinceStart.Entry entry = findings.snapshot().findings().get(0);
            assertEquals(List.of("connection (orders)", "GET /orders"), entry.routes());
            assertEquals(0, entry.moreRoutes());
        } finally {
            findings.destroy();
        }
    }
}
