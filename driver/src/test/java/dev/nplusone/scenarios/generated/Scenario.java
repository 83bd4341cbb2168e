package dev.nplusone.scenarios.generated;

import java.util.List;

/**
 * One generated unit of work: a parent statement and the lookups a loop runs for its rows (a chain when there
 * are several levels, each keyed by the previous level's rows), or a negative case that must not be an N+1.
 *
 * @param seed     reproduces the scenario
 * @param world    the schema it runs on
 * @param classes  the statement classes it exercises, for the figures and the failure message
 * @param parent   the statement the loop iterates over
 * @param levels   the lookups, outermost first
 * @param negative what kind of non-N+1 the loop is, or {@link Negative#NONE}
 */
record Scenario(long seed, World world, List<String> classes, Template parent, List<Lookup> levels, Negative negative) {

    enum Negative { NONE, BATCHED, PAGINATED, BELOW_THRESHOLD, CALL_SITES }

    /**
     * SQL with {@code ?} for each bound value and {@code {key}} where the loop's key goes (bound, or written in as
     * a literal when {@code inlineKey}).
     */
    record Template(String text, List<Object> binds) {
        static final String KEY = "{key}";
    }

    /**
     * A lookup run once per row of the level above.
     *
     * @param keyLabel  the result column of the row above that holds the key
     * @param child     the lookup statement
     * @param inlineKey the key is written into the SQL (a plain Statement) rather than bound
     * @param keyColumn the child's column the key is compared with (its label in the child's results)
     */
    record Lookup(String keyLabel, Template child, boolean inlineKey, String keyColumn) {
    }

    String describe() {
        StringBuilder out = new StringBuilder("seed ").append(seed).append(" on ").append(world).append(' ')
                .append(classes).append(negative == Negative.NONE ? "" : " negative " + negative)
                .append("\n  parent: ").append(parent.text()).append("   binds ").append(parent.binds());
        for (Lookup level : levels) {
            out.append("\n  loop  : ").append(level.child().text()).append("   binds ").append(level.child().binds())
                    .append(", key from ").append(level.keyLabel()).append(level.inlineKey() ? " (inline)" : " (bound)");
        }
        return out.toString();
    }
}
