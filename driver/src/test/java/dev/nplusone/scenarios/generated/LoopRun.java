package dev.nplusone.scenarios.generated;

import dev.nplusone.NPlusOne;
import dev.nplusone.Scope;
import dev.nplusone.ScopeReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a scenario's loop the way application code does (a statement per row, the key read from the row by
 * its label) on a watched connection inside an nplusone scope, and keeps what every statement returned.
 */
final class LoopRun {
    /** A row as the driver returned it, with its column labels (lower case). */
    record Row(List<String> labels, List<Object> values) {
        Object get(String label) {
            int index = labels.indexOf(label.toLowerCase(Locale.ROOT));
            if (index < 0) {
                throw new IllegalStateException("no column " + label + " in " + labels);
            }
            return values.get(index);
        }
    }

    /** One execution of a lookup: the row it was run for, its key, its binds, and the rows it returned. */
    record Visit(Row parentRow, Object key, List<Object> binds, List<Row> rows, int width) {
    }

    /** What the scenario read, and nplusone's report of its scope. */
    record Trace(List<Row> parentRows, List<List<Visit>> levels, ScopeReport report) {
    }

    private LoopRun() {
    }

    static Trace run(Scenario scenario, Connection watched) throws SQLException {
        List<List<Visit>> levels = new ArrayList<>();
        for (int i = 0; i < scenario.levels().size(); i++) {
            levels.add(new ArrayList<>());
        }
        List<Row> parentRows;
        Scope scope = NPlusOne.scope("generated " + scenario.seed());
        try (scope) {
            parentRows = query(watched, scenario.parent().text(), scenario.parent().binds());
            switch (scenario.negative()) {
                case BATCHED -> batched(scenario, watched, parentRows);
                case PAGINATED -> paginated(scenario, watched);
                case CALL_SITES -> fromThreeCallSites(scenario, watched, parentRows);
                case BELOW_THRESHOLD -> loop(scenario, watched, 0, parentRows.subList(0, Math.min(2, parentRows.size())), levels);
                case NONE -> loop(scenario, watched, 0, parentRows, levels);
            }
        }
        return new Trace(parentRows, levels, scope.report());
    }

    private static void loop(Scenario scenario, Connection connection, int level, List<Row> rows,
                             List<List<Visit>> levels) throws SQLException {
        Scenario.Lookup lookup = scenario.levels().get(level);
        for (Row row : rows) {
            Object key = row.get(lookup.keyLabel());
            if (key == null) {
                continue; // a nullable foreign key: the application skips the lookup
            }
            List<Object> binds = new ArrayList<>();
            String sql = withKey(scenario, lookup, key, binds);
            int[] width = new int[1];
            // a key written into the SQL goes through a plain Statement unless the lookup binds other values
            List<Row> found = lookup.inlineKey() && binds.isEmpty() ? queryInline(connection, sql, width)
                    : query(connection, sql, binds, width);
            levels.get(level).add(new Visit(row, key, binds, found, width[0]));
            if (level + 1 < scenario.levels().size()) {
                loop(scenario, connection, level + 1, found, levels);
            }
        }
    }

    /** The lookup's SQL for one key; {@code binds} receives its bound values in order. */
    static String withKey(Scenario scenario, Scenario.Lookup lookup, Object key, List<Object> binds) {
        String text = lookup.child().text();
        int at = text.indexOf(Scenario.Template.KEY);
        int before = count(text.substring(0, at));
        List<Object> constants = lookup.child().binds();
        binds.addAll(constants.subList(0, before));
        if (!lookup.inlineKey()) {
            binds.add(key);
        }
        binds.addAll(constants.subList(before, constants.size()));
        String written = lookup.inlineKey() ? scenario.world().keyLiteral(key) : "?";
        return text.replace(Scenario.Template.KEY, written);
    }

    private static int count(String text) {
        return (int) text.chars().filter(c -> c == '?').count();
    }

    private static void batched(Scenario scenario, Connection connection, List<Row> rows) throws SQLException {
        Scenario.Lookup lookup = scenario.levels().get(0);
        List<Object> keys = rows.stream().map(row -> row.get(lookup.keyLabel())).filter(k -> k != null).distinct().toList();
        for (int from = 0; from + 3 <= keys.size(); from += 3) {
            String text = lookup.child().text();
            String sql = text.replace("= " + Scenario.Template.KEY, "in (?, ?, ?)");
            List<Object> binds = new ArrayList<>(lookup.child().binds());
            binds.addAll(count(text.substring(0, text.indexOf(Scenario.Template.KEY))), keys.subList(from, from + 3));
            query(connection, sql, binds);
        }
    }

    private static void paginated(Scenario scenario, Connection connection) throws SQLException {
        String sql = scenario.levels().get(0).child().text();
        for (int page = 0; page < 5; page++) {
            query(connection, sql, List.of(page * 4, 4));
        }
    }

    /** Two lookups from each of three places in the code: each place is below the threshold. */
    private static void fromThreeCallSites(Scenario scenario, Connection connection, List<Row> rows) throws SQLException {
        Scenario.Lookup lookup = scenario.levels().get(0);
        List<Object> keys = rows.stream().map(row -> row.get(lookup.keyLabel())).filter(k -> k != null).distinct().toList();
        List<List<Object>> binds = new ArrayList<>();
        String sql = null;
        for (Object key : keys.subList(0, Math.min(6, keys.size()))) {
            List<Object> bound = new ArrayList<>();
            sql = withKey(scenario, lookup, key, bound);
            binds.add(bound);
        }
        if (lookup.inlineKey() || binds.size() < 6) {
            throw new IllegalStateException("call-site scenarios bind their keys and need 6 of them");
        }
        for (int i = 0; i < binds.size(); i++) {
            try (PreparedStatement statement = prepared(connection, sql, binds.get(i))) {
                int site = i / 2;
                // each place on a line of its own: the call site is the line that executes
                ResultSet result = switch (site) {
                    case 0 -> statement.executeQuery();
                    case 1 -> statement.executeQuery();
                    default -> statement.executeQuery();
                };
                rows(result);
                result.close();
            }
        }
    }

    private static PreparedStatement prepared(Connection connection, String sql, List<Object> binds) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < binds.size(); i++) {
            statement.setObject(i + 1, binds.get(i));
        }
        return statement;
    }

    static List<Row> query(Connection connection, String sql, List<Object> binds) throws SQLException {
        return query(connection, sql, binds, new int[1]);
    }

    /** The rows {@code sql} returns; {@code width[0]} receives its column count. */
    static List<Row> query(Connection connection, String sql, List<Object> binds, int[] width) throws SQLException {
        try (PreparedStatement statement = prepared(connection, sql, binds); ResultSet result = statement.executeQuery()) {
            width[0] = result.getMetaData().getColumnCount();
            return rows(result);
        }
    }

    private static List<Row> queryInline(Connection connection, String sql, int[] width) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            width[0] = result.getMetaData().getColumnCount();
            return rows(result);
        }
    }

    private static List<Row> rows(ResultSet result) throws SQLException {
        ResultSetMetaData meta = result.getMetaData();
        List<String> labels = new ArrayList<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
            labels.add(meta.getColumnLabel(c).toLowerCase(Locale.ROOT));
        }
        List<Row> rows = new ArrayList<>();
        while (result.next()) {
            List<Object> values = new ArrayList<>();
            for (int c = 1; c <= labels.size(); c++) {
                values.add(result.getObject(c));
            }
            rows.add(new Row(labels, values));
        }
        return rows;
    }
}
