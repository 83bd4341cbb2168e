package dev.nplusone.apps;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

/**
 * An application that uses nplusone-driver itself: it runs the driver's own scenario tests (wrapper,
 * {@code jdbc:nplusone:} URL, HikariCP over that URL, explicit scopes, exact figures). Exits 0 only when
 * tests ran and all passed.
 */
public final class ScenarioSuiteProgram {
    private ScenarioSuiteProgram() {
    }

    public static void main(String[] args) {
        // the generated scenarios' 10,000 seeds prove rewrites, not the agent: a sample keeps this run short
        System.setProperty("generated.scenarios", "200");
        JUnitSuiteProgram.run(selectPackage("dev.nplusone.scenarios"));
    }
}
