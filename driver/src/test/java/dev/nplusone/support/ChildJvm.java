package dev.nplusone.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A main class of the test class path run in a new JVM of the running Java, for heap limits and shutdown.
 * Its output (stdout and stderr) is collected from the start, whatever way it ends.
 */
public final class ChildJvm {
    private final Process process;
    private final StringBuilder output = new StringBuilder();
    private final Thread drain;

    private ChildJvm(Process process) {
        this.process = process;
        this.drain = new Thread(this::drain, "child-jvm-output");
        drain.setDaemon(true);
        drain.start();
    }

    /** What the child printed and how it ended. */
    public record Result(int exitCode, String output) {
        /** The value printed on the last {@code key=value} line for {@code key}, or null. */
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

    public static ChildJvm start(List<String> jvmOptions, Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        try {
            return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the child to its end. */
    public static Result run(Duration timeout, List<String> jvmOptions, Class<?> main, String... args)
            throws InterruptedException {
        return start(jvmOptions, main, args).waitFor(timeout);
    }

    /** Waits until the child printed {@code line} on a line of its own. */
    public void awaitLine(String line, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (output) {
            while (!output().lines().anyMatch(line::equals)) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || !process.isAlive() && !drain.isAlive()) {
                    throw new AssertionError("the child never printed '" + line + "'; its output:\n" + output);
                }
                output.wait(Math.min(left, 100));
            }
        }
    }

    /** Sends SIGTERM, as a container stop does (shutdown hooks run), and waits for the end. */
    public Result terminate(Duration timeout) throws InterruptedException {
        process.toHandle().destroy();
        return waitFor(timeout);
    }

    /** Waits for the child to end by itself, killing it after {@code timeout}. */
    public Result waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            drain.join(5_000);
            throw new AssertionError("the child JVM did not end within " + timeout + "; its output:\n" + output());
        }
        drain.join(5_000);
        return new Result(process.exitValue(), output());
    }

    private String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    private void drain() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (output) {
                    output.append(line).append('\n');
                    output.notifyAll();
                }
            }
        } catch (IOException e) {
            synchronized (output) {
                output.append("reading the child's output failed: ").append(e).append('\n');
            }
        }
    }
}
