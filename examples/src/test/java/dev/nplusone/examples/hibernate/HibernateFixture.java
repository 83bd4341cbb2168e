package dev.nplusone.examples.hibernate;

import dev.nplusone.NPlusOne;
import dev.nplusone.Scope;
import dev.nplusone.ScopeReport;
import dev.nplusone.scenarios.EntryPoint;
import dev.nplusone.scenarios.SeedDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.postgresql.PGResultSetMetaData;

/**
 * One seed database, and a Hibernate SessionFactory over it per way in (the driver's entry points:
 * {@code NPlusOne.wrap}, {@code jdbc:nplusone:} through DriverManager, and through HikariCP), built once.
 */
final class HibernateFixture implements AutoCloseable {
    final SeedDatabase database = SeedDatabase.create();
    private final Map<EntryPoint, EntryPoint.Watched> watched = new EnumMap<>(EntryPoint.class);
    private final Map<EntryPoint, SessionFactory> factories = new EnumMap<>(EntryPoint.class);

    SessionFactory sessions(EntryPoint entry) {
        return factories.computeIfAbsent(entry, e -> {
            EntryPoint.Watched opened = e.open(database);
            watched.put(e, opened);
            return HibernateBoot.sessionFactory(opened.dataSource());
        });
    }

    @Override
    public void close() {
        factories.values().forEach(SessionFactory::close);
        watched.values().forEach(EntryPoint.Watched::close);
        database.close();
    }

    /** Runs {@code work} in a session, inside a scope; the scope's report. */
    static ScopeReport inScope(SessionFactory sessions, Consumer<Session> work) {
        return inScope(() -> sessions.inSession(work));
    }

    static ScopeReport inScope(Runnable work) {
        Scope scope = NPlusOne.scope("hibernate scenario");
        try (scope) {
            work.run();
        }
        return scope.report();
    }

    /** What a page returned, and what nplusone said while it ran. */
    record Observed<T>(T page, ScopeReport report) {
    }

    static <T> Observed<T> observe(Supplier<T> page) {
        List<T> result = new ArrayList<>(1);
        ScopeReport report = inScope(() -> result.add(page.get()));
        return new Observed<>(result.get(0), report);
    }

    /**
     * Runs {@code sql} on the unwatched database; each row as {@code table.column -> value} (lower case), so
     * that rows of joined tables with the same column names stay apart.
     */
    List<Map<String, Object>> run(String sql, List<?> binds) throws SQLException {
        try (Connection connection = database.raw().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < binds.size(); i++) {
                statement.setObject(i + 1, binds.get(i));
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put((meta.getTableName(c) + "." + baseColumnName(meta, c)).toLowerCase(Locale.ROOT),
                                result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /** The column's own name even when the rewrite labelled it apart: PostgreSQL's driver names columns by label. */
    private static String baseColumnName(ResultSetMetaData meta, int column) throws SQLException {
        return meta.isWrapperFor(PGResultSetMetaData.class)
                ? meta.unwrap(PGResultSetMetaData.class).getBaseColumnName(column) : meta.getColumnName(column);
    }
}
