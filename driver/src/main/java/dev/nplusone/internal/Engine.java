package dev.nplusone.internal;

import dev.nplusone.ScopeReport;
import dev.nplusone.internal.config.Config;
import dev.nplusone.internal.detect.Detector;
import dev.nplusone.internal.otel.Telemetry;
import dev.nplusone.internal.report.LiveReports;
import dev.nplusone.internal.report.Reporter;
import dev.nplusone.internal.scope.ScopeRecorder;
import dev.nplusone.internal.scope.ThreadState;
import dev.nplusone.internal.sql.SqlCache;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Holds the pipeline together: configuration, the SQL cache, and what happens when a scope closes
 * (detect, suggest, report). One per JVM (per class loader, for the agent's relocated copy).
 */
public final class Engine {
    private static volatile Engine instance;

    private volatile Config config;
    private final SqlCache sql = new SqlCache(10_000, 5_000, 2_000_000);
    private final Reporter reporter = new Reporter();
    private final Detector.SuggestionMaker suggestions = dev.nplusone.internal.suggest.Suggester.INSTANCE;
    private final List<BiConsumer<ScopeReport, ScopeRecorder>> scopeListeners = new CopyOnWriteArrayList<>();
    private volatile Telemetry telemetry;

    private Engine(Config config) {
        this.config = config;
        this.telemetry = Telemetry.forConfig(config);
    }

    public static Engine get() {
        Engine engine = instance;
        if (engine == null) {
            synchronized (Engine.class) {
                engine = instance;
                if (engine == null) {
                    engine = new Engine(Config.fromSystemProperties(Engine::configurationError));
                    instance = engine;
                    ShutdownFlush.register();
                }
            }
        }
        return engine;
    }

    /**
     * Whether this copy of the engine has been used (a scope opened, a DataSource wrapped): the agent asks the
     * application's copy, to hand it connections only when the application works with its own scopes.
     */
    public static boolean started() {
        return instance != null;
    }

    static void configurationError(String message) {
        Log.get().log(System.Logger.Level.ERROR, message);
    }

    public Config config() {
        return config;
    }

    /** Replaces the configuration, for the agent's arguments and for tests. */
    public void configure(Config newConfig) {
        this.config = newConfig;
        this.telemetry = Telemetry.forConfig(newConfig);
        LiveReports.retireAllBut(newConfig.reports());
    }

    /** The OpenTelemetry span current on this thread, for a scope being opened; null without OpenTelemetry. */
    public Object spanAtOpen() {
        return telemetry.spanAtOpen();
    }

    public SqlCache sql() {
        return sql;
    }

    public boolean active() {
        return config.enabled() && !Failures.switchedOff();
    }


    public void addListener(Consumer<ScopeReport> listener) {
        reporter.addListener(listener);
    }

    public void removeListener(Consumer<ScopeReport> listener) {
        reporter.removeListener(listener);
    }

    /** A listener that also gets the closed scope's recorder, for its {@link ScopeRecorder#activity()} (the agent). */
    public void addScopeListener(BiConsumer<ScopeReport, ScopeRecorder> listener) {
        scopeListeners.add(listener);
    }

    public void removeScopeListener(BiConsumer<ScopeReport, ScopeRecorder> listener) {
        scopeListeners.remove(listener);
    }

    /** Opens a scope on the current thread; it is the innermost until closed. */
    public ScopeRecorder open(String name, String kind, int threshold) {
        ScopeRecorder scope = new ScopeRecorder(name, kind, threshold > 0 ? threshold : config.threshold(),
                telemetry.spanAtOpen());
        ThreadState.current().push(scope);
        return scope;
    }

    /**
     * Takes the scope off the current thread and reports it, once: closing again, from any thread, returns
     * the same report. Threads the scope was carried to stop using it.
     */
    public ScopeReport closeOnThread(ScopeRecorder scope) {
        return scope.close(closing -> {
            ThreadState.current().remove(closing);
            return close(closing);
        });
    }

    /**
     * What a scope still open has found so far, without closing or reporting it (the JUnit helpers' live view).
     * Call it from the thread that records into the scope; never throws.
     */
    public ScopeReport peek(ScopeRecorder scope) {
        try {
            return Detector.detect(scope.snapshot(), config, suggestions);
        } catch (Throwable t) {
            Failures.record("scope analysis", t);
            return new ScopeReport(scope.name(), scope.kind(), 0, java.util.List.of(), java.util.List.of(), true);
        }
    }

    /**
     * Detects and reports; never throws. Returns the report (empty when detection failed). Runs with the thread's
     * interrupt set aside: pools close their connections, and so their scopes, on threads they interrupt (c3p0
     * does), and an interrupt would stop the suggestion's parse (whose failure is remembered for the statement's
     * shape) and the JSON Lines write. The interrupt is restored for the thread's owner.
     */
    public ScopeReport close(ScopeRecorder scope) {
        Config current = config;
        boolean interrupted = Thread.interrupted();
        try {
            scope.reporting();
            ScopeReport report = Detector.detect(scope.snapshot(), current, suggestions);
            reporter.report(report, scope::activity, current);
            telemetry.scopeClosed(report, scope.span());
            for (BiConsumer<ScopeReport, ScopeRecorder> listener : scopeListeners) {
                try {
                    listener.accept(report, scope);
                } catch (Throwable t) {
                    Failures.record("report listener", t);
                }
            }
            scope.noteValueIndexSize();
            return report;
        } catch (Throwable t) {
            Failures.record("scope analysis", t);
            return new ScopeReport(scope.name(), scope.kind(), 0, java.util.List.of(), java.util.List.of(), true);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
