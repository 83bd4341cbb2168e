package dev.nplusone.benchmarks;

import dev.nplusone.NPlusOne;
import dev.nplusone.Scope;
import dev.nplusone.ScopeReport;
import dev.nplusone.internal.Engine;
import dev.nplusone.internal.Failures;
import dev.nplusone.internal.config.Config;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

/**
 * The heap one scope retains after a long unit of work: {@code statements} primary-key lookups of
 * {@code shapes} different shapes through the real wrapper (value capture included), each shape executed
 * from {@code sites} call sites, every statement with a new key. Retained = heap used (after full GCs) while
 * the scope is alive minus heap used after it is closed and dropped; everything shared (SQL cache, interned
 * call sites, H2) is in both. Run in its own JVM with {@code -XX:+UseSerialGC} so {@code System.gc()} is a
 * full, compacting collection.
 *
 * <p>Usage: {@code ScopeMemoryProbe <statements> <shapes> <sites> <result.json>}
 */
public final class ScopeMemoryProbe {
    /** Key range: larger than what one scope keeps (100,000 keys), so the key bounds are reached. */
    static final int ROWS = 200_000;

    /** One lambda per line: each is a different call site (class, method, line) to nplusone. */
    private static final Execution[] SITES = {
        statement -> statement.executeQuery(),
        statement -> statement.executeQuery(),
        statement -> statement.executeQuery(),
        statement -> statement.executeQuery(),
    };

    @FunctionalInterface
    private interface Execution {
        ResultSet run(PreparedStatement statement) throws SQLException;
    }

    /** What one probe measured. */
    record Result(int statements, int shapes, int sites, long retainedBytes, int reportedStatements,
                  int findings, boolean truncated) {
        String json() {
            return String.format(Locale.ROOT, "{\"statements\":%d,\"shapes\":%d,\"sites\":%d,\"retainedBytes\":%d,"
                    + "\"reportedStatements\":%d,\"findings\":%d,\"truncated\":%b}", statements, shapes, sites,
                    retainedBytes, reportedStatements, findings, truncated);
        }
    }

    private ScopeMemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        int statements = Integer.parseInt(args[0]);
        int shapes = Integer.parseInt(args[1]);
        int sites = Integer.parseInt(args[2]);
        Result result = measure(statements, shapes, sites, ROWS);
        Files.writeString(Path.of(args[3]), result.json() + "\n", StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "one scope, %,d statements of %d shapes from %d call site(s) each: "
                + "%,d bytes retained (%.2f MB)%n", statements, shapes, sites, result.retainedBytes(),
                result.retainedBytes() / 1e6);
    }

    static Result measure(int statements, int shapes, int sites, int rows) throws SQLException, InterruptedException {
        if (sites < 1 || sites > SITES.length) {
            throw new IllegalArgumentException("sites must be 1.." + SITES.length);
        }
        Engine.get().configure(Config.from(Map.of("log", "false"), message -> {
            throw new IllegalStateException(message);
        }));
        Failures.reset();
        String[] sql = new String[shapes];
        for (int i = 0; i < shapes; i++) {
            sql[i] = "select id, name, owner_id, price as price_" + i + " from item where id = ?";
        }
        try (BenchDatabase database = new BenchDatabase("scope_memory", rows);
             Connection connection = NPlusOne.wrap(database.raw()).getConnection()) {
            // Warm up outside the measured scope: JIT, SQL cache, interned call sites, and the connection's
            // own fallback scope (which then exists in both heap readings).
            Scope warmUp = NPlusOne.scope("warm-up");
            run(connection, sql, sites, Math.min(statements, 50_000), 7, rows);
            warmUp.close();
            run(connection, sql, 1, 1, 0, rows);

            Scope scope = NPlusOne.scope("one long unit of work");
            run(connection, sql, sites, statements, 0, rows);
            long alive = usedHeapAfterGc();
            scope.close();
            ScopeReport report = scope.report();
            int reported = report.statements();
            int findings = report.findings().size();
            boolean truncated = report.truncated();
            report = null;
            scope = null;
            // The thread's last-statement pointer still names the closed scope until the next statement.
            run(connection, sql, 1, 1, 0, rows);
            long dropped = usedHeapAfterGc();
            if (Failures.count() != 0) {
                throw new IllegalStateException(Failures.count() + " internal nplusone failures during the probe");
            }
            return new Result(statements, shapes, sites, alive - dropped, reported, findings, truncated);
        }
    }

    /** Runs {@code count} lookups, shape after shape, each with a new key, reading the row as an app would. */
    private static void run(Connection connection, String[] sql, int sites, int count, int keyOffset, int rows)
            throws SQLException {
        for (int i = 0; i < count; i++) {
            int shape = i % sql.length;
            long id = 1 + (i * 7_919L + keyOffset) % rows; // 7,919 is prime: consecutive keys spread over the table
            try (PreparedStatement statement = connection.prepareStatement(sql[shape])) {
                statement.setLong(1, id);
                try (ResultSet row = SITES[(i / sql.length) % sites].run(statement)) {
                    if (!row.next() || row.getLong(1) != id || row.getString(2).isEmpty()) {
                        throw new IllegalStateException("lookup of item " + id + " failed");
                    }
                }
            }
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(50);
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}
