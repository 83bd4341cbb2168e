package dev.nplusone.internal.otel;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/**
 * One real OpenTelemetry SDK for the test JVM, set as the global one as an application would: the engine's export
 * creates its instruments once, on the first scope closed after the global is set.
 */
final class TestSdk {
    static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
    static final InMemoryMetricReader METRICS = InMemoryMetricReader.create();
    static final OpenTelemetrySdk SDK = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(SPANS)).build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(METRICS).build())
            .build();

    static {
        GlobalOpenTelemetry.set(SDK);
    }

    private TestSdk() {
    }

    static OpenTelemetrySdk sdk() {
        return SDK;
    }
}
