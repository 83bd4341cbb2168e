package dev.nplusone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DriverContractTest {
    final NPlusOneDriver driver = new NPlusOneDriver();

    @Test
    void drivermanager_finds_the_driver_for_nplusone_urls_only() throws SQLException {
        assertInstanceOf(NPlusOneDriver.class, DriverManager.getDriver("jdbc:nplusone:h2:mem:contract"));
        assertFalse(DriverManager.getDriver("jdbc:h2:mem:contract") instanceof NPlusOneDriver);
    }

    @Test
    void returns_null_for_urls_that_are_not_its_own() throws SQLException {
        assertFalse(driver.acceptsURL("jdbc:h2:mem:x"));
        assertFalse(driver.acceptsURL(null));
        assertNull(driver.connect("jdbc:h2:mem:x", new Properties()));
    }

    @Test
    void connects_through_the_real_driver_and_returns_a_working_connection() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:nplusone:h2:mem:contract1", "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select 41 + 1")) {
            assertTrue(rows.next());
            assertEquals(42, rows.getInt(1));
            assertEquals("H2", connection.getMetaData().getDatabaseProductName());
        }
    }

    @Test
    void says_which_driver_is_missing_without_showing_credentials() {
        SQLException error = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:nplusone:nosuchdb://alice:secret@db.example/x?password=hunter2"));

        assertTrue(error.getMessage().contains("no JDBC driver found for jdbc:nosuchdb://db.example/x"), error.getMessage());
        assertFalse(error.getMessage().contains("secret") || error.getMessage().contains("hunter2"), error.getMessage());
        assertEquals("08001", error.getSQLState());
    }

    @Test
    void driver_errors_surface_unchanged() {
        SQLException error = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:nplusone:h2:mem:contract2;NO_SUCH_SETTING=1", "sa", ""));

        assertEquals("90113", error.getSQLState(), error.getMessage());
    }

    @Test
    void a_bad_column_index_on_a_watched_join_throws_the_drivers_own_exception_and_allocates_nothing_for_it()
            throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:nplusone:h2:mem:contract3", "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("create table author (id int primary key, name varchar(20))");
            statement.execute("create table post (id int primary key, author_id int)");
            statement.execute("insert into author values (1, 'alice')");
            statement.execute("insert into post values (1, 1)");
            String joined = "select p.id, a.name from post p left join author a on a.id = p.author_id";
            SQLException expected;
            try (ResultSet raw = connection.unwrap(Connection.class).createStatement().executeQuery(joined)) {
                raw.next();
                expected = assertThrows(SQLException.class, () -> raw.getBoolean(-1));
            }
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            try (Scope scope = NPlusOne.scope("bad column index");
                 ResultSet rows = statement.executeQuery(joined)) {
                rows.next();
                long before = threads.getCurrentThreadAllocatedBytes();
                SQLException negative = assertThrows(SQLException.class, () -> rows.getBoolean(-1));
                SQLException wide = assertThrows(SQLException.class, () -> rows.getString(100_000));
                long allocated = threads.getCurrentThreadAllocatedBytes() - before;

                assertEquals(expected.getSQLState(), negative.getSQLState(), negative.getMessage());
                assertEquals(expected.getSQLState(), wide.getSQLState(), wide.getMessage());
                assertEquals(expected.getClass(), negative.getClass());
                assertTrue(allocated < 16 << 20, () -> allocated + " bytes allocated for two bad indexes");
                assertEquals("alice", rows.getString(2));
            }
        }
    }

    @Test
    void reports_a_real_parent_logger_and_its_property_info() throws SQLException {
        assertNotNull(driver.getParentLogger());
        assertEquals("dev.nplusone", driver.getParentLogger().getName());
        assertEquals(new org.h2.Driver().getPropertyInfo("jdbc:h2:mem:x", new Properties()).length,
                driver.getPropertyInfo("jdbc:nplusone:h2:mem:x", new Properties()).length);
        assertEquals(0, driver.getPropertyInfo("jdbc:h2:mem:x", new Properties()).length);
    }
}
