package dev.nplusone.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The three ways {@link AppBench} runs the same application jar. */
enum AppSetup {
    /** The application as it is: H2's own URL, nplusone's jar on the class path but never named. */
    NONE("without nplusone"),
    /** {@code -javaagent:nplusone-agent.jar}, with the agent arguments given (none: its defaults). */
    AGENT("-javaagent"),
    /** The data source URL {@code jdbc:nplusone:h2:mem:...}: the driver wraps H2's; nplusone's defaults. */
    URL("jdbc:nplusone: URL");

    private final String label;

    AppSetup(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The JVM options that come before {@code -jar}. */
    List<String> jvmOptions(Path agentJar, String agentArguments) {
        List<String> options = new ArrayList<>();
        if (this == AGENT) {
            options.add("-javaagent:" + agentJar + (agentArguments.isEmpty() ? "" : "=" + agentArguments));
        }
        return options;
    }

    /** The Spring Boot arguments that come after the jar. */
    List<String> applicationArguments() {
        if (this != URL) {
            return List.of();
        }
        return List.of("--spring.datasource.url=jdbc:nplusone:h2:mem:bench;DB_CLOSE_DELAY=-1",
                "--spring.datasource.driver-class-name=dev.nplusone.NPlusOneDriver");
    }
}
