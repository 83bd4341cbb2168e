package dev.nplusone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Seed scripts run at start-up (Spring's ScriptUtils, Flyway, Liquibase) execute one INSERT per line, all of one
 * shape, from the application's main: a script, not a write loop of the application's. (Not among the scenarios:
 * ApplicationCopyIT runs those under the agent on a class path without Spring, which this test needs.)
 */
class SeedScriptsTest {
    private static final String SCRIPT = "seed/twenty-tags.sql";

    @Test
    void a_seed_script_run_by_springs_script_runner_is_no_write_loop() throws Exception {
        DataSource dataSource = database("seed_by_spring");
        Scope scope = NPlusOne.scope("start-up");
        try (scope) {
            new ResourceDatabasePopulator(new ClassPathResource(SCRIPT)).execute(dataSource);
        }

        ScopeReport report = scope.report();
        assertEquals(20, report.statements(), report::toString);
        assertEquals(List.of(), report.findings());
        assertEquals(20, tags(dataSource));
    }

    @Test
    void the_same_inserts_run_by_an_application_loop_are_a_write_loop() throws Exception {
        DataSource dataSource = database("seed_by_loop");
        List<String> inserts = inserts();
        Scope scope = NPlusOne.scope("start-up");
        try (scope; Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String insert : inserts) {
                statement.execute(insert);
            }
        }

        ScopeReport report = scope.report();
        assertEquals(1, report.findings().size(), report::toString);
        Finding finding = report.findings().get(0);
        assertEquals(Finding.Kind.WRITE_LOOP, finding.kind());
        assertEquals(20, finding.executions());
        assertEquals(20, tags(dataSource));
    }

    /** The script's INSERTs, as the application would run them itself. */
    private static List<String> inserts() throws IOException {
        try (InputStream in = new ClassPathResource(SCRIPT).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> line.startsWith("insert"))
                    .map(line -> line.substring(0, line.length() - 1))
                    .toList();
        }
    }

    private static DataSource database(String name) throws SQLException {
        JdbcDataSource raw = new JdbcDataSource();
        raw.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        raw.setUser("sa");
        try (Connection connection = raw.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table seed_tag (id int primary key, name varchar(20))");
        }
        return NPlusOne.wrap(raw);
    }

    private static int tags(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("select count(*) from seed_tag")) {
            count.next();
            return count.getInt(1);
        }
    }
}
