package dev.nplusone.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reading the JSON Lines report the agent wrote, and the figures of its findings. */
final class JsonLines {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonLines() {
    }

    /** One node per scope line; none when the file was never written. */
    static List<JsonNode> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<JsonNode> scopes = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                scopes.add(MAPPER.readTree(line));
            }
            return scopes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the tests pin of one finding, comparable as a whole so that a failure shows every figure. */
    record Figures(String kind, int executions, int distinctKeys, int maxRows, String sql, String callSite) {
        static Figures nPlusOne(int executions, int distinctKeys, int maxRows, String sql, String callSite) {
            return new Figures("N_PLUS_ONE", executions, distinctKeys, maxRows, sql, callSite);
        }

        static Figures of(JsonNode finding) {
            return new Figures(finding.get("kind").asText(), finding.get("executions").asInt(),
                    finding.get("distinctKeys").asInt(), finding.get("maxRows").asInt(), finding.get("sql").asText(),
                    finding.get("callSite").asText());
        }
    }

    /** Asserts the scope's findings, in order of their SQL. */
    static void assertFindings(JsonNode scope, Figures... expected) {
        List<Figures> actual = new ArrayList<>();
        scope.get("findings").forEach(finding -> actual.add(Figures.of(finding)));
        actual.sort(Comparator.comparing(Figures::sql));
        assertEquals(List.of(expected), actual, () -> "findings of " + scope);
    }
}
