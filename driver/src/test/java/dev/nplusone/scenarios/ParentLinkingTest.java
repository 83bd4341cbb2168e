package dev.nplusone.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.nplusone.Finding;
import dev.nplusone.NPlusOne;
import dev.nplusone.Scope;
import dev.nplusone.ScopeReport;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The parent is found from the values the application read, however it read them. */
class ParentLinkingTest {
    @RegisterExtension
    static final PerClassDatabase DATABASE = new PerClassDatabase();

    /** Ways an application reads the author_id column (the third) of the posts query. */
    enum Getter {
        INT_BY_INDEX, LONG_BY_LABEL, OBJECT_BY_INDEX, OBJECT_BY_LABEL, BIG_DECIMAL_BY_LABEL;

        Object read(ResultSet rows) throws SQLException {
            switch (this) {
                case INT_BY_INDEX:
                    return rows.getInt(3);
                case LONG_BY_LABEL:
                    return rows.getLong("author_id");
                case OBJECT_BY_INDEX:
                    return rows.getObject(3);
                case OBJECT_BY_LABEL:
                    return rows.getObject("AUTHOR_ID");
                default:
                    return rows.getBigDecimal("author_id");
            }
        }
    }

    interface Keys {
        List<Object> read(Connection connection) throws SQLException;
    }

    static ScopeReport authorLoop(Keys keys) throws Exception {
        Scope scope = NPlusOne.scope("linking");
        try (scope; Connection connection = NPlusOne.wrap(DATABASE.get().raw()).getConnection()) {
            for (Object key : keys.read(connection)) {
                try (PreparedStatement statement = connection.prepareStatement(BlogPages.AUTHOR_SQL)) {
                    statement.setObject(1, key instanceof BigDecimal decimal ? decimal.intValueExact() : key);
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                    }
                }
            }
        }
        return scope.report();
    }

    static List<Object> posts(Connection connection, Getter getter) throws SQLException {
        List<Object> keys = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(BlogPages.POSTS_SQL);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                keys.add(getter.read(rows));
            }
        }
        return keys;
    }

    @ParameterizedTest
    @EnumSource(Getter.class)
    void finds_the_parent_column_whichever_getter_read_the_keys(Getter getter) throws Exception {
        ScopeReport report = authorLoop(connection -> posts(connection, getter));

        Finding finding = report.findings().get(0);
        assertEquals(Finding.Confidence.CONFIRMED, finding.confidence());
        assertEquals(new Finding.Parent(BlogPages.POSTS_SQL, "author_id", SeedDatabase.POSTS), finding.parent());
    }

    @Test
    void keys_not_read_from_the_preceding_results_make_a_likely_verdict_without_parent() throws Exception {
        ScopeReport report = authorLoop(connection -> {
            posts(connection, Getter.INT_BY_INDEX);
            List<Object> computed = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                computed.add(1 + (i * 3) % SeedDatabase.AUTHORS + 100);
            }
            return computed;
        });

        Finding finding = report.findings().get(0);
        assertEquals(Finding.Confidence.LIKELY, finding.confidence());
        assertNull(finding.parent());
        assertEquals(Finding.Strategy.BATCH_IN, finding.suggestion().strategy());
    }

    @Test
    void keys_used_before_the_parent_read_them_do_not_confirm_it() throws Exception {
        ScopeReport report = authorLoop(connection -> {
            List<Object> keys = new ArrayList<>();
            for (int i = 1; i <= SeedDatabase.AUTHORS; i++) {
                keys.add(i);
            }
            return keys;
        });

        assertEquals(Finding.Confidence.UNPARENTED, report.findings().get(0).confidence());
    }
}
