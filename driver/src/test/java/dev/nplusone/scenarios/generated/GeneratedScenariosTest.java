package dev.nplusone.scenarios.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nplusone.NPlusOne;
import dev.nplusone.scenarios.PerClassDatabase;
import dev.nplusone.scenarios.SeedDatabase;
import dev.nplusone.support.Configured;
import dev.nplusone.internal.config.Config;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 12: every suggested rewrite runs and returns the loop's data, on generated scenarios. Seeds
 * {@code 0..n-1} (n = {@code -Dgenerated.scenarios}, default 10,000 on H2 and 500 on a server),
 * or one seed with {@code -Dgenerated.seed=S}. A failing seed prints its SQL, to become a fixed
 * regression test.
 */
class GeneratedScenariosTest {
    @RegisterExtension
    static final PerClassDatabase DATABASE = new PerClassDatabase();

    @Test
    void every_suggestion_runs_and_returns_what_the_loop_read_and_negative_cases_are_not_n_plus_one() throws Exception {
        SeedDatabase database = DATABASE.get();
        List<World> worlds = World.all(database.vendor());
        long first = Long.getLong("generated.seed", 0L);
        long count = System.getProperty("generated.seed") != null ? 1
                : Long.getLong("generated.scenarios", database.vendor() == SeedDatabase.Vendor.H2 ? 10_000 : 500);
        SuggestionCheck.Figures figures = new SuggestionCheck.Figures();
        Map<String, Integer> classes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        try (Configured quiet = Configured.with(Config.from(Map.of("log", "false"), error -> { }));
             Connection raw = database.raw().getConnection();
             Connection watched = NPlusOne.wrap(database.raw()).getConnection()) {
            for (World world : worlds) {
                world.create(raw);
            }
            for (long seed = first; seed < first + count; seed++) {
                Scenario scenario = ScenarioGenerator.generate(seed, worlds);
                scenario.classes().forEach(c -> classes.merge(c, 1, Integer::sum));
                try {
                    new SuggestionCheck(scenario, LoopRun.run(scenario, watched), raw, figures).check();
                } catch (AssertionError | Exception e) {
                    failures.add(scenario.describe() + "\n  " + e.getMessage());
                }
            }
        }
        System.out.printf("generated scenarios on %s: %d scenarios, %d N+1 found, %d suggestions (%s), %d proven,"
                        + " %d chain JOINs, %d failing, %d ms%n  classes: %s%n", database.vendor(), count, figures.findings,
                figures.suggestions, figures.strategies, figures.proven, figures.chains, failures.size(),
                (System.nanoTime() - start) / 1_000_000, classes);
        assertEquals(List.of(), failures.subList(0, Math.min(15, failures.size())),
                failures.size() + " of " + count + " scenarios failed");
    }
}
