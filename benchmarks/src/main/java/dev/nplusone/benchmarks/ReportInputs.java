package dev.nplusone.benchmarks;

import dev.nplusone.Finding;
import dev.nplusone.ScopeReport;
import dev.nplusone.ShapeStats;
import dev.nplusone.StatementType;
import dev.nplusone.internal.report.JsonReport;
import dev.nplusone.internal.scope.ScopeActivity;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes the large JSON Lines inputs of the CLI's target (4 CI shards of 50,000 scopes each), line by line through
 * the same {@link JsonReport} the engine writes with: 60 routes, a third of the requests with findings (from a pool
 * of 40 findings, each with its parent, rewrite and a timeline of its loop), the rest clean ({@code json.all=true}).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.nplusone.benchmarks.ReportInputs target/shards 4 50000
 * time java -Xmx64m -jar agent/target/nplusone-agent.jar check --fail-on any target/shards/shard-*.jsonl
 * </pre>
 */
public final class ReportInputs {
    private static final int ROUTES = 60;
    private static final int FINDINGS = 40;

    private ReportInputs() {
    }

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args.length > 0 ? args[0] : "target/shards");
        int shards = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int scopes = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
        Files.createDirectories(directory);
        Random random = new Random(42);
        for (int shard = 1; shard <= shards; shard++) {
            Path file = directory.resolve("shard-" + shard + ".jsonl");
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (int i = 0; i < scopes; i++) {
                    out.write(line(random));
                    out.write('\n');
                }
            }
            System.out.printf("%s: %,d scopes, %,d bytes%n", file, scopes, Files.size(file));
        }
    }

    static String line(Random random) {
        int route = random.nextInt(ROUTES);
        boolean withFinding = route % 3 == 0;
        int loop = withFinding ? 10 + random.nextInt(90) : 0;
        String parentSql = "select o.id, o.customer_id, o.total from orders_" + route + " o where o.shop_id = ?";
        String childSql = "select c.id, c.name from customer_" + route % FINDINGS + " c where c.id = ?";
        List<ShapeStats> shapes = new ArrayList<>();
        List<ScopeActivity.ShapeTotal> totals = new ArrayList<>();
        List<ScopeActivity.Execution> timeline = new ArrayList<>();
        long offset = 0;
        int statements = 0;
        int extra = 2 + random.nextInt(6);
        for (int shape = 0; shape < extra; shape++) {
            String sql = shape == 0 ? parentSql : "select s.id, s.value from setting_" + shape + " s where s.name = ?";
            long nanos = 50_000 + random.nextInt(400_000);
            shapes.add(new ShapeStats(sql, StatementType.SELECT, 1, 1, 1));
            totals.add(new ScopeActivity.ShapeTotal(sql, "SELECT", 1, 1, nanos));
            timeline.add(new ScopeActivity.Execution(shape, offset, nanos));
            offset += nanos + 20_000;
            statements++;
        }
        List<Finding> findings = new ArrayList<>();
        long sqlNanos = offset;
        if (withFinding) {
            int childIndex = totals.size();
            long each = 30_000 + random.nextInt(100_000);
            shapes.add(new ShapeStats(childSql, StatementType.SELECT, loop, loop, 1));
            totals.add(new ScopeActivity.ShapeTotal(childSql, "SELECT", loop, loop, each * loop));
            for (int i = 0; i < loop && timeline.size() < 256; i++) {
                timeline.add(new ScopeActivity.Execution(childIndex, offset, each));
                offset += each + 5_000;
            }
            statements += loop;
            sqlNanos += each * loop;
            String id = String.format("%016x", 0x5eed0000L + route % FINDINGS);
            findings.add(new Finding(id, Finding.Kind.N_PLUS_ONE, Finding.Confidence.CONFIRMED, loop, loop, 1, childSql,
                    "com.acme.shop.OrderPage.render(OrderPage.java:" + (40 + route % FINDINGS) + ")",
                    new Finding.Parent(parentSql, "customer_id", loop),
                    new Finding.Suggestion(Finding.Strategy.JOIN, "select o.id, o.customer_id, o.total, c.id as c_id,"
                            + " c.name from orders_" + route + " o left join customer_" + route % FINDINGS + " c on"
                            + " c.id = o.customer_id where o.shop_id = ?", loop + 1, 1, "to-one lookup", null),
                    each * loop, List.of()));
        }
        ScopeReport report = new ScopeReport("GET /shops/{id}/page" + route, "http", statements, findings, shapes, false);
        ScopeActivity activity = new ScopeActivity(sqlNanos, withFinding ? loop : 0, 0, totals, timeline, statements);
        return JsonReport.line(report, activity);
    }
}
