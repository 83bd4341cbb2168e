package dev.nplusone.internal.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How many optional walks a scope affords, from the statements' measured time (here: given, not measured). */
class WalkBudgetTest {

    @Test
    void on_a_real_database_every_execution_is_walked_at_ordinary_stack_depths() {
        // PostgreSQL on localhost: about 40 us per lookup; a walk to frame 40 about 12 us
        Walks walks = run(new WalkBudget(), 1_000, 40_000, 12_000);

        assertEquals(1_000, walks.count);
    }

    @Test
    void on_an_in_memory_database_walks_take_a_few_percent_of_the_sql_time() {
        // H2 in memory: about 1.5 us per lookup; a walk to frame 15 about 5 us
        Walks walks = run(new WalkBudget(), 100_000, 1_500, 5_000);

        double share = (double) walks.nanos / (100_000L * 1_500);
        assertTrue(share > 0.02 && share < 0.04, () -> "walks took " + share + " of the SQL time");
    }

    @Test
    void a_real_database_under_load_is_still_walked_for_every_execution() {
        // a loaded machine: a localhost PostgreSQL lookup about 25 us, a walk to frame 40 about 15 us
        Walks walks = run(new WalkBudget(), 1_000, 25_000, 15_000);

        assertEquals(1_000, walks.count);
    }

    @Test
    void a_walk_dearer_than_the_statement_is_sampled_rather_than_done_each_time() {
        // a walk to frame 120, about 35 us, against a 20 us statement: walking each would nearly triple it
        Walks walks = run(new WalkBudget(), 1_000, 20_000, 35_000);

        assertTrue(walks.count < 100, () -> walks.count + " walks");
    }

    @Test
    void a_slow_walk_the_scope_always_does_leaves_no_debt_for_the_walks_after_it() {
        WalkBudget budget = new WalkBudget();
        budget.walked(2_000_000, false); // a first walk in a cold JVM
        budget.walked(12_000, false);
        budget.statementTook(40_000);

        assertTrue(budget.allowsWalk());
    }

    record Walks(int count, long nanos) {
    }

    /** {@code statements} executions, each walked when the budget allows, the walk costing {@code walkNanos}. */
    static Walks run(WalkBudget budget, int statements, long statementNanos, long walkNanos) {
        int count = 0;
        long nanos = 0;
        for (int i = 0; i < statements; i++) {
            if (budget.allowsWalk()) {
                budget.walked(walkNanos, true);
                count++;
                nanos += walkNanos;
            }
            budget.statementTook(statementNanos);
        }
        return new Walks(count, nanos);
    }
}
