package dev.nplusone.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Starts a test program in a JVM of its own, with or without the agent, as an application would run. */
final class ChildJvm {
    static final Path AGENT_JAR = Path.of(System.getProperty("agent.jar", "target/nplusone-agent.jar")).toAbsolutePath();
    static final Path WORK = Path.of(System.getProperty("work.dir", "target/it")).toAbsolutePath();
    static final String SCENARIO_SOURCES = System.getProperty("scenarios.sources", "../driver/src/test/java");
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final long TIMEOUT_SECONDS = 90;

    /** Which of this module's test class path the program gets: an application has only its own libraries. */
    enum Classpath {
        /** The programs, the scenario classes, H2, HikariCP, Tomcat and the javax servlet API: no nplusone. */
        APPLICATION("/agent/target/test-classes", "-tests.jar", "/driver/target/test-classes", "/com/h2database/",
                "/com/zaxxer/", "/org/slf4j/", "/org/apache/tomcat/", "/javax/servlet/"),
        /** An application's tests without nplusone: JUnit Jupiter, the Vintage engine and JUnit 4, the launcher. */
        APPLICATION_TESTS("/agent/target/test-classes", "-tests.jar", "/driver/target/test-classes", "/com/h2database/",
                "/org/junit/", "/org/opentest4j/", "/org/apiguardian/", "/junit/junit/", "/org/hamcrest/"),
        /** A Spring Boot + Spring Data JPA application's tests (Hibernate, HikariCP, H2), without nplusone. */
        SPRING_APPLICATION_TESTS("/agent/target/test-classes", "-tests.jar", "/driver/target/test-classes",
                "/com/h2database/", "/org/junit/", "/org/opentest4j/", "/org/apiguardian/", "/junit/junit/",
                "/org/hamcrest/", "/com/zaxxer/", "/org/slf4j/", "/org/springframework/", "/org/hibernate/",
                "/jakarta/", "/org/jboss/", "/net/bytebuddy/", "/com/fasterxml/classmate/", "/org/antlr/",
                "/io/smallrye/", "/org/aspectj/", "/io/micrometer/", "/org/yaml/", "/org/glassfish/", "/com/sun/",
                "/org/eclipse/angus/"),
        /** An application that also uses nplusone-driver and runs the driver's JUnit scenarios itself. */
        APPLICATION_WITH_DRIVER("/agent/target/test-classes", "nplusone-driver-", "/driver/target/test-classes",
                "/driver/target/classes", "/com/h2database/", "/com/zaxxer/", "/org/slf4j/", "/net/ttddyy/",
                "/com/github/jsqlparser/", "/org/junit/jupiter/", "/org/junit/platform/", "/org/opentest4j/",
                "/org/apiguardian/"),
        /** An application with its own OpenTelemetry SDK that watches its JDBC through the jdbc:nplusone: URL. */
        OTEL_SDK_APPLICATION("/agent/target/test-classes", "nplusone-driver-", "/driver/target/test-classes",
                "/driver/target/classes", "/com/h2database/", "/org/apache/tomcat/", "/net/ttddyy/",
                "/com/github/jsqlparser/", "/io/opentelemetry/", "/com/fasterxml/jackson/core/jackson-core/");

        private final List<String> fragments;

        Classpath(String... fragments) {
            this.fragments = List.of(fragments);
        }

        String entries() {
            String all = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            return Arrays.stream(all.split(File.pathSeparator))
                    .filter(entry -> fragments.stream().anyMatch(entry.replace('\\', '/')::contains))
                    .collect(Collectors.joining(File.pathSeparator));
        }
    }

    private final Jdk jdk;
    private final Path directory;
    private final List<String> options = new ArrayList<>();
    private final List<String> launcher = new ArrayList<>();
    private Classpath classpath = Classpath.APPLICATION;

    private ChildJvm(Jdk jdk) {
        this.jdk = jdk;
        this.directory = WORK.resolve("run-" + RUNS.incrementAndGet() + "-" + jdk.name().toLowerCase());
        try {
            if (Files.exists(directory)) {
                try (Stream<Path> previous = Files.walk(directory)) {
                    for (Path path : previous.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ChildJvm on(Jdk jdk) {
        jdk.assumeInstalled();
        return new ChildJvm(jdk);
    }

    /** A file for the program to write (a JSON report), in this run's own directory. */
    Path file(String name) {
        return directory.resolve(name);
    }

    ChildJvm agent(String arguments) {
        options.add("-javaagent:" + AGENT_JAR + (arguments.isEmpty() ? "" : "=" + arguments));
        return this;
    }

    ChildJvm option(String option) {
        options.add(option);
        return this;
    }

    /** Runs the JVM under this command, for example {@code /usr/bin/time}. */
    ChildJvm launcher(String... command) {
        launcher.addAll(List.of(command));
        return this;
    }

    ChildJvm classpath(Classpath newClasspath) {
        this.classpath = newClasspath;
        return this;
    }

    /** Starts the program; its standard error goes to a file ({@link Result#stderr} reads it). */
    Running start(Class<?> main, String... arguments) {
        List<String> command = new ArrayList<>(launcher);
        command.add(jdk.java().toString());
        command.addAll(options);
        command.add("-Dscenarios.sources=" + Path.of(SCENARIO_SOURCES).toAbsolutePath());
        command.add("-cp");
        command.add(classpath.entries());
        command.add(main.getName());
        command.addAll(List.of(arguments));
        try {
            Path stderr = directory.resolve("stderr.txt");
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectError(stderr.toFile()).start();
            return new Running(process, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the program to its end. */
    Result run(Class<?> main, String... arguments) {
        Running running = start(main, arguments);
        running.stop();
        return running.await();
    }

    record Running(Process process, Path stderrFile) {
        /** Closes the program's standard input: the web program's signal to stop. */
        void stop() {
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Result await() {
            try {
                byte[] stdout = process.getInputStream().readAllBytes();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("the program did not end within " + TIMEOUT_SECONDS + " s");
                }
                return new Result(process.exitValue(), new String(stdout, StandardCharsets.UTF_8),
                        Files.readString(stderrFile));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    record Result(int exitCode, String stdout, String stderr) {
        Result assertExitedNormally() {
            assertEquals(0, exitCode, () -> "exit code; stdout:\n" + stdout + "\nstderr:\n" + stderr);
            return this;
        }

        /** How many times {@code text} occurs in standard error. */
        int stderrCount(String text) {
            int count = 0;
            for (int at = stderr.indexOf(text); at >= 0; at = stderr.indexOf(text, at + text.length())) {
                count++;
            }
            return count;
        }

        void assertStderrContains(String text) {
            assertTrue(stderr.contains(text), () -> "expected in stderr: " + text + "\nstderr:\n" + stderr);
        }
    }
}
