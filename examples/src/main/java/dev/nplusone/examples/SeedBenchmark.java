package dev.nplusone.examples;

import dev.nplusone.NPlusOne;
import dev.nplusone.Scope;
import dev.nplusone.ScopeReport;
import dev.nplusone.examples.jdbc.FixedBlogPages;
import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.SeedDatabase;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.tools.Server;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The first seed's benchmark table on the embedded database: 500 posts, 1 author each, 3 to 5 tags each, the
 * page that shows every post with its author and tags, loaded four ways. Statements are counted by nplusone
 * (a watched run); times are the median of several runs on the unwatched database, so they measure the
 * access pattern, not nplusone: once in memory (no round trip, as asked), once through an H2 TCP server on
 * the loopback address (one real round trip per statement), and on PostgreSQL when one answers on
 * 127.0.0.1:5432 (a database server, as the seed's 340 ms -> 12 ms was measured on), to show what the round
 * trip does to the ratio.
 */
final class SeedBenchmark {
    static final int POSTS = 500;
    static final int WARM_UPS = 3;
    static final int RUNS = 11;
    static final int SEED_LOOP_QUERIES = 1_501;
    static final int SEED_LOOP_MILLIS = 340;
    static final int SEED_FIXED_QUERIES = 2;
    static final int SEED_FIXED_MILLIS = 12;

    private final PrintStream out;

    SeedBenchmark(PrintStream out) {
        this.out = out;
    }

    interface Page {
        List<BlogPages.PostView> load(DataSource dataSource) throws Exception;
    }

    /**
     * One way to load the page.
     *
     * @param statements statements it must take for {@link #POSTS} posts
     * @param findings   findings nplusone must report for it
     * @param seed       the seed's figures for it, or what the article says of them
     */
    record Variant(String name, String django, String how, Page page, int statements, int findings, String seed) {
    }

    record Result(List<String> problems, String headline) {
    }

    static List<Variant> variants() {
        return List.of(
                new Variant("N+1 loop", "no select/prefetch", "BlogPages.authorsAndTagsInLoop",
                        BlogPages::authorsAndTagsInLoop, 1 + 2 * POSTS, 2,
                        String.format(Locale.ROOT, "%,d queries, %d ms", SEED_LOOP_QUERIES, SEED_LOOP_MILLIS)),
                new Variant("JOIN only", "select_related", "FixedBlogPages.authorsJoinedTagsInLoop",
                        FixedBlogPages::authorsJoinedTagsInLoop, 1 + POSTS, 1, "not in the article's text"),
                new Variant("IN only", "prefetch_related", "FixedBlogPages.authorsAndTagsWithIn",
                        FixedBlogPages::authorsAndTagsWithIn, 3, 0, "not in the article's text"),
                new Variant("JOIN + IN", "both", "BlogPages.doneRight", BlogPages::doneRight, 2, 0,
                        String.format(Locale.ROOT, "%d queries, %d ms (%dx)", SEED_FIXED_QUERIES, SEED_FIXED_MILLIS,
                                Math.round((double) SEED_LOOP_MILLIS / SEED_FIXED_MILLIS))));
    }

    Result run() throws Exception {
        out.println();
        out.println(Demo.RULE);
        out.println(" The seed's benchmark: " + POSTS + " posts, 1 author each, 3 to 5 tags each");
        out.println("    seed 1: \"From 1,501 queries and 340ms to 2 queries and 12ms. That's a 28x speedup\"");
        out.println(Demo.RULE);
        SeedDatabase database = SeedDatabase.create(POSTS);
        List<Variant> variants = variants();
        List<String> problems = new ArrayList<>();
        // Pools, as an application has: H2 keeps each session's prepared statements, as a server would.
        JdbcConnectionPool memory = JdbcConnectionPool.create(database.url(), "sa", "");
        Server server = Server.createTcpServer("-tcpPort", "0").start();
        String tcpUrl = "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/" + database.url().substring("jdbc:h2:".length());
        JdbcConnectionPool loopback = JdbcConnectionPool.create(tcpUrl, "sa", "");
        try {
            DataSource watched = NPlusOne.wrap(memory, "benchmark");
            List<ScopeReport> reports = new ArrayList<>();
            List<BlogPages.PostView> reference = null;
            for (Variant variant : variants) {
                Scope scope = NPlusOne.scope("benchmark: " + variant.name());
                List<BlogPages.PostView> page;
                try (scope) {
                    page = variant.page().load(watched);
                }
                ScopeReport report = scope.report();
                reports.add(report);
                if (reference == null) {
                    reference = page;
                } else if (!Objects.equals(reference, page)) {
                    problems.add("benchmark: " + variant.name() + " returned a different page than the N+1 loop");
                }
                if (report.statements() != variant.statements() || report.findings().size() != variant.findings()) {
                    problems.add("benchmark: " + variant.name() + " ran " + report.statements() + " statements with "
                            + report.findings().size() + " findings, expected " + variant.statements() + " with "
                            + variant.findings());
                }
            }
            double[] inMemory = medianMillis(variants, memory);
            double[] overTcp = medianMillis(variants, loopback);
            double[] onPostgresql = onPostgresql(variants);
            print(variants, reports, inMemory, overTcp, onPostgresql);
            int last = variants.size() - 1;
            String headline = String.format(Locale.ROOT, "%,d -> %d statements; in memory %.1f -> %.1f ms (%.1fx),"
                            + " loopback TCP %.1f -> %.1f ms (%.1fx)%s; seed 1,501 -> 2 queries, 340 -> 12 ms (28x)",
                    reports.get(0).statements(), reports.get(last).statements(), inMemory[0], inMemory[last],
                    inMemory[0] / inMemory[last], overTcp[0], overTcp[last], overTcp[0] / overTcp[last],
                    onPostgresql == null ? "" : String.format(Locale.ROOT, ", PostgreSQL %.1f -> %.1f ms (%.1fx)",
                            onPostgresql[0], onPostgresql[last], onPostgresql[0] / onPostgresql[last]));
            return new Result(problems, headline);
        } finally {
            loopback.dispose();
            server.stop();
            memory.dispose();
        }
    }

    /**
     * The variants' median times on the seed's data in a PostgreSQL schema of its own, through a pool; null
     * (and one line saying so) when no PostgreSQL answers on 127.0.0.1:5432.
     */
    private double[] onPostgresql(List<Variant> variants) throws Exception {
        SeedDatabase database;
        try {
            database = SeedDatabase.create(SeedDatabase.Vendor.POSTGRESQL, POSTS);
        } catch (IllegalStateException e) {
            out.println("   (no PostgreSQL answers on 127.0.0.1:5432: the PostgreSQL column is left out)");
            return null;
        }
        PGConnectionPoolDataSource server = new PGConnectionPoolDataSource();
        server.setURL(database.url());
        server.setUser(database.user());
        server.setPassword(database.password());
        JdbcConnectionPool pool = JdbcConnectionPool.create(server);
        try (database) {
            return medianMillis(variants, pool);
        } finally {
            pool.dispose();
        }
    }

    /**
     * The median time of each variant over {@link #RUNS} runs after {@link #WARM_UPS}. Rounds run the variants
     * in turn, so that load from elsewhere on the machine falls on all of them alike. The pool's one session
     * keeps the few statements they prepare (H2 caches 8 per session; they use 6).
     */
    static double[] medianMillis(List<Variant> variants, DataSource dataSource) throws Exception {
        long[][] nanos = new long[variants.size()][RUNS];
        for (int round = -WARM_UPS; round < RUNS; round++) {
            for (int v = 0; v < variants.size(); v++) {
                long start = System.nanoTime();
                variants.get(v).page().load(dataSource);
                long elapsed = System.nanoTime() - start;
                if (round >= 0) {
                    nanos[v][round] = elapsed;
                }
            }
        }
        double[] millis = new double[variants.size()];
        for (int v = 0; v < variants.size(); v++) {
            Arrays.sort(nanos[v]);
            millis[v] = nanos[v][RUNS / 2] / 1_000_000.0;
        }
        return millis;
    }

    private void print(List<Variant> variants, List<ScopeReport> reports, double[] inMemory, double[] overTcp,
                       double[] onPostgresql) {
        List<String> headers = new ArrayList<>(List.of("variant", "Django", ">statements", "nplusone", ">in memory",
                ">vs N+1", ">loopback TCP", ">vs N+1"));
        if (onPostgresql != null) {
            headers.addAll(List.of(">PostgreSQL", ">vs N+1"));
        }
        headers.add("the seed's figures");
        TextTable table = new TextTable(headers.toArray(String[]::new));
        for (int v = 0; v < variants.size(); v++) {
            Variant variant = variants.get(v);
            int found = reports.get(v).findings().size();
            List<Object> cells = new ArrayList<>(List.of(variant.name(), variant.django(),
                    String.format(Locale.ROOT, "%,d", reports.get(v).statements()),
                    found == 0 ? "clean" : found + (found == 1 ? " finding" : " findings"), millis(inMemory[v]),
                    ratio(inMemory[0] / inMemory[v]), millis(overTcp[v]), ratio(overTcp[0] / overTcp[v])));
            if (onPostgresql != null) {
                cells.addAll(List.of(millis(onPostgresql[v]), ratio(onPostgresql[0] / onPostgresql[v])));
            }
            cells.add(variant.seed());
            table.row(cells.toArray());
        }
        out.print(table.render("   "));
        int loop = reports.get(0).statements();
        out.println();
        out.println("   Code: " + String.join(", ", variants.stream().map(v -> v.name() + " = " + v.how()).toList()) + ".");
        out.println("   Times: median of " + RUNS + " runs after " + WARM_UPS + " warm-ups, through a connection pool of"
                + " the unwatched database; statements and findings: one run through NPlusOne.wrap.");
        out.println("   In memory: H2 in this JVM, no network round trip. Loopback TCP: the same database through an H2"
                + " TCP server on 127.0.0.1, one real round trip per statement."
                + (onPostgresql == null ? "" : " PostgreSQL: the same data on the server at 127.0.0.1:5432."));
        out.println(String.format(Locale.ROOT, "   Cost per statement of the N+1 loop: the seed %.3f ms (340 ms / 1,501),"
                        + " ours %.3f ms in memory and %.3f ms over loopback%s.", (double) SEED_LOOP_MILLIS / SEED_LOOP_QUERIES,
                inMemory[0] / loop, overTcp[0] / loop, onPostgresql == null ? ""
                        : String.format(Locale.ROOT, " and %.3f ms on PostgreSQL", onPostgresql[0] / loop)));
        out.println("   So compare the ratio, not the milliseconds: the N+1 loop's cost is mostly round trips, which an"
                + " in-memory database hardly has; the ratio grows with the round trip, as the loopback column shows.");
        out.println("   In memory, the 2-query page spends most of its time in H2 re-checking the " + POSTS + "-key IN list"
                + " on each joined post-tag row (a profile shows ConditionIn), not in round trips.");
        out.println("   The seed counts 1,501 queries (1 + 3 per post) without showing its loop; ours reads the author and"
                + " the tags of each post: 1 + 2 per post = " + String.format(Locale.ROOT, "%,d", loop) + ".");
    }

    private static String millis(double millis) {
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }

    private static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.1fx", ratio);
    }
}
