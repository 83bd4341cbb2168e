package dev.nplusone.apps;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.PrintWriter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * An application that uses nplusone-driver itself: it runs the driver's own scenario tests (wrapper,
 * {@code jdbc:nplusone:} URL, HikariCP over that URL, explicit scopes, exact figures). Exits 0 only when
 * tests ran and all passed.
 */
public final class ScenarioSuiteProgram {
    private ScenarioSuiteProgram() {
    }

    public static void main(String[] args) {
        Watchdog.exitAfterSeconds(120);
        // the generated scenarios' 10,000 seeds prove rewrites, not the agent: a sample keeps this run short
        System.setProperty("generated.scenarios", "200");
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage("dev.nplusone.scenarios")).build(), listener);
        TestExecutionSummary summary = listener.getSummary();
        PrintWriter out = new PrintWriter(System.out, true);
        summary.printTo(out);
        summary.printFailuresTo(out, 30);
        out.flush();
        System.exit(summary.getTotalFailureCount() == 0 && summary.getTestsSucceededCount() > 0 ? 0 : 1);
    }
}
