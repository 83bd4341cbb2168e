package dev.nplusone.matrix;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The drivers of the matrix: how to reach each one's database by URL, and its own {@link DataSource} (configured
 * through its bean setters, so the program needs no driver at compile time). The embedded ones keep their data in
 * memory or in the run's directory; PostgreSQL and MariaDB are the servers on 127.0.0.1 (MySQL Connector/J talks to
 * the MariaDB server).
 */
public enum Database {
    H2("org.h2.jdbcx.JdbcDataSource", "setURL", "sa", ""),
    HSQLDB("org.hsqldb.jdbc.JDBCDataSource", "setUrl", "SA", ""),
    DERBY("org.apache.derby.jdbc.EmbeddedDataSource", "setDatabaseName", "", ""),
    SQLITE("org.sqlite.SQLiteDataSource", "setUrl", "", ""),
    POSTGRESQL("org.postgresql.ds.PGSimpleDataSource", "setURL", "postgres", ""),
    MARIADB("org.mariadb.jdbc.MariaDbDataSource", "setUrl", "root", ""),
    MYSQL("com.mysql.cj.jdbc.MysqlDataSource", "setURL", "root", "");

    private final String dataSourceClass;
    private final String urlSetter;
    private final String user;
    private final String password;

    Database(String dataSourceClass, String urlSetter, String user, String password) {
        this.dataSourceClass = dataSourceClass;
        this.urlSetter = urlSetter;
        this.user = user;
        this.password = password;
    }

    public static Database named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The JDBC URL of this run's database; {@code directory} holds the embedded ones that need files. */
    public String url(Path directory) {
        return switch (this) {
            case H2 -> "jdbc:h2:mem:matrix;DB_CLOSE_DELAY=-1";
            case HSQLDB -> "jdbc:hsqldb:mem:matrix";
            case DERBY -> "jdbc:derby:memory:matrix;create=true";
            case SQLITE -> "jdbc:sqlite:" + directory.resolve("matrix.db");
            case POSTGRESQL -> "jdbc:postgresql://127.0.0.1:5432/test";
            case MARIADB -> "jdbc:mariadb://127.0.0.1:3306/test";
            case MYSQL -> "jdbc:mysql://127.0.0.1:3306/test?sslMode=DISABLED&allowPublicKeyRetrieval=true";
        };
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String dataSourceClass() {
        return dataSourceClass;
    }

    /** The driver's own DataSource for {@code url}. */
    public DataSource dataSource(String url) throws ReflectiveOperationException {
        Class<?> type = Class.forName(dataSourceClass);
        Object source = type.getDeclaredConstructor().newInstance();
        String location = this == DERBY ? url.substring("jdbc:derby:".length(), url.indexOf(';')) : url;
        type.getMethod(urlSetter, String.class).invoke(source, location);
        if (this == DERBY) {
            type.getMethod("setCreateDatabase", String.class).invoke(source, "create");
        }
        if (!user.isEmpty()) {
            setter(type, "setUser").invoke(source, user);
            setter(type, "setPassword").invoke(source, password);
        }
        return (DataSource) source;
    }

    private static Method setter(Class<?> type, String name) throws NoSuchMethodException {
        return type.getMethod(name, String.class);
    }
}
