package dev.nplusone.internal.report;

import dev.nplusone.internal.Failures;
import dev.nplusone.internal.config.Config;
import dev.nplusone.internal.config.ReportSettings;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTML and SARIF reports of a running JVM. Closing scopes only put their results in a bounded queue (never
 * waiting: when it is full the scope is counted as missed); a daemon thread folds them into the aggregate and rewrites
 * the HTML file at most once a {@link #THROTTLE_MILLIS throttle period} while scopes keep closing. {@link #flushAll()}
 * (at JVM exit, after a test plan) writes both files with everything closed so far.
 */
public final class LiveReports {
    static final int QUEUE_CAPACITY = 4_096;
    static final long THROTTLE_MILLIS = 1_000;
    private static final Map<ReportSettings, LiveReports> RUNNING = new ConcurrentHashMap<>();

    private final ReportSettings settings;
    private final Baseline baseline;
    private final BlockingQueue<ClosedScope> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicLong missed = new AtomicLong();
    private final ReportAggregate aggregate = new ReportAggregate(); // guarded by this
    private boolean dirty; // guarded by this

    private LiveReports(ReportSettings settings) {
        this.settings = settings;
        this.baseline = Baseline.configured(settings.baseline());
    }

    /** The reports of these settings, started on first use. */
    public static LiveReports of(Config config) {
        return RUNNING.computeIfAbsent(config.reports(), settings -> {
            LiveReports reports = new LiveReports(settings);
            reports.start();
            return reports;
        });
    }

    /** Reports whose writer thread is not started: only {@link #flush()} takes the queue (for tests). */
    static LiveReports withoutWriter(ReportSettings settings) {
        return new LiveReports(settings);
    }

    /** Writes every running report now with all it has; never throws. */
    public static void flushAll() {
        for (LiveReports reports : RUNNING.values()) {
            reports.flush();
        }
    }

    /** Hands a closed scope to the writer thread without waiting. */
    public void offer(ClosedScope scope) {
        if (!queue.offer(scope)) {
            missed.incrementAndGet();
        }
    }

    private void start() {
        Thread writer = new Thread(this::writeWhileRunning, "nplusone-report-writer");
        writer.setDaemon(true);
        writer.start();
    }

    private void writeWhileRunning() {
        long lastWrite = 0;
        while (true) {
            try {
                ClosedScope scope = queue.poll(THROTTLE_MILLIS, TimeUnit.MILLISECONDS);
                synchronized (this) {
                    if (scope != null) {
                        take(scope);
                    }
                    drain();
                    long now = System.nanoTime();
                    if (dirty && settings.html() != null
                            && now - lastWrite >= TimeUnit.MILLISECONDS.toNanos(THROTTLE_MILLIS)) {
                        writeHtml();
                        lastWrite = System.nanoTime();
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (Throwable t) {
                Failures.record("HTML report " + settings.html(), t);
            }
        }
    }

    /** Takes what is queued and writes the HTML and SARIF files. */
    public synchronized void flush() {
        try {
            drain();
            if (settings.html() != null) {
                writeHtml();
            }
            if (settings.sarif() != null) {
                ReportFiles.replace(settings.sarif(), SarifReport.render(aggregate.findings(), view()));
            }
        } catch (Throwable t) {
            Failures.record("HTML/SARIF report", t);
        }
    }

    private void drain() {
        ClosedScope scope;
        while ((scope = queue.poll()) != null) {
            take(scope);
        }
        long lost = missed.getAndSet(0);
        if (lost > 0) {
            aggregate.missed(lost);
        }
    }

    private void take(ClosedScope scope) {
        aggregate.add(scope);
        dirty = true;
    }

    private void writeHtml() throws IOException {
        ReportFiles.replace(settings.html(), HtmlReport.render(aggregate, view()));
        dirty = false;
    }

    private ReportView view() {
        return ReportView.of(settings, baseline, "Live report of JVM " + ProcessHandle.current().pid()
                + " (rewritten as scopes close)", false);
    }
}
