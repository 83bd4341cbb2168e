package dev.nplusone.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a main class of the test class path in a new JVM of the running Java, for heap limits and shutdown. */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** What the child printed (stdout and stderr together) and how it ended. */
    public record Result(int exitCode, String output) {
        /** The value printed on a {@code key=value} line, or null. */
        public String value(String key) {
            return output.lines().filter(line -> line.startsWith(key + "=")).map(line -> line.substring(key.length() + 1))
                    .reduce((first, last) -> last).orElse(null);
        }

        public long number(String key) {
            String value = value(key);
            if (value == null) {
                throw new AssertionError("the child printed no " + key + "=; its output:\n" + output);
            }
            return Long.parseLong(value);
        }
    }

    public static Process start(List<String> jvmOptions, Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the child to end by itself, killing it after {@code timeout}. */
    public static Result finish(Process child, Duration timeout) throws InterruptedException {
        Thread reader = Thread.currentThread();
        StringBuilder output = new StringBuilder();
        Thread drain = new Thread(() -> {
            try {
                output.append(new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append("reading the child's output failed: ").append(e);
            }
        }, "child-output-of-" + reader.getName());
        drain.start();
        if (!child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            child.destroyForcibly().waitFor();
            drain.join();
            throw new AssertionError("the child JVM did not end within " + timeout + "; its output:\n" + output);
        }
        drain.join();
        return new Result(child.exitValue(), output.toString());
    }

    public static Result run(Duration timeout, List<String> jvmOptions, Class<?> main, String... args)
            throws InterruptedException {
        return finish(start(jvmOptions, main, args), timeout);
    }
}
