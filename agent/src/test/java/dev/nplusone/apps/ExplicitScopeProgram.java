package dev.nplusone.apps;

import dev.nplusone.NPlusOne;
import dev.nplusone.Scope;
import dev.nplusone.ScopeReport;
import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.SeedDatabase;

/**
 * An application that carries nplusone-driver for its scopes (as a test class path does for the JUnit
 * helpers) but never wraps its DataSource: only the agent watches the connections. Prints what its own scope
 * saw.
 */
public final class ExplicitScopeProgram {
    private ExplicitScopeProgram() {
    }

    public static void main(String[] args) throws Exception {
        Watchdog.exitAfterSeconds(60);
        SeedDatabase database = SeedDatabase.create();
        Scope scope = NPlusOne.scope("render posts");
        try (scope) {
            BlogPages.authorsInLoop(database.raw());
        }
        ScopeReport report = scope.report();
        System.out.println("scope statements=" + report.statements() + " findings=" + report.findings().size());
    }
}
