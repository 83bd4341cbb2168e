package dev.nplusone.internal.otel;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * One copy of the OpenTelemetry API, reached through method handles: the application's own
 * ({@code io.opentelemetry.api}, in the application's class loader) or the OpenTelemetry Java agent's
 * ({@code io.opentelemetry.javaagent.shaded.io.opentelemetry.api}, in the bootstrap class loader). The same code
 * serves both, which a compiled reference to the API could not: a class links to one name only. Handles are typed
 * {@code Object} for every API type, so calls are exact and cost what a direct interface call costs.
 */
final class OtelApi {
    /** Where the OpenTelemetry Java agent keeps the API its instrumentation uses, visible from every class loader. */
    static final String AGENT_PREFIX = "io.opentelemetry.javaagent.shaded.";
    private static final String API = "io.opentelemetry.api.";
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.publicLookup();

    private final String description;
    private final MethodHandle currentSpan;
    private final MethodHandle isRecording;
    private final MethodHandle addEvent;
    private final MethodHandle setLongAttribute;
    private final MethodHandle attributesBuilder;
    private final MethodHandle putString;
    private final MethodHandle putLong;
    private final MethodHandle buildAttributes;
    /** Null on API versions before {@code GlobalOpenTelemetry.isSet} (1.35): then metrics are left out, see {@link #meter}. */
    private final MethodHandle globalIsSet;
    private final MethodHandle globalMeter;
    private final MethodHandle counterBuilder;
    private final MethodHandle counterDescription;
    private final MethodHandle counterUnit;
    private final MethodHandle counterBuild;
    private final MethodHandle counterAdd;
    private final MethodHandle histogramBuilder;
    private final MethodHandle histogramOfLongs;
    private final MethodHandle histogramDescription;
    private final MethodHandle histogramUnit;
    private final MethodHandle histogramBoundaries;
    private final MethodHandle histogramBuild;
    private final MethodHandle histogramRecord;

    private OtelApi(String prefix, ClassLoader loader, String description) throws ReflectiveOperationException {
        this.description = description;
        Class<?> span = type(prefix, loader, "trace.Span");
        Class<?> attributes = type(prefix, loader, "common.Attributes");
        Class<?> builder = type(prefix, loader, "common.AttributesBuilder");
        Class<?> global = type(prefix, loader, "GlobalOpenTelemetry");
        Class<?> meter = type(prefix, loader, "metrics.Meter");
        Class<?> longCounterBuilder = type(prefix, loader, "metrics.LongCounterBuilder");
        Class<?> longCounter = type(prefix, loader, "metrics.LongCounter");
        Class<?> doubleHistogramBuilder = type(prefix, loader, "metrics.DoubleHistogramBuilder");
        Class<?> longHistogramBuilder = type(prefix, loader, "metrics.LongHistogramBuilder");
        Class<?> longHistogram = type(prefix, loader, "metrics.LongHistogram");

        currentSpan = erase(LOOKUP.findStatic(span, "current", MethodType.methodType(span)));
        isRecording = erase(LOOKUP.findVirtual(span, "isRecording", MethodType.methodType(boolean.class)));
        addEvent = erase(LOOKUP.findVirtual(span, "addEvent", MethodType.methodType(span, String.class, attributes)));
        setLongAttribute = erase(LOOKUP.findVirtual(span, "setAttribute",
                MethodType.methodType(span, String.class, long.class)));
        attributesBuilder = erase(LOOKUP.findStatic(attributes, "builder", MethodType.methodType(builder)));
        putString = erase(LOOKUP.findVirtual(builder, "put", MethodType.methodType(builder, String.class, String.class)));
        putLong = erase(LOOKUP.findVirtual(builder, "put", MethodType.methodType(builder, String.class, long.class)));
        buildAttributes = erase(LOOKUP.findVirtual(builder, "build", MethodType.methodType(attributes)));
        globalIsSet = optional(() -> LOOKUP.findStatic(global, "isSet", MethodType.methodType(boolean.class)));
        globalMeter = erase(LOOKUP.findStatic(global, "getMeter", MethodType.methodType(meter, String.class)));
        counterBuilder = erase(LOOKUP.findVirtual(meter, "counterBuilder",
                MethodType.methodType(longCounterBuilder, String.class)));
        counterDescription = erase(LOOKUP.findVirtual(longCounterBuilder, "setDescription",
                MethodType.methodType(longCounterBuilder, String.class)));
        counterUnit = erase(LOOKUP.findVirtual(longCounterBuilder, "setUnit",
                MethodType.methodType(longCounterBuilder, String.class)));
        counterBuild = erase(LOOKUP.findVirtual(longCounterBuilder, "build", MethodType.methodType(longCounter)));
        counterAdd = erase(LOOKUP.findVirtual(longCounter, "add",
                MethodType.methodType(void.class, long.class, attributes)));
        histogramBuilder = erase(LOOKUP.findVirtual(meter, "histogramBuilder",
                MethodType.methodType(doubleHistogramBuilder, String.class)));
        histogramOfLongs = erase(LOOKUP.findVirtual(doubleHistogramBuilder, "ofLongs",
                MethodType.methodType(longHistogramBuilder)));
        histogramDescription = erase(LOOKUP.findVirtual(longHistogramBuilder, "setDescription",
                MethodType.methodType(longHistogramBuilder, String.class)));
        histogramUnit = erase(LOOKUP.findVirtual(longHistogramBuilder, "setUnit",
                MethodType.methodType(longHistogramBuilder, String.class)));
        histogramBoundaries = optional(() -> LOOKUP.findVirtual(longHistogramBuilder, "setExplicitBucketBoundariesAdvice",
                MethodType.methodType(longHistogramBuilder, List.class)));
        histogramBuild = erase(LOOKUP.findVirtual(longHistogramBuilder, "build", MethodType.methodType(longHistogram)));
        histogramRecord = erase(LOOKUP.findVirtual(longHistogram, "record",
                MethodType.methodType(void.class, long.class, attributes)));
    }

    /** The OpenTelemetry Java agent's API, when the agent runs in this JVM. */
    static OtelApi ofJavaAgent() throws ReflectiveOperationException {
        return new OtelApi(AGENT_PREFIX, null, "the OpenTelemetry Java agent");
    }

    /** The application's own API as {@code loader} sees it. */
    static OtelApi ofApplication(ClassLoader loader) throws ReflectiveOperationException {
        return new OtelApi("", loader, "the application's OpenTelemetry API");
    }

    private static Class<?> type(String prefix, ClassLoader loader, String name) throws ClassNotFoundException {
        return Class.forName(prefix + API + name, false, loader);
    }

    /** The handle with every type but primitives and String as Object, so call sites need no OpenTelemetry type. */
    private static MethodHandle erase(MethodHandle handle) {
        MethodType type = handle.type();
        for (int i = 0; i < type.parameterCount(); i++) {
            if (!type.parameterType(i).isPrimitive() && type.parameterType(i) != String.class) {
                type = type.changeParameterType(i, Object.class);
            }
        }
        if (!type.returnType().isPrimitive()) {
            type = type.changeReturnType(Object.class);
        }
        return handle.asType(type);
    }

    private interface Find {
        MethodHandle find() throws ReflectiveOperationException;
    }

    private static MethodHandle optional(Find find) {
        try {
            return erase(find.find());
        } catch (ReflectiveOperationException absent) {
            return null;
        }
    }

    @Override
    public String toString() {
        return description;
    }

    Object currentSpan() throws Throwable {
        return (Object) currentSpan.invokeExact();
    }

    boolean isRecording(Object span) throws Throwable {
        return (boolean) isRecording.invokeExact(span);
    }

    void addEvent(Object span, String name, Object attributes) throws Throwable {
        Object ignored = (Object) addEvent.invokeExact(span, name, attributes);
    }

    void setAttribute(Object span, String key, long value) throws Throwable {
        Object ignored = (Object) setLongAttribute.invokeExact(span, key, value);
    }

    /** Attributes from name/value pairs whose values are Strings or Longs. */
    Object attributes(List<Attribute> pairs) throws Throwable {
        Object builder = (Object) attributesBuilder.invokeExact();
        for (Attribute pair : pairs) {
            if (pair.value() instanceof Long number) {
                builder = (Object) putLong.invokeExact(builder, pair.key(), number.longValue());
            } else {
                builder = (Object) putString.invokeExact(builder, pair.key(), pair.value().toString());
            }
        }
        return (Object) buildAttributes.invokeExact(builder);
    }

    /**
     * The global MeterProvider's meter, or null until the application has set its global OpenTelemetry: asking
     * {@code GlobalOpenTelemetry.get()} earlier would fix it to a no-op and make the application's own
     * {@code GlobalOpenTelemetry.set} fail.
     */
    Object meter(String name) throws Throwable {
        if (globalIsSet == null || !(boolean) globalIsSet.invokeExact()) {
            return null;
        }
        return (Object) globalMeter.invokeExact(name);
    }

    Object counter(Object meter, String name, String description, String unit) throws Throwable {
        Object builder = (Object) counterBuilder.invokeExact(meter, name);
        builder = (Object) counterDescription.invokeExact(builder, description);
        builder = (Object) counterUnit.invokeExact(builder, unit);
        return (Object) counterBuild.invokeExact(builder);
    }

    void add(Object counter, long value, Object attributes) throws Throwable {
        counterAdd.invokeExact(counter, value, attributes);
    }

    Object histogram(Object meter, String name, String description, String unit, List<Long> boundaries)
            throws Throwable {
        Object builder = (Object) histogramBuilder.invokeExact(meter, name);
        builder = (Object) histogramOfLongs.invokeExact(builder);
        builder = (Object) histogramDescription.invokeExact(builder, description);
        builder = (Object) histogramUnit.invokeExact(builder, unit);
        if (histogramBoundaries != null) {
            builder = (Object) histogramBoundaries.invokeExact(builder, (Object) boundaries);
        }
        return (Object) histogramBuild.invokeExact(builder);
    }

    void record(Object histogram, long value, Object attributes) throws Throwable {
        histogramRecord.invokeExact(histogram, value, attributes);
    }

    /** One attribute: a String or a Long value. */
    record Attribute(String key, Object value) {
    }
}
