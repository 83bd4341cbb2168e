package dev.nplusone.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The smallest JDBC program: open H2 in memory through {@link DriverManager}, create a table, insert and read
 * back three rows, exit. {@link AppBench} runs it with and without {@code -javaagent} to measure what the agent
 * adds to a program's start and exit. Run on a class path of this class and H2 only, so no other driver registers.
 * Prints its CPU time and peak resident memory on its last line, read by the caller.
 */
public final class TrivialJdbcProgram {
    private TrivialJdbcProgram() {
    }

    public static void main(String[] args) throws SQLException, java.io.IOException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:trivial", "sa", "");
             Statement ddl = connection.createStatement()) {
            ddl.execute("create table item (id bigint primary key, name varchar(40))");
            try (PreparedStatement insert = connection.prepareStatement("insert into item values (?, ?)")) {
                for (long id = 1; id <= 3; id++) {
                    insert.setLong(1, id);
                    insert.setString(2, "item " + id);
                    insert.executeUpdate();
                }
            }
            try (PreparedStatement select = connection.prepareStatement("select name from item where id = ?")) {
                for (long id = 1; id <= 3; id++) {
                    select.setLong(1, id);
                    try (ResultSet row = select.executeQuery()) {
                        row.next();
                    }
                }
            }
        }
        long cpuNanos = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        System.out.println("cpuNanos=" + cpuNanos + " peakRssKb=" + peakRssKb());
    }

    private static long peakRssKb() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
