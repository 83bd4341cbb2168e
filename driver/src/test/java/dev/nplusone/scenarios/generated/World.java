package dev.nplusone.scenarios.generated;

import dev.nplusone.scenarios.SeedDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One schema of the generated scenarios: an invoicing model (region <- customer <- invoice <- line, customer
 * referring to customer, invoice <-> tag through a join table) written in one naming style with one key type.
 * Every table has {@code id} and most a {@code name} or {@code status}, so unqualified names collide as they do
 * in real schemas. The data is a pure function of the row numbers: the scenarios know what each loop must read.
 */
final class World {
    enum KeyType { INT, BIGINT, UUID, VARCHAR }

    /** How the schema's names are written: plain, under a prefix, or reserved words that must be quoted. */
    enum Naming { PLAIN, PREFIXED, QUOTED }

    static final int REGIONS = 4;
    static final int CUSTOMERS = 12;
    static final int INVOICES = 24;
    static final int TAGS = 5;
    static final String[] STATUSES = {"OPEN", "SHIPPED", "PAID"};

    final KeyType keyType;
    final Naming naming;
    final SeedDatabase.Vendor vendor;
    private final String prefix;

    World(KeyType keyType, Naming naming, String prefix, SeedDatabase.Vendor vendor) {
        this.keyType = keyType;
        this.naming = naming;
        this.prefix = prefix;
        this.vendor = vendor;
    }

    /** The schemas every run creates: one per key type, the plain and quoted ones without a prefix. */
    static List<World> all(SeedDatabase.Vendor vendor) {
        return List.of(new World(KeyType.INT, Naming.PLAIN, "", vendor),
                new World(KeyType.BIGINT, Naming.QUOTED, "", vendor),
                new World(KeyType.UUID, Naming.PREFIXED, "gu_", vendor),
                new World(KeyType.VARCHAR, Naming.PREFIXED, "gv_", vendor));
    }

    /** The table's name as SQL writes it. */
    String table(String logical) {
        return switch (naming) {
            case PLAIN -> logical;
            case PREFIXED -> prefix + logical;
            case QUOTED -> quote(switch (logical) {
                case "customer" -> "user";
                case "region" -> "group";
                case "invoice" -> "order";
                case "line" -> "order line";
                case "tag" -> "Tag";
                case "invoice_tag" -> "order_tag";
                default -> logical;
            });
        };
    }

    /** The column's name as SQL writes it. */
    String column(String logical) {
        return naming == Naming.QUOTED ? quote(logical) : logical;
    }

    String quote(String name) {
        char quote = vendor == SeedDatabase.Vendor.MARIADB ? '`' : '"';
        return quote + name + quote;
    }

    /**
     * The key value of row {@code n} (1-based) of {@code table}. Each table numbers from its own base, as
     * separate sequences do in production data, so that equal values in two tables (invoice 3, customer 3)
     * do not make a loop's keys look as if they came from another column.
     */
    Object key(String table, int n) {
        return key(switch (table) {
            case "region" -> 100;
            case "customer" -> 200;
            case "invoice" -> 300;
            case "line" -> 400;
            default -> 500;
        } + n);
    }

    private Object key(int n) {
        return switch (keyType) {
            case INT -> n;
            case BIGINT -> 10_000_000_000L + n;
            case UUID -> vendor == SeedDatabase.Vendor.MARIADB ? uuid(n).toString() : uuid(n);
            case VARCHAR -> String.format(Locale.ROOT, "k-%04d", n);
        };
    }

    /** The key of row {@code n} written into SQL as a literal. */
    String keyLiteral(Object key) {
        return key instanceof Number ? key.toString() : "'" + key + "'";
    }

    private static UUID uuid(int n) {
        return new UUID(0x4e706c75734f6e65L, n);
    }

    private String keyColumnType() {
        return switch (keyType) {
            case INT -> "int";
            case BIGINT -> "bigint";
            case UUID -> "uuid";
            case VARCHAR -> "varchar(20)";
        };
    }

    static int customerOf(int invoice) {
        return invoice % 7 == 0 ? 0 : (invoice * 5) % CUSTOMERS + 1; // 0: no customer (a nullable foreign key)
    }

    static int regionOf(int customer) {
        return customer % 5 == 0 ? 0 : customer % REGIONS + 1;
    }

    static int referrerOf(int customer) {
        return customer % 3 == 0 ? 0 : (customer * 7) % CUSTOMERS + 1;
    }

    static int linesOf(int invoice) {
        return invoice % 4;
    }

    static int tagsOf(int invoice) {
        return invoice % 4 == 0 ? 0 : 1 + invoice % 3;
    }

    void create(Connection connection) throws SQLException {
        String key = keyColumnType();
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table " + table("region") + " (" + column("id") + " " + key + " primary key, "
                    + column("name") + " varchar(50), " + column("code") + " varchar(10))");
            statement.execute("create table " + table("customer") + " (" + column("id") + " " + key + " primary key, "
                    + column("name") + " varchar(50), " + column("status") + " varchar(10), " + column("region_id")
                    + " " + key + ", " + column("referrer_id") + " " + key + ")");
            statement.execute("create table " + table("invoice") + " (" + column("id") + " " + key + " primary key, "
                    + column("customer_id") + " " + key + ", " + column("status") + " varchar(10), "
                    + column("total") + " int, " + column("name") + " varchar(50))");
            statement.execute("create table " + table("line") + " (" + column("id") + " " + key + " primary key, "
                    + column("invoice_id") + " " + key + " not null, " + column("status") + " varchar(10), "
                    + column("qty") + " int)");
            statement.execute("create table " + table("tag") + " (" + column("id") + " " + key + " primary key, "
                    + column("name") + " varchar(50))");
            statement.execute("create table " + table("invoice_tag") + " (" + column("invoice_id") + " " + key
                    + " not null, " + column("tag_id") + " " + key + " not null, primary key (" + column("invoice_id")
                    + ", " + column("tag_id") + "))");
        }
        for (int r = 1; r <= REGIONS; r++) {
            insert(connection, "region", key("region", r), "Region " + r, "R" + r);
        }
        for (int c = 1; c <= CUSTOMERS; c++) {
            insert(connection, "customer", key("customer", c), "Customer " + c, STATUSES[c % 2],
                    keyOrNull("region", regionOf(c)), keyOrNull("customer", referrerOf(c)));
        }
        int line = 0;
        for (int i = 1; i <= INVOICES; i++) {
            insert(connection, "invoice", key("invoice", i), keyOrNull("customer", customerOf(i)), STATUSES[i % 3], i * 10, "Invoice " + i);
            for (int l = 0; l < linesOf(i); l++) {
                line++;
                insert(connection, "line", key("line", line), key("invoice", i), STATUSES[line % 3], l + 1);
            }
            for (int t = 0; t < tagsOf(i); t++) {
                insert(connection, "invoice_tag", key("invoice", i), key("tag", (i + t) % TAGS + 1));
            }
        }
        for (int t = 1; t <= TAGS; t++) {
            insert(connection, "tag", key("tag", t), "tag " + t);
        }
    }

    private Object keyOrNull(String table, int n) {
        return n == 0 ? null : key(table, n);
    }

    private void insert(Connection connection, String table, Object... values) throws SQLException {
        List<String> marks = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            marks.add("?");
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "insert into " + table(table) + " values (" + String.join(", ", marks) + ")")) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    statement.setNull(i + 1, keyType == KeyType.VARCHAR || keyType == KeyType.UUID
                            && vendor == SeedDatabase.Vendor.MARIADB ? java.sql.Types.VARCHAR
                            : keyType == KeyType.UUID ? java.sql.Types.OTHER : java.sql.Types.BIGINT);
                } else {
                    statement.setObject(i + 1, values[i]);
                }
            }
            statement.executeUpdate();
        }
    }

    @Override
    public String toString() {
        return keyType + "/" + naming;
    }
}
