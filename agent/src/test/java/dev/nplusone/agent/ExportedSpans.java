package dev.nplusone.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spans an OpenTelemetry {@code logging-otlp} exporter printed: one OTLP JSON object per exported batch, each on
 * one log line (the Java agent's logger and java.util.logging both put it after a prefix), read from a program's
 * output.
 */
final class ExportedSpans {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String BATCH_START = "{\"resource\":";
    /** OTLP's SpanKind number for SERVER. */
    private static final int SERVER = 2;

    /** One exported span: its name, kind, attributes and events as plain values. */
    record ExportedSpan(String name, int kind, Map<String, Object> attributes, List<Event> events, JsonNode json) {
        boolean isServer() {
            return kind == SERVER;
        }

        List<Event> events(String eventName) {
            return events.stream().filter(event -> event.name().equals(eventName)).toList();
        }
    }

    record Event(String name, Map<String, Object> attributes, JsonNode json) {
    }

    private ExportedSpans() {
    }

    static List<ExportedSpan> parse(String output) {
        List<ExportedSpan> spans = new ArrayList<>();
        for (String line : output.split("\n")) {
            int start = line.indexOf(BATCH_START);
            if (start < 0) {
                continue;
            }
            try {
                JsonNode batch = MAPPER.readTree(line.substring(start));
                for (JsonNode scope : batch.path("scopeSpans")) {
                    for (JsonNode span : scope.path("spans")) {
                        List<Event> events = new ArrayList<>();
                        for (JsonNode event : span.path("events")) {
                            events.add(new Event(event.path("name").asText(), attributes(event), event));
                        }
                        spans.add(new ExportedSpan(span.path("name").asText(), span.path("kind").asInt(), attributes(span),
                                events, span));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("not an OTLP JSON batch: " + line, e);
            }
        }
        return spans;
    }

    /** OTLP JSON attributes ({@code [{"key":..,"value":{"stringValue":..}}]}) as String and Long values. */
    private static Map<String, Object> attributes(JsonNode owner) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (JsonNode attribute : owner.path("attributes")) {
            JsonNode value = attribute.path("value");
            attributes.put(attribute.path("key").asText(), value.has("intValue") ? (Object) value.path("intValue").asLong()
                    : value.path("stringValue").asText());
        }
        return attributes;
    }
}
