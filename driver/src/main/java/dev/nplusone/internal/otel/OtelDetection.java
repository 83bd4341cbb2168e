package dev.nplusone.internal.otel;

import dev.nplusone.ScopeReport;
import dev.nplusone.internal.Log;

/**
 * Finds the OpenTelemetry this JVM runs with, once: first the OpenTelemetry Java agent's API (its server spans
 * live there, and it is visible from every class loader), then the application's own API, as seen by the class
 * loader that loaded nplusone (the driver on the application's class path) or by the thread that opens the first
 * scope (for the agent, whose relocated engine sits on the system class path, that is the application's loader,
 * a Spring Boot jar's or a web application's included). Nothing found: {@link Telemetry#NONE}, and no OpenTelemetry class is
 * ever loaded by nplusone again.
 */
final class OtelDetection {
    private static volatile Telemetry detected;

    /** Looks for OpenTelemetry when first used, then hands every call to what it found. */
    static final Telemetry ON_FIRST_USE = new Telemetry() {
        @Override
        public Object spanAtOpen() {
            return detected().spanAtOpen();
        }

        @Override
        public void scopeClosed(ScopeReport report, Object span) {
            detected().scopeClosed(report, span);
        }
    };

    private OtelDetection() {
    }

    static Telemetry detected() {
        Telemetry result = detected;
        if (result == null) {
            synchronized (OtelDetection.class) {
                result = detected;
                if (result == null) {
                    try {
                        result = detect();
                    } catch (Throwable t) {
                        result = Telemetry.NONE;
                    }
                    detected = result;
                }
            }
        }
        return result;
    }

    private static Telemetry detect() {
        OtelApi api = javaAgentApi();
        if (api == null) {
            api = applicationApi(OtelDetection.class.getClassLoader());
        }
        if (api == null) {
            api = applicationApi(Thread.currentThread().getContextClassLoader());
        }
        if (api == null) {
            return Telemetry.NONE;
        }
        Log.get().log(System.Logger.Level.DEBUG, "nplusone: findings go to OpenTelemetry through " + api);
        return new OtelTelemetry(api);
    }

    private static OtelApi javaAgentApi() {
        try {
            return OtelApi.ofJavaAgent();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException absent) {
            return null;
        }
    }

    private static OtelApi applicationApi(ClassLoader loader) {
        if (loader == null) {
            return null;
        }
        try {
            return OtelApi.ofApplication(loader);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException absent) {
            return null;
        }
    }
}
