package dev.nplusone.matrix;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One line of cells.tsv: a driver, a connection source, a container, a kind of thread and a JDK, and what the
 * scenario program must report there.
 */
record Cell(String set, String database, String pool, String container, String threads, String jdk, boolean async) {
    /** The connection source the agent names for each pool (for {@code none} and {@code datasource}: the driver's). */
    private static final Map<String, String> POOL_SOURCES = Map.of(
            "hikari", "com.zaxxer.hikari.HikariDataSource",
            "dbcp2", "org.apache.commons.dbcp2.BasicDataSource",
            "c3p0", "com.mchange.v2.c3p0.ComboPooledDataSource",
            "tomcat-jdbc", "org.apache.tomcat.jdbc.pool.DataSource",
            "agroal", "io.agroal.pool.DataSource",
            "vibur", "org.vibur.dbcp.ViburDBCPDataSource");
    private static final Map<String, String> DRIVERS = Map.of(
            "h2", "org.h2.Driver",
            "hsqldb", "org.hsqldb.jdbc.JDBCDriver",
            "derby", "org.apache.derby.iapi.jdbc.AutoloadedDriver",
            "sqlite", "org.sqlite.JDBC",
            "postgresql", "org.postgresql.Driver",
            "mariadb", "org.mariadb.jdbc.Driver",
            "mysql", "com.mysql.cj.jdbc.Driver");
    private static final Map<String, String> JDKS = Map.of(
            "17", "/usr/lib/jvm/java-17-openjdk-amd64",
            "21", "/usr/lib/jvm/java-21-openjdk-amd64",
            "25", "/usr/lib/jvm/temurin-25-jdk-amd64");

    static Cell parse(String line) {
        String[] columns = line.trim().split("\\s+");
        return new Cell(columns[0], columns[1], columns[2], columns[3], columns[4], columns[5],
                Boolean.parseBoolean(columns[6]));
    }

    @Override
    public String toString() {
        return database + " x " + pool + " x " + container + " x " + threads + " threads x JDK " + jdk
                + (async ? " (+async)" : "");
    }

    Path java() {
        return Path.of(JDKS.get(jdk), "bin", "java");
    }

    boolean spring() {
        return container.startsWith("spring-boot");
    }

    boolean served() {
        return !container.equals("none");
    }

    /** The jdbc:nplusone: URL run applies where the program itself opens connections by URL, outside requests. */
    boolean urlRunApplies() {
        return !served() && !pool.equals("datasource");
    }

    /** The server a database needs, or null for the embedded ones. */
    Integer serverPort() {
        return switch (database) {
            case "postgresql" -> 5432;
            case "mariadb", "mysql" -> 3306;
            default -> null;
        };
    }

    boolean jdkInstalled() {
        return Files.isExecutable(java());
    }

    List<Component> components() {
        Set<Component> components = new LinkedHashSet<>();
        components.add(Component.named(database));
        if (spring()) {
            components.add(Component.named(container));
        } else {
            if (!pool.equals("none") && !pool.equals("datasource")) {
                components.add(Component.named(pool));
            }
            if (served()) {
                components.add(Component.named(container));
            }
        }
        return new ArrayList<>(components);
    }

    List<String> programArguments() {
        String programContainer = spring() ? "spring" : container.replaceFirst("-[0-9.]+$", "");
        return List.of("database=" + database, "pool=" + pool, "container=" + programContainer, "threads=" + threads,
                "async=" + async);
    }

    /** The connection source the agent reports: Spring Boot's default pool is HikariCP. */
    String watchedSource() {
        if (spring()) {
            return POOL_SOURCES.get("hikari");
        }
        return switch (pool) {
            case "none" -> DRIVERS.get(database);
            case "datasource" -> Database.named(database).dataSourceClass();
            default -> POOL_SOURCES.get(pool);
        };
    }

    /** The paths the program requests or renders, N+1 ones first. */
    List<String> nPlusOnePaths() {
        List<String> paths = new ArrayList<>(List.of(Pages.N_PLUS_ONE));
        if (async) {
            paths.addAll(spring() ? List.of("/callable" + Pages.N_PLUS_ONE, "/deferred" + Pages.N_PLUS_ONE)
                    : List.of("/async" + Pages.N_PLUS_ONE));
        }
        return paths;
    }

    /** Every statement the program runs: the seed, each N+1 page, the clean page, the drop. */
    int statements() {
        return Blog.SEED_STATEMENTS + nPlusOnePaths().size() * Blog.N_PLUS_ONE_STATEMENTS + Blog.CLEAN_STATEMENTS
                + Blog.DROP_STATEMENTS;
    }
}
