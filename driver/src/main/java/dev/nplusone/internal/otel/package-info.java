/**
 * Findings to the application's OpenTelemetry, when it has one: a span event per finding on the span that was
 * current when the scope opened, and two metrics. Uses JDK types only and reaches OpenTelemetry through method
 * handles on the copy of its API that the application runs with ({@link dev.nplusone.internal.otel.OtelApi}), so
 * nplusone neither ships OpenTelemetry nor needs it at run time, and the agent's relocated engine can call it.
 */
package dev.nplusone.internal.otel;
