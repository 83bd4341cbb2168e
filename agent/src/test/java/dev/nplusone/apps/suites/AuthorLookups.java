package dev.nplusone.apps.suites;

import dev.nplusone.scenarios.BlogPages;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A test helper of the sample suites: one author's name by id, one statement per call. */
public final class AuthorLookups {
    private AuthorLookups() {
    }

    static String name(Connection connection, int id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(BlogPages.AUTHOR_SQL)) {
            statement.setInt(1, id);
            try (ResultSet rows = statement.executeQuery()) { // site:name
                return rows.next() ? rows.getString(2) : null;
            }
        }
    }
}
