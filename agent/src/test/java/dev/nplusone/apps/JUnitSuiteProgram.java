package dev.nplusone.apps;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.util.Arrays;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs test classes through the JUnit Platform launcher, as a build tool's test JVM does, and routes all
 * logging through {@link LoggedBy}. Prints JUnit's summary; exits 0 only when tests ran and all passed.
 * {@code JUnitSuiteProgram className...}.
 */
public final class JUnitSuiteProgram {
    private JUnitSuiteProgram() {
    }

    public static void main(String[] args) {
        LoggedBy.install();
        run(Arrays.stream(args).map(name -> selectClass(name)).toArray(DiscoverySelector[]::new));
    }

    static void run(DiscoverySelector... selectors) {
        Watchdog.exitAfterSeconds(120);
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectors).build(),
                listener);
        TestExecutionSummary summary = listener.getSummary();
        PrintWriter out = new PrintWriter(System.out, true);
        summary.printTo(out);
        summary.printFailuresTo(out, 30);
        out.flush();
        System.exit(summary.getTotalFailureCount() == 0 && summary.getTestsSucceededCount() > 0 ? 0 : 1);
    }
}
