package dev.nplusone.scenarios.generated;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Writes a scenario from a seed, the way application code writes its statements: names qualified by an alias,
 * by the table, or not at all; literal and bound filters in the parent and the loop; DISTINCT, ORDER BY,
 * LIMIT / FETCH FIRST / OFFSET and GROUP BY parents; keys bound or written in as literals. The statement
 * class is picked from the seed in turn, so every class is covered in every run of a few dozen seeds.
 */
final class ScenarioGenerator {
    enum Kind {
        TO_ONE, SELF_REFERENCE, TO_MANY, REVERSE_FK, MANY_TO_MANY, CHAIN_2, CHAIN_3, CHILD_ALREADY_JOINED,
        GROUP_BY_PARENT, DISTINCT_PARENT, BATCHED, PAGINATED, BELOW_THRESHOLD, CALL_SITES
    }

    /** How a statement names its table and columns. */
    enum Naming { ALIAS, ALIAS_AS, TABLE, BARE }

    private final World world;
    private final SplittableRandom random;
    private final List<String> classes = new ArrayList<>();
    private int aliases;

    private ScenarioGenerator(World world, long seed) {
        this.world = world;
        this.random = new SplittableRandom(seed);
    }

    static Scenario generate(long seed, List<World> worlds) {
        World world = worlds.get((int) Math.floorMod(seed / Kind.values().length, (long) worlds.size()));
        Kind kind = Kind.values()[(int) Math.floorMod(seed, (long) Kind.values().length)];
        return new ScenarioGenerator(world, seed).scenario(seed, kind);
    }

    /** A table as one statement refers to it. */
    private final class Relation {
        final String table;
        final String from;
        final String qualifier;

        Relation(String logical, Naming naming) {
            table = world.table(logical);
            String alias = world.naming == World.Naming.QUOTED ? world.quote(logical.substring(0, 1) + (++aliases))
                    : logical.substring(0, 1) + (++aliases);
            switch (naming) {
                case ALIAS -> {
                    from = table + " " + alias;
                    qualifier = alias + ".";
                }
                case ALIAS_AS -> {
                    from = table + " as " + alias;
                    qualifier = alias + ".";
                }
                case TABLE -> {
                    from = table;
                    qualifier = table + ".";
                }
                default -> {
                    from = table;
                    qualifier = "";
                }
            }
        }

        String col(String logical) {
            return qualifier + world.column(logical);
        }

        String cols(String... logical) {
            List<String> written = new ArrayList<>();
            for (String column : logical) {
                written.add(col(column));
            }
            return String.join(", ", written);
        }
    }

    private Naming naming(boolean joined) {
        Naming[] choices = Naming.values();
        Naming naming = choices[random.nextInt(choices.length)];
        note("names " + naming.name().toLowerCase());
        return joined && naming == Naming.BARE ? Naming.ALIAS : naming;
    }

    private void note(String statementClass) {
        classes.add(statementClass);
    }

    private Scenario scenario(long seed, Kind kind) {
        note(kind.name().toLowerCase());
        List<Object> parentBinds = new ArrayList<>();
        return switch (kind) {
            case TO_ONE, BELOW_THRESHOLD, BATCHED -> {
                Relation invoice = new Relation("invoice", naming(false));
                String parent = "select " + invoiceColumns(invoice) + " from " + invoice.from
                        + filterAndPage(invoice, parentBinds);
                Scenario.Lookup customer = customerLookup("customer_id", false);
                Scenario.Negative negative = kind == Kind.TO_ONE ? Scenario.Negative.NONE
                        : kind == Kind.BATCHED ? Scenario.Negative.BATCHED : Scenario.Negative.BELOW_THRESHOLD;
                if (negative == Scenario.Negative.BATCHED) {
                    customer = new Scenario.Lookup("customer_id", customer.child(), false, "id");
                }
                yield scenario(seed, parent, parentBinds, List.of(customer), negative);
            }
            case CALL_SITES -> {
                Relation invoice = new Relation("invoice", naming(false));
                String parent = "select " + invoiceColumns(invoice) + " from " + invoice.from + " order by " + invoice.col("id");
                Scenario.Lookup customer = customerLookup("customer_id", false);
                customer = new Scenario.Lookup("customer_id", customer.child(), false, "id");
                yield scenario(seed, parent, parentBinds, List.of(customer), Scenario.Negative.CALL_SITES);
            }
            case PAGINATED -> {
                Relation line = new Relation("line", naming(false));
                String page = "select " + line.cols("id", "invoice_id", "qty") + " from " + line.from + " where "
                        + line.col("qty") + " > ? order by " + line.col("id") + " limit ?";
                String parent = "select " + line.cols("id") + " from " + line.from + " order by " + line.col("id");
                yield scenario(seed, parent, parentBinds,
                        List.of(new Scenario.Lookup("id", new Scenario.Template(page, List.of()), false, "id")),
                        Scenario.Negative.PAGINATED);
            }
            case SELF_REFERENCE -> {
                Relation customer = new Relation("customer", naming(false));
                // the OPEN customers' referrers are not OPEN: the parent's id column does not also hold the keys
                String parent = "select " + customer.cols("id", "name", "referrer_id") + " from " + customer.from
                        + " where " + customer.col("status") + " = 'OPEN' order by " + customer.col("id");
                yield scenario(seed, parent, parentBinds, List.of(customerLookup("referrer_id", false)), Scenario.Negative.NONE);
            }
            case TO_MANY -> {
                Relation invoice = new Relation("invoice", naming(false));
                String parent = "select " + invoiceColumns(invoice) + " from " + invoice.from + filterAndPage(invoice, parentBinds);
                yield scenario(seed, parent, parentBinds, List.of(linesLookup()), Scenario.Negative.NONE);
            }
            case REVERSE_FK -> {
                Relation customer = new Relation("customer", naming(false));
                String parent = "select " + customer.cols("id", "name", "status") + " from " + customer.from
                        + filterAndPage(customer, parentBinds);
                yield scenario(seed, parent, parentBinds, List.of(invoicesOfCustomer()), Scenario.Negative.NONE);
            }
            case MANY_TO_MANY -> {
                Relation invoice = new Relation("invoice", naming(false));
                String parent = "select " + invoiceColumns(invoice) + " from " + invoice.from + filterAndPage(invoice, parentBinds);
                yield scenario(seed, parent, parentBinds, List.of(tagsLookup()), Scenario.Negative.NONE);
            }
            case CHAIN_2 -> {
                Relation invoice = new Relation("invoice", naming(false));
                String parent = "select " + invoiceColumns(invoice) + " from " + invoice.from + filterAndPage(invoice, parentBinds);
                yield scenario(seed, parent, parentBinds, List.of(customerLookup("customer_id", true), regionLookup()),
                        Scenario.Negative.NONE);
            }
            case CHAIN_3 -> {
                Relation line = new Relation("line", naming(false));
                String parent = "select " + line.cols("id", "invoice_id", "qty") + " from " + line.from
                        + " order by " + line.col("id");
                yield scenario(seed, parent, parentBinds, List.of(invoiceLookup(), customerLookup("customer_id", true),
                        regionLookup()), Scenario.Negative.NONE);
            }
            case CHILD_ALREADY_JOINED -> {
                Relation invoice = new Relation("invoice", naming(true));
                Relation customer = new Relation("customer", Naming.ALIAS);
                String parent = "select " + invoice.cols("id", "total") + ", " + customer.col("id") + " as cust_id, "
                        + customer.col("name") + " from " + invoice.from + " join " + customer.from + " on "
                        + customer.col("id") + " = " + invoice.col("customer_id") + " order by " + invoice.col("id");
                yield scenario(seed, parent, parentBinds, List.of(customerLookup("cust_id", false)), Scenario.Negative.NONE);
            }
            case GROUP_BY_PARENT -> {
                Relation invoice = new Relation("invoice", naming(false));
                String parent = "select " + invoice.col("customer_id") + ", count(*) as invoices from " + invoice.from
                        + " group by " + invoice.col("customer_id");
                yield scenario(seed, parent, parentBinds, List.of(customerLookup("customer_id", false)), Scenario.Negative.NONE);
            }
            case DISTINCT_PARENT -> {
                Relation invoice = new Relation("invoice", naming(false));
                String parent = "select distinct " + invoice.col("customer_id") + " from " + invoice.from
                        + (random.nextBoolean() ? " order by " + invoice.col("customer_id") : "");
                yield scenario(seed, parent, parentBinds, List.of(customerLookup("customer_id", false)), Scenario.Negative.NONE);
            }
        };
    }

    private Scenario scenario(long seed, String parent, List<Object> parentBinds, List<Scenario.Lookup> levels,
                              Scenario.Negative negative) {
        return new Scenario(seed, world, classes.stream().distinct().collect(Collectors.toList()),
                new Scenario.Template(parent, parentBinds), levels, negative);
    }

    private String invoiceColumns(Relation invoice) {
        if (random.nextInt(5) == 0) {
            note("select *");
            return invoice.qualifier + "*";
        }
        return random.nextBoolean() ? invoice.cols("id", "customer_id", "status", "total", "name")
                : invoice.cols("id", "name", "customer_id");
    }

    /** Optional WHERE (a literal or a bound constant), ORDER BY, and a page. */
    private String filterAndPage(Relation relation, List<Object> binds) {
        StringBuilder sql = new StringBuilder();
        String column = "status";
        switch (random.nextInt(3)) {
            case 1 -> {
                note("parent literal filter");
                sql.append(" where ").append(relation.col(column)).append(" <> 'PAID'");
            }
            case 2 -> {
                note("parent bound filter");
                sql.append(" where ").append(relation.col(column)).append(" <> ?");
                binds.add("PAID");
            }
            default -> {
            }
        }
        boolean ordered = random.nextInt(3) > 0;
        if (ordered) {
            note("order by");
            sql.append(" order by ").append(relation.col("id")).append(random.nextBoolean() ? " desc" : "");
            switch (random.nextInt(5)) {
                case 1 -> {
                    note("limit");
                    sql.append(" limit 9");
                }
                case 2 -> {
                    note("limit offset");
                    sql.append(" limit 9 offset 2");
                }
                case 3 -> {
                    note("fetch first");
                    sql.append(" fetch first 9 rows only");
                }
                default -> {
                }
            }
        }
        return sql.toString();
    }

    /** A constant filter in a lookup: none, a literal, or a bound value, before or after the key. */
    private String keyed(Relation relation, String keyColumn, String filterColumn, String value, List<Object> binds) {
        return keyed(relation, keyColumn, relation, filterColumn, value, binds);
    }

    private String keyed(Relation relation, String keyColumn, Relation filtered, String filterColumn, String value,
                         List<Object> binds) {
        String key = relation.col(keyColumn) + " = " + Scenario.Template.KEY;
        return switch (random.nextInt(4)) {
            case 1 -> {
                note("loop literal filter");
                yield key + " and " + filtered.col(filterColumn) + " <> '" + value + "'";
            }
            case 2 -> {
                note("loop bound filter after the key");
                binds.add(value);
                yield key + " and " + filtered.col(filterColumn) + " <> ?";
            }
            case 3 -> {
                note("loop bound filter before the key");
                binds.add(value);
                yield filtered.col(filterColumn) + " <> ? and " + key;
            }
            default -> key;
        };
    }

    private boolean inlineKey() {
        boolean inline = random.nextInt(4) == 0;
        if (inline) {
            note("inline key literal");
        }
        return inline;
    }

    private Scenario.Lookup customerLookup(String keyLabel, boolean readsRegion) {
        Relation customer = new Relation("customer", naming(false));
        List<Object> binds = new ArrayList<>();
        String columns = random.nextInt(6) == 0 ? customer.qualifier + "*"
                : readsRegion || random.nextBoolean() ? customer.cols("id", "name", "region_id") : customer.cols("id", "name", "status");
        String sql = "select " + columns + " from " + customer.from + " where " + keyed(customer, "id", "status", "PAID", binds);
        return new Scenario.Lookup(keyLabel, new Scenario.Template(sql, binds), inlineKey(), "id");
    }

    private Scenario.Lookup regionLookup() {
        Relation region = new Relation("region", naming(false));
        List<Object> binds = new ArrayList<>();
        String sql = "select " + region.cols("id", "name", "code") + " from " + region.from + " where "
                + keyed(region, "id", "code", "R9", binds);
        return new Scenario.Lookup("region_id", new Scenario.Template(sql, binds), inlineKey(), "id");
    }

    private Scenario.Lookup invoiceLookup() {
        Relation invoice = new Relation("invoice", naming(false));
        List<Object> binds = new ArrayList<>();
        String sql = "select " + invoice.cols("id", "customer_id", "total") + " from " + invoice.from + " where "
                + keyed(invoice, "id", "status", "VOID", binds);
        return new Scenario.Lookup("invoice_id", new Scenario.Template(sql, binds), inlineKey(), "id");
    }

    private Scenario.Lookup linesLookup() {
        Relation line = new Relation("line", naming(false));
        List<Object> binds = new ArrayList<>();
        String columns = random.nextBoolean() ? line.cols("id", "status", "qty") : line.cols("id", "invoice_id", "qty");
        String sql = "select " + columns + " from " + line.from + " where "
                + keyed(line, "invoice_id", "status", "SHIPPED", binds) + orderBy(line);
        return new Scenario.Lookup("id", new Scenario.Template(sql, binds), inlineKey(), "invoice_id");
    }

    private Scenario.Lookup invoicesOfCustomer() {
        Relation invoice = new Relation("invoice", naming(false));
        List<Object> binds = new ArrayList<>();
        String sql = "select " + invoice.cols("id", "status", "total") + " from " + invoice.from + " where "
                + keyed(invoice, "customer_id", "status", "OPEN", binds) + orderBy(invoice);
        return new Scenario.Lookup("id", new Scenario.Template(sql, binds), inlineKey(), "customer_id");
    }

    private Scenario.Lookup tagsLookup() {
        Relation tag = new Relation("tag", Naming.ALIAS);
        Relation link = new Relation("invoice_tag", Naming.ALIAS);
        List<Object> binds = new ArrayList<>();
        String sql = "select " + tag.cols("id", "name") + " from " + tag.from + " join " + link.from + " on "
                + link.col("tag_id") + " = " + tag.col("id") + " where "
                + keyed(link, "invoice_id", tag, "name", "tag 2", binds) + orderBy(tag);
        return new Scenario.Lookup("id", new Scenario.Template(sql, binds), inlineKey(), "invoice_id");
    }

    private String orderBy(Relation relation) {
        if (random.nextBoolean()) {
            note("loop order by");
            return " order by " + relation.col("id");
        }
        return "";
    }
}
