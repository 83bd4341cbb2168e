package dev.nplusone.benchmarks;

import dev.nplusone.ScopeReport;
import dev.nplusone.internal.Engine;
import dev.nplusone.internal.config.Config;
import dev.nplusone.internal.otel.Telemetry;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What exporting to OpenTelemetry adds to a request: {@link ScopeBenchmark}'s scopes, each inside a recording server
 * span of a real SDK (set as the application's global OpenTelemetry, spans ended into an exporter that only counts
 * events, metrics aggregated in memory), with {@code nplusone.otel} {@code off} and {@code auto}. The span's own cost
 * is in both, so the difference is nplusone's export alone:
 * <ul>
 *   <li>{@code emptyRequest}, {@code cleanRequest}: no finding, so the span captured at open and the histogram
 *       record at close;</li>
 *   <li>{@code findingRequest}: one N+1 (seen before): besides, the event's attributes, the event, the span
 *       attribute and the counter;</li>
 *   <li>{@code exportFinding}, {@code exportNoFinding}: the export alone (what a scope's close hands to
 *       OpenTelemetry) of a report with one finding and of one without, each into a fresh server span whose start
 *       and end are in both: shorter operations than whole requests, so the difference stands out of the noise of a
 *       loaded machine.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class OtelExportBenchmark {
    static final EventCounter EVENTS = new EventCounter();
    static final OpenTelemetrySdk SDK = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(EVENTS)).build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(InMemoryMetricReader.create()).build())
            .build();

    static {
        GlobalOpenTelemetry.set(SDK);
    }

    @Param({"off", "auto"})
    public String otel;

    private final ScopeBenchmark scopes = new ScopeBenchmark();
    private final Tracer tracer = SDK.getTracer("bench");
    private Telemetry telemetry;
    private ScopeReport findingReport;
    private ScopeReport cleanReport;

    @Setup
    public void start() {
        scopes.start();
        Config config = Config.from(Map.of("log", "false", "otel", otel), message -> {
            throw new IllegalStateException(message);
        });
        Engine.get().configure(config);
        telemetry = Telemetry.forConfig(config);
        findingReport = scopes.seenFinding();
        cleanReport = scopes.cleanScope();
    }

    @TearDown
    public void finish() {
        scopes.finish();
    }

    @Benchmark
    public ScopeReport emptyRequest() {
        Span span = tracer.spanBuilder("GET /empty").setSpanKind(SpanKind.SERVER).startSpan();
        try (io.opentelemetry.context.Scope current = span.makeCurrent()) {
            return scopes.emptyScope();
        } finally {
            span.end();
        }
    }

    @Benchmark
    public ScopeReport cleanRequest() {
        Span span = tracer.spanBuilder("GET /clean").setSpanKind(SpanKind.SERVER).startSpan();
        try (io.opentelemetry.context.Scope current = span.makeCurrent()) {
            return scopes.cleanScope();
        } finally {
            span.end();
        }
    }

    @Benchmark
    public ScopeReport findingRequest() {
        Span span = tracer.spanBuilder("GET /posts").setSpanKind(SpanKind.SERVER).startSpan();
        try (io.opentelemetry.context.Scope current = span.makeCurrent()) {
            return scopes.seenFinding();
        } finally {
            span.end();
        }
    }

    /** The export alone, at a scope's close, of {@link #findingReport} (one finding) into a fresh server span. */
    @Benchmark
    public Span exportFinding() {
        return exportInto(findingReport);
    }

    /** The same for a scope without findings: the histogram record only. */
    @Benchmark
    public Span exportNoFinding() {
        return exportInto(cleanReport);
    }

    private Span exportInto(ScopeReport report) {
        Span span = tracer.spanBuilder("GET /posts").setSpanKind(SpanKind.SERVER).startSpan();
        telemetry.scopeClosed(report, span);
        span.end();
        return span;
    }

    /** Ends spans into nothing but a count of their {@code nplusone.finding} events (the smoke test reads it). */
    static final class EventCounter implements SpanExporter {
        final AtomicLong findingEvents = new AtomicLong();

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            for (SpanData span : spans) {
                span.getEvents().forEach(event -> {
                    if (event.getName().equals("nplusone.finding")) {
                        findingEvents.incrementAndGet();
                    }
                });
            }
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
