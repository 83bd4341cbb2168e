package dev.nplusone.internal.report;

import dev.nplusone.ScopeReport;
import dev.nplusone.internal.Failures;
import dev.nplusone.internal.Log;
import dev.nplusone.internal.config.Config;
import dev.nplusone.internal.scope.ScopeActivity;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The report stage: hands each closed scope that has findings to the log, the JSON Lines file and any
 * registered listener. Each JSON line is written with one append of the whole line under a JVM-wide lock before the
 * scope's close returns (no buffering), so lines are never interleaved, and a JVM that exits keeps them whole.
 */
public final class Reporter {
    private static final Object FILE_LOCK = new Object();
    private final List<Consumer<ScopeReport>> listeners = new CopyOnWriteArrayList<>();

    public void addListener(Consumer<ScopeReport> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<ScopeReport> listener) {
        listeners.remove(listener);
    }

    /**
     * Reports a closed scope; its activity (time, shapes, timeline) goes into the JSON Lines and the HTML report, and
     * is asked for only when something writes it (an HTML or SARIF report is collected, or a JSON line is written):
     * most scopes of a service have no findings, and their activity is a map and hundreds of records made for
     * nothing. Scopes without findings are written only with {@code nplusone.json.all=true}, and always collected for
     * the HTML report's overview.
     */
    public void report(ScopeReport report, Supplier<ScopeActivity> activity, Config config) {
        for (Consumer<ScopeReport> listener : listeners) {
            try {
                listener.accept(report);
            } catch (Throwable t) {
                Failures.record("report listener", t);
            }
        }
        if (config.reports().collects()) {
            try {
                LiveReports.of(config).offer(ClosedScope.of(report, activity.get()));
            } catch (Throwable t) {
                Failures.record("HTML/SARIF report", t);
            }
        }
        if (report.findings().isEmpty()) {
            if (config.reports().jsonAll() && config.json() != null) {
                writeJson(report, activity, config);
            }
            return;
        }
        if (config.log()) {
            try {
                Log.get().log(System.Logger.Level.WARNING, HumanReport.format(report));
            } catch (Throwable t) {
                Failures.record("log report", t);
            }
        }
        if (config.json() != null) {
            writeJson(report, activity, config);
        }
    }

    private static void writeJson(ScopeReport report, Supplier<ScopeActivity> activity, Config config) {
        try {
            append(config.json(), JsonReport.line(report, activity.get()) + "\n");
        } catch (Throwable t) {
            Failures.record("JSON report " + config.json(), t);
        }
    }

    /**
     * A {@code FileOutputStream} rather than a {@code FileChannel}: a channel gives up when the writing thread is
     * interrupted, and pools interrupt their own threads while they close their connections (c3p0 does), which is
     * when a connection's scope is reported ({@code Engine.close} sets an interrupt that came earlier aside).
     */
    private static void append(Path file, String line) throws IOException {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        synchronized (FILE_LOCK) {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (OutputStream out = new FileOutputStream(file.toFile(), true)) {
                out.write(bytes);
            }
        }
    }
}
