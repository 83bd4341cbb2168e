package dev.nplusone.agent;

import static dev.nplusone.agent.JsonLines.Figures.nPlusOne;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nplusone.apps.WebProgram;
import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.CallSites;
import dev.nplusone.scenarios.CompanyPages;
import dev.nplusone.scenarios.SeedDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A web application on embedded Tomcat, unchanged, run with {@code -javaagent} and called over HTTP on
 * 127.0.0.1. Each request is a scope named after its route; the N+1 endpoints are reported once per request,
 * the clean one never. One run per JDK, shared by the tests below.
 */
class WebProgramIT {
    static final List<String> REQUESTS = List.of("/posts", "/posts/7", "/companies/acme/employees", "/posts",
            "/posts/8", "/companies/globex/employees", "/posts");
    private static final Map<Jdk, WebRun> RUNS = new EnumMap<>(Jdk.class);

    /** What one run of the web program left: its JSON lines by scope name, and its standard error. */
    record WebRun(Map<String, List<JsonNode>> scopesByName, ChildJvm.Result result) {
    }

    @ParameterizedTest
    @EnumSource(Jdk.class)
    void reports_n_plus_one_per_http_route(Jdk jdk) {
        WebRun run = run(jdk);

        assertEquals(List.of("GET /posts", "GET /companies/{name}/employees"), List.copyOf(run.scopesByName().keySet()),
                "routes with findings, in order; the clean GET /posts/{id} has none");
        assertEquals(3, run.scopesByName().get("GET /posts").size());
        for (JsonNode scope : run.scopesByName().get("GET /posts")) {
            assertEquals(HttpScopes.KIND, scope.at("/scope/kind").asText());
            JsonLines.assertFindings(scope, nPlusOne(SeedDatabase.POSTS, SeedDatabase.AUTHORS, 1, BlogPages.AUTHOR_SQL,
                    CallSites.of(BlogPages.class, "author")));
        }
        String lookup = CallSites.of(CompanyPages.class, "lookup");
        assertEquals(2, run.scopesByName().get("GET /companies/{name}/employees").size());
        for (JsonNode scope : run.scopesByName().get("GET /companies/{name}/employees")) {
            assertEquals(HttpScopes.KIND, scope.at("/scope/kind").asText());
            JsonLines.assertFindings(scope,
                    nPlusOne(SeedDatabase.EMPLOYEES, SeedDatabase.CITIES, 1, CompanyPages.CITY_SQL, lookup),
                    nPlusOne(SeedDatabase.EMPLOYEES, SeedDatabase.COUNTRIES, 1, CompanyPages.COUNTRY_SQL, lookup));
        }
    }

    @ParameterizedTest
    @EnumSource(Jdk.class)
    void logs_a_finding_repeated_across_requests_once_and_sums_it_up_at_shutdown(Jdk jdk) {
        ChildJvm.Result result = run(jdk).result();

        assertEquals(1, result.stderrCount("nplusone: 1 new finding in scope 'GET /posts'"), result.stderr());
        assertEquals(1, result.stderrCount("nplusone: 2 new findings in scope 'GET /companies/{name}/employees'"),
                result.stderr());
        assertEquals(0, result.stderrCount("seen again"), "no repeat line before the 10th scope: " + result.stderr());
        assertEquals(1, result.stderrCount("loop at : " + CallSites.of(BlogPages.class, "author")), result.stderr());
        result.assertStderrContains("nplusone: top 3 of 3 findings by time spent in the repeated queries");
        result.assertStderrContains("N+1 QUERY: 3 scopes, 150 executions");
        result.assertStderrContains("first in 'GET /posts'");
    }

    private static synchronized WebRun run(Jdk jdk) {
        return RUNS.computeIfAbsent(jdk, WebProgramIT::start);
    }

    private static WebRun start(Jdk jdk) {
        ChildJvm jvm = ChildJvm.on(jdk);
        Path json = jvm.file("n1.jsonl");
        ChildJvm.Running running = jvm.agent("json=" + json).start(WebProgram.class);
        try {
            int port = port(running);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            for (String path : REQUESTS) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), () -> path + ": " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            running.stop();
        }
        ChildJvm.Result result = running.await().assertExitedNormally();
        Map<String, List<JsonNode>> byName = new LinkedHashMap<>();
        for (JsonNode scope : JsonLines.read(json)) {
            byName.computeIfAbsent(scope.at("/scope/name").asText(), name -> new ArrayList<>()).add(scope);
        }
        return new WebRun(byName, result);
    }

    /** Reads {@code port=N} from the program's standard output. */
    static int port(ChildJvm.Running running) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(running.process().getInputStream(),
                StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.startsWith("port=")) {
                return Integer.parseInt(line.substring("port=".length()));
            }
        }
        throw new AssertionError("the web program ended before listening; stderr in " + running.stderrFile());
    }
}
