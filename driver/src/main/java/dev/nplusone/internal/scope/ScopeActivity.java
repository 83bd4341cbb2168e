package dev.nplusone.internal.scope;

import java.util.List;

/**
 * What the reports for people show of a closed scope besides its findings: time in SQL, the Debug Toolbar's
 * "similar" and "duplicate" counts, per-shape totals and the first executions as a timeline.
 *
 * @param sqlNanos      time spent in the scope's statements
 * @param similar       statements whose shape ran more than once in the scope (with any keys)
 * @param duplicates    statements that repeated an earlier statement of the scope with the same key
 * @param shapes        per-shape totals, in order of first execution (at most {@link #MAX_SHAPES})
 * @param timeline      the first executions, each naming its shape by index into {@code shapes}
 * @param timelineTotal how many executions there were in all (the timeline shows at most {@link Timeline#LIMIT})
 */
public record ScopeActivity(long sqlNanos, int similar, int duplicates, List<ShapeTotal> shapes,
                            List<Execution> timeline, int timelineTotal) {
    /** Shapes listed per scope: a scope of thousands of distinct statements lists its first ones. */
    public static final int MAX_SHAPES = 200;
    public static final ScopeActivity NONE = new ScopeActivity(0, 0, 0, List.of(), List.of(), 0);

    public ScopeActivity {
        shapes = List.copyOf(shapes);
        timeline = List.copyOf(timeline);
    }

    /** One shape's totals in the scope. */
    public record ShapeTotal(String sql, String type, int executions, int distinctKeys, long nanos) {
    }

    /** One execution on the timeline. */
    public record Execution(int shape, long offsetNanos, long durationNanos) {
    }
}
