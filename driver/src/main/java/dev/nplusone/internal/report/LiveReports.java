package dev.nplusone.internal.report;

import dev.nplusone.internal.Failures;
import dev.nplusone.internal.config.Config;
import dev.nplusone.internal.config.ReportSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The HTML and SARIF reports of a running JVM. Closing scopes only hand their results to a {@link LiveAggregate}
 * (never waiting); after its thread folds them in, the HTML file is rewritten at most once a
 * {@link #THROTTLE_MILLIS throttle period} while scopes keep closing. {@link #flushAll()} (at JVM exit, after a test
 * plan) writes both files with everything closed so far.
 */
public final class LiveReports {
    static final long THROTTLE_MILLIS = 1_000;
    private static final Map<ReportSettings, LiveReports> RUNNING = new ConcurrentHashMap<>();

    private final ReportSettings settings;
    private final Baseline baseline;
    private final LiveAggregate scopes;
    /** Scopes (taken or missed) the HTML file shows, and when it was written; guarded by {@link #scopes}' lock. */
    private long scopesWritten;
    private long lastWrite;

    private LiveReports(ReportSettings settings, boolean withWriter) {
        this.settings = settings;
        this.baseline = Baseline.configured(settings.baseline());
        this.scopes = withWriter ? LiveAggregate.folding("nplusone-report-writer", this::writeHtmlWhenDue)
                : LiveAggregate.withoutFolder();
    }

    /** The reports of these settings, started on first use. */
    public static LiveReports of(Config config) {
        return RUNNING.computeIfAbsent(config.reports(), settings -> new LiveReports(settings, true));
    }

    /** Reports whose writer thread is not started: only {@link #flush()} takes the queue (for tests). */
    static LiveReports withoutWriter(ReportSettings settings) {
        return new LiveReports(settings, false);
    }

    /** Writes every running report now with all it has; never throws. */
    public static void flushAll() {
        for (LiveReports reports : RUNNING.values()) {
            reports.flush();
        }
    }

    /**
     * The engine was configured anew: the reports of every other settings are written one last time, with all
     * they have, and their writer threads end, so no thread keeps rewriting a file nobody configures any more (or
     * writes into a folder a test has since deleted). Never throws.
     */
    public static void retireAllBut(ReportSettings current) {
        for (ReportSettings settings : List.copyOf(RUNNING.keySet())) {
            if (!settings.equals(current)) {
                LiveReports retired = RUNNING.remove(settings);
                if (retired != null) {
                    retired.flush();
                    retired.scopes.stop();
                }
            }
        }
    }

    /** Hands a closed scope to the writer thread without waiting. */
    public void offer(ClosedScope scope) {
        scopes.offer(scope);
    }

    /** Takes what is queued and writes the HTML and SARIF files. */
    public void flush() {
        try {
            scopes.read(aggregate -> {
                try {
                    if (settings.html() != null) {
                        writeHtml(aggregate);
                    }
                    if (settings.sarif() != null) {
                        ReportFiles.replace(settings.sarif(), SarifReport.render(aggregate.findings(), view()));
                    }
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (Throwable t) {
            Failures.record("HTML/SARIF report", t);
        }
    }

    private void writeHtmlWhenDue(ReportAggregate aggregate) {
        long now = System.nanoTime();
        if (settings.html() != null && seen(aggregate) != scopesWritten
                && now - lastWrite >= TimeUnit.MILLISECONDS.toNanos(THROTTLE_MILLIS)) {
            try {
                writeHtml(aggregate);
            } catch (Throwable t) {
                Failures.record("HTML report " + settings.html(), t);
            }
            lastWrite = System.nanoTime();
        }
    }

    private static long seen(ReportAggregate aggregate) {
        return aggregate.scopes() + aggregate.scopesMissed();
    }

    private void writeHtml(ReportAggregate aggregate) throws IOException {
        ReportFiles.replace(settings.html(), HtmlReport.render(aggregate, view()));
        scopesWritten = seen(aggregate);
    }

    private ReportView view() {
        return ReportView.of(settings, baseline, "Live report of JVM " + ProcessHandle.current().pid()
                + " (rewritten as scopes close)", false);
    }
}
