package dev.nplusone.agent;

import static dev.nplusone.agent.JsonLines.Figures.nPlusOne;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nplusone.apps.JdbcProgram;
import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.CallSites;
import dev.nplusone.scenarios.CompanyPages;
import dev.nplusone.scenarios.SeedDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The seed scenarios' pages in an application that knows nothing about nplusone, run with
 * {@code -javaagent}: each page runs on one connection, so each N+1 is reported in that connection's scope.
 */
class JdbcProgramsIT {
    private static final String[] PAGES = {"authorsInLoop", "doneRight", "cityAndCountryChain", "tagsInLoop"};

    @ParameterizedTest
    @EnumSource(Jdk.class)
    void reports_n_plus_one_per_connection_of_a_driver_manager_program(Jdk jdk) {
        assertPagesReported(jdk, "driver-manager", "org.h2.Driver");
    }

    @ParameterizedTest
    @EnumSource(Jdk.class)
    void reports_n_plus_one_per_checkout_of_a_hikari_pool_counting_each_statement_once(Jdk jdk) {
        assertPagesReported(jdk, "hikari", "com.zaxxer.hikari.HikariDataSource");
    }

    @ParameterizedTest
    @EnumSource(Jdk.class)
    void reports_n_plus_one_per_connection_of_a_datasource_only_driver(Jdk jdk) {
        assertPagesReported(jdk, "datasource", "org.h2.jdbcx.JdbcDataSource");
    }

    private static void assertPagesReported(Jdk jdk, String connectivity, String watchedThrough) {
        ChildJvm jvm = ChildJvm.on(jdk);
        Path json = jvm.file("n1.jsonl");
        jvm.agent("json=" + json).run(JdbcProgram.class, prepend(connectivity, PAGES)).assertExitedNormally();

        List<JsonNode> scopes = JsonLines.read(json);
        assertEquals(3, scopes.size(), () -> "one line per page with findings (doneRight has none): " + scopes);
        for (JsonNode scope : scopes) {
            assertEquals("connection", scope.at("/scope/kind").asText());
            String name = scope.at("/scope/name").asText();
            assertTrue(name.startsWith("connection ") && name.endsWith(" (" + watchedThrough + ")"), name);
        }
        JsonNode authors = scopes.get(0);
        assertEquals(1 + SeedDatabase.POSTS, authors.get("statements").asInt());
        JsonLines.assertFindings(authors, nPlusOne(SeedDatabase.POSTS, SeedDatabase.AUTHORS, 1, BlogPages.AUTHOR_SQL,
                CallSites.of(BlogPages.class, "author")));
        String lookup = CallSites.of(CompanyPages.class, "lookup");
        JsonLines.assertFindings(scopes.get(1),
                nPlusOne(SeedDatabase.EMPLOYEES, SeedDatabase.CITIES, 1, CompanyPages.CITY_SQL, lookup),
                nPlusOne(SeedDatabase.EMPLOYEES, SeedDatabase.COUNTRIES, 1, CompanyPages.COUNTRY_SQL, lookup));
        JsonLines.assertFindings(scopes.get(2), nPlusOne(SeedDatabase.POSTS, SeedDatabase.POSTS, 5, BlogPages.TAGS_SQL,
                CallSites.of(BlogPages.class, "tagQuery")));
    }

    static String[] prepend(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
