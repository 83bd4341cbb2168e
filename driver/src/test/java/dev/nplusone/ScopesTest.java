package dev.nplusone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.nplusone.internal.Engine;
import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.EntryPoint;
import dev.nplusone.scenarios.SeedDatabase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScopesTest {
    static SeedDatabase database;
    final List<ScopeReport> reports = new CopyOnWriteArrayList<>();
    final Consumer<ScopeReport> listener = reports::add;

    @BeforeAll
    static void createDatabase() {
        database = SeedDatabase.create();
    }

    @BeforeEach
    void listen() {
        Engine.get().addListener(listener);
    }

    @AfterEach
    void stopListening() {
        Engine.get().removeListener(listener);
    }

    List<ScopeReport> reportsOfKind(String kind) {
        return reports.stream().filter(r -> r.kind().equals(kind)).toList();
    }

    @Test
    void without_an_explicit_scope_each_connection_is_a_scope_reported_when_it_closes() throws Exception {
        BlogPages.authorsInLoop(NPlusOne.wrap(database.raw(), "blog"));

        List<ScopeReport> connections = reportsOfKind("connection");
        assertEquals(1, connections.size());
        assertTrue(connections.get(0).name().matches("connection \\d+ \\(blog\\)"), connections.get(0).name());
        assertEquals(51, connections.get(0).statements());
        assertEquals(50, connections.get(0).findings().get(0).executions());
    }

    @Test
    void each_checkout_from_a_wrapped_pool_is_its_own_scope() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url());
        config.setUsername("sa");
        config.setMaximumPoolSize(1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            DataSource watched = NPlusOne.wrap(pool);
            BlogPages.authorsInLoop(watched);
            BlogPages.doneRight(watched);
        }

        List<ScopeReport> connections = reportsOfKind("connection");
        assertEquals(2, connections.size());
        assertEquals(51, connections.get(0).statements());
        assertEquals(1, connections.get(0).findings().size());
        assertEquals(2, connections.get(1).statements());
        assertEquals(List.of(), connections.get(1).findings());
    }

    @Test
    void an_explicit_scope_takes_the_statements_of_connections_opened_before_it() throws Exception {
        DataSource watched = NPlusOne.wrap(database.raw());
        Scope scope = NPlusOne.scope("render");
        try (scope) {
            BlogPages.authorsInLoop(watched);
        }

        assertEquals(51, scope.report().statements());
        assertEquals(List.of(), reportsOfKind("connection").stream().filter(r -> r.statements() > 0).toList());
    }

    @Test
    void nested_scopes_give_statements_to_the_innermost() throws Exception {
        DataSource watched = NPlusOne.wrap(database.raw());
        Scope outer = NPlusOne.scope("outer");
        Scope inner;
        try (outer) {
            BlogPages.doneRight(watched);
            inner = NPlusOne.scope("inner");
            try (inner) {
                BlogPages.authorsInLoop(watched);
            }
            BlogPages.doneRight(watched);
        }

        assertEquals(51, inner.report().statements());
        assertEquals(1, inner.report().findings().size());
        assertEquals(4, outer.report().statements());
        assertEquals(List.of(), outer.report().findings());
    }

    @Test
    void a_scope_report_is_only_available_once_closed() {
        Scope scope = NPlusOne.scope("open");
        assertThrows(IllegalStateException.class, scope::report);
        scope.close();
        scope.close();
        assertEquals(0, scope.report().statements());
    }

    @Test
    void wrapping_is_idempotent_and_a_pool_over_the_url_driver_counts_each_statement_once() throws Exception {
        DataSource once = NPlusOne.wrap(database.raw());
        assertSame(once, NPlusOne.wrap(once));

        try (EntryPoint.Watched hikari = EntryPoint.HIKARI_URL.open(database)) {
            DataSource twice = NPlusOne.wrap(hikari.dataSource());
            Scope scope = NPlusOne.scope("double-wrapped");
            try (scope) {
                BlogPages.authorsInLoop(twice);
            }
            assertEquals(51, scope.report().statements());
            assertEquals(50, scope.report().findings().get(0).executions());
        }
    }
}
