package dev.nplusone.spring;

import dev.nplusone.ScopeReport;
import dev.nplusone.internal.Engine;
import dev.nplusone.internal.report.ClosedScope;
import dev.nplusone.internal.report.HtmlReport;
import dev.nplusone.internal.report.LiveAggregate;
import dev.nplusone.internal.scope.ScopeRecorder;
import java.util.function.BiConsumer;
import org.springframework.beans.factory.DisposableBean;

/**
 * Every scope since the application started, clean ones too, folded into the aggregate the HTML report renders
 * (bounded whatever the number of scopes). A closing request only queues its scope; the driver's own renderer makes
 * the page when someone asks for it, against the engine's current settings (baseline, source links).
 */
final class ReportPageSinceStart implements BiConsumer<ScopeReport, ScopeRecorder>, DisposableBean {
    private final LiveAggregate scopes = LiveAggregate.folding("nplusone-actuator-report", aggregate -> { });

    ReportPageSinceStart() {
        Engine.get().addScopeListener(this);
    }

    @Override
    public void accept(ScopeReport report, ScopeRecorder recorder) {
        scopes.offer(ClosedScope.of(report, recorder.activity()));
    }

    /** The self-contained HTML report of everything closed so far. */
    String html() {
        return scopes.read(aggregate -> HtmlReport.render(aggregate, Engine.get().config().reports(),
                "Application since start (JVM " + ProcessHandle.current().pid() + "), served by /actuator/nplusone"));
    }

    /** Stops listening when the application context closes (tests start several in one JVM). */
    @Override
    public void destroy() {
        Engine.get().removeScopeListener(this);
        scopes.stop();
    }
}
