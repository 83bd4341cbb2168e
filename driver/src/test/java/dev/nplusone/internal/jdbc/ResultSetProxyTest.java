package dev.nplusone.internal.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.NPlusOne;
import dev.nplusone.Scope;
import dev.nplusone.internal.config.Config;
import dev.nplusone.support.Configured;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.proxy.ProxyJdbcObject;
import org.h2.jdbc.JdbcResultSet;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** ResultSets are nplusone's own delegating classes: they must still behave like the driver's. */
class ResultSetProxyTest {
    private final DataSource dataSource = NPlusOne.wrap(h2("result_set_proxy"));

    @Test
    void a_watched_result_set_answers_like_the_drivers() throws SQLException {
        try (Scope scope = NPlusOne.scope("watched")) {
            behavesLikeTheDriversResultSet();
        }
    }

    @Test
    void a_result_set_nplusone_does_not_record_answers_like_the_drivers() throws SQLException {
        try (Configured off = Configured.with(Config.from(Map.of("enabled", "false"), message -> { }))) {
            behavesLikeTheDriversResultSet();
        }
    }

    private void behavesLikeTheDriversResultSet() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select x, 'v' || x from system_range(1, 3)");
             ResultSet rows = statement.executeQuery()) {
            assertTrue(rows.next());
            assertEquals(1, rows.getInt(1));
            assertEquals("v1", rows.getString(2));

            JdbcResultSet driver = rows.unwrap(JdbcResultSet.class);
            assertTrue(rows.isWrapperFor(JdbcResultSet.class));
            assertSame(driver, ((ProxyJdbcObject) rows).getTarget());
            assertTrue(rows.toString().contains(driver.toString()), rows.toString());
            assertEquals(rows, rows);
            assertNotEquals(rows, statement);
            assertEquals(driver.hashCode(), rows.hashCode());

            // the driver's own exception, not a reflection wrapper
            SQLException error = assertThrows(SQLException.class, () -> rows.getString(99));
            assertEquals("90008", error.getSQLState(), error.getMessage());
            assertTrue(rows.next());
            assertTrue(rows.next());
            assertFalse(rows.next());
        }
    }

    private static DataSource h2(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }
}
