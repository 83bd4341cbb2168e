package dev.nplusone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nplusone.scenarios.SeedDatabase;
import dev.nplusone.support.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At JVM shutdown the connection scopes still open (a pool rarely closes its connections) are reported by
 * the shutdown hook: every JSON line is whole and valid even while other threads are still reporting, each
 * scope is reported once, and bound values stay out of every report unless capture is switched on.
 */
class ShutdownReportTest {
    static final String SECRET = "SECRET-MARKER";
    static final int IDLE_CONNECTIONS = 24;
    static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @TempDir
    Path directory;

    @Test
    void connections_open_at_shutdown_are_reported_in_whole_json_lines_without_bound_values() throws Exception {
        Path file = directory.resolve("shutdown.jsonl");
        ChildJvm child = ChildJvm.start(List.of("-Dnplusone.json=" + file, "-Xmx128m"), App.class);
        child.awaitLine("ready", Duration.ofSeconds(60));
        Thread.sleep(300); // the busy threads open, use and close connections meanwhile
        ChildJvm.Result result = child.terminate(Duration.ofSeconds(30));

        String written = Files.readString(file);
        assertTrue(written.endsWith("\n"), "the file ends with a whole line");
        Set<String> scopes = new HashSet<>();
        int idle = 0;
        for (String line : written.split("\n")) {
            JsonNode report = JSON.readTree(line);
            String name = report.at("/scope/name").asText();
            assertTrue(scopes.add(name), "reported once: " + name);
            assertEquals("connection", report.at("/scope/kind").asText());
            assertEquals("N_PLUS_ONE", report.at("/findings/0/kind").asText(), line);
            assertFalse(line.contains(SECRET), line);
            idle += name.endsWith("(idle)") ? 1 : 0;
        }
        assertEquals(IDLE_CONNECTIONS, idle, written);
        assertTrue(scopes.size() > IDLE_CONNECTIONS, "busy connections were reported too: " + scopes.size());
        assertFalse(result.output().contains(SECRET), result.output());
        assertTrue(result.output().contains("nplusone: 1 finding in scope 'connection"), result.output());
    }

    /** The child: leaves connections with an N+1 open, keeps others busy, and waits to be stopped. */
    static final class App {
        public static void main(String[] args) throws Exception {
            SeedDatabase database = SeedDatabase.create();
            DataSource idle = NPlusOne.wrap(database.raw(), "idle");
            DataSource busy = NPlusOne.wrap(database.raw(), "busy");
            List<Connection> leftOpen = new ArrayList<>();
            for (int i = 0; i < IDLE_CONNECTIONS; i++) {
                Connection connection = idle.getConnection();
                lookUpSecrets(connection, i);
                leftOpen.add(connection);
            }
            CountDownLatch working = new CountDownLatch(8);
            for (int t = 0; t < 8; t++) {
                int thread = t;
                Thread worker = new Thread(() -> {
                    for (int round = 0; ; round++) {
                        try {
                            Connection connection = busy.getConnection();
                            lookUpSecrets(connection, thread * 1_000_000 + round);
                            if (round % 3 != 0) {
                                connection.close(); // the others stay open until shutdown
                                working.countDown();
                            }
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }, "busy-" + t);
                worker.start();
            }
            working.await(); // every busy thread has reported a connection of its own
            System.out.println("ready");
            Thread.sleep(Long.MAX_VALUE);
        }

        static void lookUpSecrets(Connection connection, int n) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement("select id from blog_author where email = ?")) {
                for (int i = 0; i < 4; i++) {
                    statement.setString(1, SECRET + "-" + n + "-" + i + "@example.com");
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                    }
                }
            }
        }
    }
}
