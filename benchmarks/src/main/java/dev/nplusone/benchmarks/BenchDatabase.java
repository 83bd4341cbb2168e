package dev.nplusone.benchmarks;

import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The H2 in-memory database every JDBC benchmark reads: one table {@code item} with a primary key, a short
 * string, a foreign-key-like number and a decimal, so that a row read exercises four common getters.
 */
final class BenchDatabase implements AutoCloseable {
    static final String LOOKUP = "select id, name, owner_id, price from item where id = ?";
    static final String READ_ALL = "select id, name, owner_id, price from item order by id";
    /** READ_ALL with each item's owner joined in: the statements whose ResultSets mark the columns read. */
    static final String READ_JOINED = "select i.id, i.name, i.owner_id, i.price, o.id, o.name from item i"
            + " left join owner o on o.id = i.owner_id order by i.id";
    /** A one-row write: what a write loop repeats. */
    static final String UPDATE_ONE = "update item set name = ? where id = ?";
    static final int OWNERS = 97;

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final Connection keepAlive;
    private final int rows;

    /** Creates (or recreates) database {@code name} with {@code rows} items, ids 1..rows. */
    BenchDatabase(String name, int rows) throws SQLException {
        this.rows = rows;
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        keepAlive = dataSource.getConnection();
        try (Statement ddl = keepAlive.createStatement()) {
            ddl.execute("drop table if exists item");
            ddl.execute("drop table if exists owner");
            ddl.execute("create table owner (id bigint primary key, name varchar(64) not null)");
            ddl.execute("insert into owner (id, name) select x, 'owner ' || x from system_range(1, " + OWNERS + ")");
            ddl.execute("create table item (id bigint primary key, name varchar(64) not null,"
                    + " owner_id bigint not null, price decimal(10, 2) not null)");
        }
        try (PreparedStatement insert = keepAlive.prepareStatement(
                "insert into item (id, name, owner_id, price) values (?, ?, ?, ?)")) {
            for (int id = 1; id <= rows; id++) {
                insert.setLong(1, id);
                insert.setString(2, "item " + id);
                insert.setLong(3, 1 + id % 97);
                insert.setBigDecimal(4, BigDecimal.valueOf(id * 7L % 10_000, 2));
                insert.addBatch();
                if (id % 1_000 == 0 || id == rows) {
                    insert.executeBatch();
                }
            }
        }
    }

    /** The raw H2 DataSource: what every variant wraps. */
    DataSource raw() {
        return dataSource;
    }

    int rows() {
        return rows;
    }

    @Override
    public void close() throws SQLException {
        try (Statement shutdown = keepAlive.createStatement()) {
            shutdown.execute("drop all objects");
        } finally {
            keepAlive.close();
        }
    }

    /**
     * Where benchmark output goes: the {@code target} folder the benchmark classes were loaded from
     * ({@code benchmarks/target/benchmarks.jar} or {@code benchmarks/target/classes}).
     */
    static Path outputDirectory() {
        try {
            Path codeSource = Path.of(BenchDatabase.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path parent = codeSource.getParent();
            return parent != null ? parent : Path.of(".");
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of(System.getProperty("java.io.tmpdir"));
        }
    }
}
