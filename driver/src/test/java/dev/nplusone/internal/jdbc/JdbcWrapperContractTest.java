package dev.nplusone.internal.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.Finding;
import dev.nplusone.NPlusOne;
import dev.nplusone.Scope;
import dev.nplusone.ScopeReport;
import dev.nplusone.ShapeStats;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.proxy.ProxyJdbcObject;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbc.JdbcPreparedStatement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JDBC contract of nplusone's wrappers, beyond what ResultSets pin in {@link ResultSetProxyTest}: the
 * objects an application navigates between are the watched ones, the driver's own objects and errors come
 * back unchanged, and every way of executing SQL is recorded once.
 */
class JdbcWrapperContractTest {
    private static final JdbcDataSource RAW = new JdbcDataSource();
    private final DataSource dataSource = NPlusOne.wrap(RAW);

    @BeforeAll
    static void createTable() throws SQLException {
        RAW.setURL("jdbc:h2:mem:wrapper_contract;DB_CLOSE_DELAY=-1");
        RAW.setUser("sa");
        try (Connection connection = RAW.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table item (id bigint primary key, name varchar(20))");
            statement.execute("insert into item select x, 'item ' || x from system_range(1, 10)");
        }
    }

    @Test
    void statements_lead_back_to_the_watched_connection_and_results_to_the_watched_statement() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement plain = connection.createStatement();
             PreparedStatement prepared = connection.prepareStatement("select id from item where id = ?");
             CallableStatement callable = connection.prepareCall("select id from item where id = ?")) {
            assertSame(connection, plain.getConnection());
            assertSame(connection, prepared.getConnection());
            assertSame(connection, callable.getConnection());
            try (ResultSet rows = plain.executeQuery("select id from item")) {
                assertSame(plain, rows.getStatement());
            }
            prepared.setLong(1, 1);
            try (ResultSet rows = prepared.executeQuery()) {
                assertSame(prepared, rows.getStatement());
            }
            assertTrue(plain.execute("select id from item"));
            ResultSet current = plain.getResultSet();
            assertSame(current, plain.getResultSet(), "the same driver ResultSet gives the same watched one");
            assertSame(plain, current.getStatement());
        }
    }

    @Test
    void the_drivers_objects_are_reachable_through_unwrap_and_the_proxy_interface() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement prepared = connection.prepareStatement("select id from item")) {
            JdbcConnection driverConnection = connection.unwrap(JdbcConnection.class);
            assertSame(driverConnection, ((ProxyJdbcObject) connection).getTarget());
            assertTrue(connection.isWrapperFor(JdbcConnection.class));
            JdbcPreparedStatement driverStatement = prepared.unwrap(JdbcPreparedStatement.class);
            assertSame(driverStatement, ((ProxyJdbcObject) prepared).getTarget());
            assertEquals(connection, connection);
            assertTrue(connection.equals(driverConnection), "equal to the driver's object, as datasource-proxy's are");
            assertEquals(driverConnection.hashCode(), connection.hashCode());
            assertEquals(driverStatement.hashCode(), prepared.hashCode());
            assertTrue(prepared.toString().contains(driverStatement.toString()), prepared.toString());
        }
    }

    @Test
    void driver_errors_reach_the_application_as_the_driver_threw_them() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Connection raw = RAW.getConnection()) {
            SQLException watched = assertThrows(SQLException.class,
                    () -> connection.createStatement().executeQuery("select nothing from nowhere"));
            SQLException direct = assertThrows(SQLException.class,
                    () -> raw.createStatement().executeQuery("select nothing from nowhere"));
            assertSame(direct.getClass(), watched.getClass());
            assertEquals(direct.getSQLState(), watched.getSQLState());
            assertEquals(direct.getErrorCode(), watched.getErrorCode());

            PreparedStatement prepared = connection.prepareStatement("select id from item where id = ?");
            SQLException badIndex = assertThrows(SQLException.class, () -> prepared.setLong(7, 1));
            assertEquals("90008", badIndex.getSQLState(), badIndex.getMessage());
            prepared.close();
            SQLException closed = assertThrows(SQLException.class, prepared::executeQuery);
            assertEquals(raw.prepareStatement("select 1").getClass(), prepared.unwrap(PreparedStatement.class).getClass());
            assertTrue(closed.getMessage().toLowerCase().contains("closed"), closed.getMessage());
        }
    }

    @Test
    void jdbc_4_3_methods_reach_the_driver() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             Connection raw = RAW.getConnection(); Statement driverStatement = raw.createStatement()) {
            assertEquals("'it''s'", statement.enquoteLiteral("it's"));
            assertEquals(driverStatement.enquoteIdentifier("Item", false), statement.enquoteIdentifier("Item", false));
            assertEquals(driverStatement.isSimpleIdentifier("item"), statement.isSimpleIdentifier("item"));
            assertEquals(driverStatement.enquoteNCharLiteral("x"), statement.enquoteNCharLiteral("x"));
            connection.beginRequest();
            connection.endRequest();
            assertEquals(0L, statement.executeLargeUpdate("update item set name = name where id = -1"));
        }
    }

    @Test
    void every_way_of_executing_sql_is_recorded_once() throws SQLException {
        ScopeReport report;
        try (Scope scope = NPlusOne.scope("ways to execute");
             Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             PreparedStatement update = connection.prepareStatement("update item set name = name where id = ?")) {
            statement.executeQuery("select id from item where id = 1").close();
            statement.execute("select id from item where id = 2");
            statement.executeUpdate("update item set name = name where id = 3");
            statement.executeLargeUpdate("update item set name = name where id = 4");
            statement.addBatch("update item set name = name where id = 5");
            statement.addBatch("update item set name = name where id = 6");
            assertArrayEquals(new int[] {1, 1}, statement.executeBatch());
            update.setLong(1, 7);
            update.executeUpdate();
            update.setLong(1, 8);
            update.addBatch();
            update.setLong(1, 9);
            update.addBatch();
            update.executeBatch();
            scope.close();
            report = scope.report();
        }
        assertEquals(8, report.statements(), "a batch of two SQL strings is two, a prepared batch one");
        assertEquals(List.of(2, 6), report.shapes().stream().map(ShapeStats::executions).toList());
    }

    @Test
    void parameters_bound_in_any_order_are_the_same_key() throws SQLException {
        ScopeReport report;
        try (Scope scope = NPlusOne.scope("bind order");
             Connection connection = dataSource.getConnection()) {
            for (int id = 1; id <= 4; id++) {
                try (PreparedStatement lookup = connection.prepareStatement(
                        "select name from item where id = ? and name = ?")) {
                    if (id % 2 == 0) {
                        lookup.setLong(1, 1);
                        lookup.setString(2, "item 1");
                    } else {
                        lookup.setString(2, "item 1");
                        lookup.setLong(1, 1);
                    }
                    lookup.executeQuery().close();
                }
            }
            scope.close();
            report = scope.report();
        }
        Finding finding = report.findings().get(0);
        assertEquals(Finding.Kind.DUPLICATE, finding.kind());
        assertEquals(1, finding.distinctKeys());
    }

    @Test
    void a_callable_statement_in_a_loop_is_an_n_plus_one_with_its_parent() throws SQLException {
        ScopeReport report;
        try (Scope scope = NPlusOne.scope("callable");
             Connection connection = dataSource.getConnection();
             ResultSet ids = connection.createStatement().executeQuery("select id from item order by id")) {
            while (ids.next()) {
                try (CallableStatement call = connection.prepareCall("select name from item where id = ?")) {
                    call.setLong(1, ids.getLong(1));
                    try (ResultSet name = call.executeQuery()) {
                        name.next();
                    }
                }
            }
            scope.close();
            report = scope.report();
        }
        Finding finding = report.findings().get(0);
        assertEquals(Finding.Kind.N_PLUS_ONE, finding.kind());
        assertEquals(10, finding.distinctKeys());
        assertEquals(1, finding.maxRows());
        assertEquals("id", finding.parent().column());
    }

    @Test
    void rewrapping_a_watched_connection_returns_it() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertSame(connection, JdbcWrapping.wrap(connection, "again"));
            assertInstanceOf(WatchedConnection.class, connection);
        }
    }
}
