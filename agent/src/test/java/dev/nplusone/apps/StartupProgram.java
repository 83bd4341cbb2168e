package dev.nplusone.apps;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The smallest JDBC application: opens an in-memory H2 database through DriverManager, runs a few statements
 * (none of them twice) and exits. What the agent costs such a program is its start-up and exit cost.
 */
public final class StartupProgram {
    private StartupProgram() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:startup", "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("create table item (id int primary key, name varchar(20))");
            statement.execute("insert into item values (1, 'one'), (2, 'two')");
            try (PreparedStatement lookup = connection.prepareStatement("select name from item where id = ?")) {
                lookup.setInt(1, 2);
                try (ResultSet row = lookup.executeQuery()) {
                    row.next();
                    System.out.println(row.getString(1));
                }
            }
        }
    }
}
