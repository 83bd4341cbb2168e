package dev.nplusone.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One run of the scenario program in a child JVM: as the application alone, with the agent, or through jdbc:nplusone:. */
final class ProgramRun {
    static final Path AGENT_JAR = Path.of(System.getProperty("agent.jar", "../agent/target/nplusone-agent.jar"))
            .toAbsolutePath();
    private static final Path WORK = Path.of(System.getProperty("work.dir", "target/cells")).toAbsolutePath();
    private static final Path PROGRAM = Path.of(System.getProperty("matrix.program.classes", "target/classes"));
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final long TIMEOUT_SECONDS = 120;
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Mode { ALONE, AGENT, NPLUSONE_URL }

    record Result(int exitCode, String stdout, String stderr, List<JsonNode> scopes) {
        /** What the application printed of its pages, without the lines of its frameworks' logging. */
        List<String> pages() {
            return stdout.lines().filter(line -> line.startsWith("== ") || line.startsWith("Post ")).toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n-- stdout:\n" + stdout + "\n-- stderr:\n" + stderr + "\n-- report:\n" + scopes;
        }
    }

    private ProgramRun() {
    }

    static Result run(Cell cell, Mode mode) {
        Path directory = WORK.resolve("run-" + RUNS.incrementAndGet() + "-" + mode.name().toLowerCase());
        try {
            if (Files.exists(directory)) {
                try (Stream<Path> previous = Files.walk(directory)) {
                    for (Path path : previous.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(directory);
            Path json = directory.resolve("nplusone.jsonl");
            List<String> command = new ArrayList<>(List.of(cell.java().toString()));
            if (mode == Mode.AGENT) {
                command.add("-javaagent:" + AGENT_JAR + "=json=" + json);
            }
            if (mode == Mode.NPLUSONE_URL) {
                command.add("-Dnplusone.json=" + json);
            }
            List<Component> components = new ArrayList<>(cell.components());
            if (mode == Mode.NPLUSONE_URL) {
                components.add(Component.NPLUSONE_DRIVER);
            }
            command.add("-cp");
            command.add(Stream.concat(Stream.of(PROGRAM.toString()), components.stream().flatMap(Component::jars))
                    .distinct().collect(Collectors.joining(File.pathSeparator)));
            command.add(MatrixProgram.class.getName());
            command.addAll(cell.programArguments());
            if (mode == Mode.NPLUSONE_URL) {
                command.add("url=nplusone");
            }
            Path stdout = directory.resolve("stdout.txt");
            Path stderr = directory.resolve("stderr.txt");
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(cell + " (" + mode + ") did not end within " + TIMEOUT_SECONDS + " s; stderr:\n"
                        + Files.readString(stderr));
            }
            List<JsonNode> scopes = new ArrayList<>();
            if (Files.exists(json)) {
                for (String line : Files.readAllLines(json)) {
                    scopes.add(JSON.readTree(line));
                }
            }
            return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8), scopes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
