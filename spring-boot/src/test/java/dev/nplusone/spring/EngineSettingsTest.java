package dev.nplusone.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nplusone.internal.config.Config;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class EngineSettingsTest {

    @Test
    void reads_nplusone_keys_in_the_system_property_spelling_and_in_kebab_case() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application.yml", Map.of(
                "nplusone.threshold", "5", "nplusone.capture-values", "true", "nplusone.json.all", "true",
                "spring.datasource.url", "jdbc:h2:mem:x")));

        Map<String, String> values = EngineSettings.values(environment);

        assertEquals("5", values.get("threshold"));
        assertEquals("true", values.get("captureValues"));
        assertEquals("true", values.get("json.all"));
        assertEquals(List.of(), values.keySet().stream().filter(key -> key.contains("datasource")).toList());
    }

    /** An IDE completes what the metadata lists: each of those names must be one the engine reads. */
    @Test
    @SuppressWarnings("unchecked")
    void every_property_in_the_configuration_metadata_is_one_the_engine_reads() throws Exception {
        Map<String, Object> metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = JsonParserFactory.getJsonParser().parseMap(new String(in.readAllBytes(), "UTF-8"));
        }
        List<String> errors = new ArrayList<>();
        for (Map<String, Object> property : (List<Map<String, Object>>) metadata.get("properties")) {
            String key = EngineSettings.camelCase(((String) property.get("name")).substring(Config.PREFIX.length()));
            Object example = property.getOrDefault("defaultValue", "dev.nplusone");
            Config.from(Map.of(key, String.valueOf(example)), errors::add);
        }
        assertEquals(List.of(), errors);
    }
}
