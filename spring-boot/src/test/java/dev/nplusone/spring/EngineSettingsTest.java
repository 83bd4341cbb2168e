package dev.nplusone.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.internal.config.Config;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class EngineSettingsTest {
    private final List<String> errors = new ArrayList<>();

    @Test
    void reads_nplusone_keys_in_the_system_property_spelling_and_in_kebab_case() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application.yml", Map.of(
                "nplusone.threshold", "5", "nplusone.capture-values", "true", "nplusone.json.all", "true",
                "spring.datasource.url", "jdbc:h2:mem:x")));

        Map<String, String> values = EngineSettings.values(environment, errors::add);

        assertEquals("5", values.get("threshold"));
        assertEquals("true", values.get("captureValues"));
        assertEquals("true", values.get("json.all"));
        assertEquals(List.of(), values.keySet().stream().filter(key -> key.contains("datasource")).toList());
    }

    @Test
    void a_setting_with_a_placeholder_spring_cannot_resolve_is_one_line_and_left_out_and_the_rest_is_read() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application.yml", Map.of(
                "nplusone.json", "${LOG_DIR_THAT_IS_NOT_SET}/n1.jsonl", "nplusone.threshold", "4")));

        Map<String, String> values = EngineSettings.values(environment, errors::add);

        assertEquals(Map.of("threshold", "4"), values);
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).startsWith("nplusone: property nplusone.json cannot be resolved ("), errors::toString);
    }

    /**
     * An IDE completes what the metadata lists: each of those names must be one the engine reads, and each default
     * and suggested value one it accepts.
     */
    @Test
    @SuppressWarnings("unchecked")
    void every_property_and_value_in_the_configuration_metadata_is_one_the_engine_reads() throws Exception {
        Map<String, Object> metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = JsonParserFactory.getJsonParser().parseMap(new String(in.readAllBytes(), "UTF-8"));
        }
        Map<String, List<Object>> examples = new TreeMap<>();
        for (Map<String, Object> property : (List<Map<String, Object>>) metadata.get("properties")) {
            List<Object> values = new ArrayList<>();
            if (property.containsKey("defaultValue")) {
                values.add(property.get("defaultValue"));
            }
            examples.put((String) property.get("name"), values);
        }
        for (Map<String, Object> hint : (List<Map<String, Object>>) metadata.get("hints")) {
            List<Object> values = examples.get((String) hint.get("name"));
            assertNotNull(values, () -> "a hint for a property not listed: " + hint.get("name"));
            for (Map<String, Object> value : (List<Map<String, Object>>) hint.get("values")) {
                values.add(value.get("value"));
            }
        }
        examples.forEach((name, values) -> {
            String key = EngineSettings.camelCase(name.substring(Config.PREFIX.length()));
            for (Object value : values.isEmpty() ? List.of("dev.nplusone") : values) {
                Config.from(Map.of(key, String.valueOf(value)), errors::add);
            }
        });
        assertEquals(List.of(), errors);
    }
}
