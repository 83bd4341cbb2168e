package dev.nplusone.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgentHealthTest {
    @Test
    void the_line_at_exit_names_the_connection_sources_the_scopes_and_the_counts() {
        assertEquals("nplusone: watched 2 connection sources (com.zaxxer.hikari.HikariDataSource, org.h2.Driver),"
                        + " request scopes on jakarta servlet; 12,345 statements, 2 findings",
                AgentHealth.summary(List.of("org.h2.Driver", "com.zaxxer.hikari.HikariDataSource"),
                        List.of("request scopes on jakarta servlet"), 12_345, 2, List.of()));
    }

    @Test
    void the_line_at_exit_says_when_no_connection_came_through_and_how_to_watch_one_anyway() {
        assertEquals("nplusone: watched no connection; 0 statements, 0 findings; not instrumented:"
                        + " org.acme.jdbc.AcmeDriver (if the application uses JDBC, its driver or pool was not"
                        + " recognised: put nplusone: after jdbc: in its JDBC URL)",
                AgentHealth.summary(List.of(), List.of(), 0, 0, List.of("org.acme.jdbc.AcmeDriver")));
    }

    @Test
    void one_statement_and_one_finding_are_singular() {
        assertEquals("nplusone: watched 1 connection source (org.h2.Driver), test scopes on JUnit; 1 statement,"
                        + " 1 finding",
                AgentHealth.summary(List.of("org.h2.Driver"), List.of("test scopes on JUnit"), 1, 1, List.of()));
    }
}
