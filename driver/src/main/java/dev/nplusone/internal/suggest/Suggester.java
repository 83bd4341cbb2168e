package dev.nplusone.internal.suggest;

import dev.nplusone.Finding;
import dev.nplusone.internal.Failures;
import dev.nplusone.internal.Faults;
import dev.nplusone.internal.detect.Detector;
import dev.nplusone.internal.detect.ParentLink;
import dev.nplusone.internal.scope.ResultSource;
import dev.nplusone.internal.scope.ScopeRecorder;
import dev.nplusone.internal.scope.ShapeGroup;
import dev.nplusone.internal.sql.JoinedColumns;
import dev.nplusone.internal.sql.Shape;
import dev.nplusone.internal.sql.ShapeAnalysis;
import dev.nplusone.internal.sql.ValueHash;
import java.util.List;

/**
 * The suggest stage: picks the cure for an N+1 and builds it.
 * <ul>
 *   <li>to-one (at most one row per key) with a known parent: JOIN the child into the parent, unless many
 *       parent rows share few children, where a JOIN would repeat each child's columns on every row, or the
 *       parent is itself a loop of lookups (a chain): then one IN query loads each child once;</li>
 *   <li>to-many: one IN query, never a JOIN (it would multiply the parent's rows);</li>
 *   <li>no parent: one IN query over the collected keys.</li>
 * </ul>
 */
public final class Suggester implements Detector.SuggestionMaker {
    public static final Suggester INSTANCE = new Suggester();
    /** Keys per IN query; lists longer than this are chunked (some databases cap IN lists near 1,000). */
    static final int CHUNK = 1_000;
    /** Parent rows per distinct child from which a JOIN repeats too much data and an IN query is preferred. */
    static final int SHARED_CHILD_RATIO = 4;

    private Suggester() {
    }

    @Override
    public Finding.Suggestion suggest(ShapeGroup group, ParentLink link, ScopeRecorder.Snapshot scope) {
        try {
            return build(group, link, scope);
        } catch (Throwable t) {
            Failures.record("suggestion", t);
            return null;
        }
    }

    @Override
    public Finding.Suggestion suggestWrites(ShapeGroup group, ScopeRecorder.Snapshot scope) {
        try {
            Faults.check(Faults.Stage.SUGGESTION);
            return WriteCures.suggest(group);
        } catch (Throwable t) {
            Failures.record("suggestion", t);
            return null;
        }
    }

    @Override
    public Finding.Suggestion suggestDropJoin(ShapeGroup group, JoinedColumns.Joined join, int columns) {
        try {
            Faults.check(Faults.Stage.SUGGESTION);
            int executions = group.resultSets();
            String hint = FrameworkHints.unusedJoinHint(group.callSite().frameworks(), join.table());
            String unread = columns == 0
                    ? join.table() + " is joined in " + executions + " results but selects no column and is used nowhere"
                            + " else: drop the join"
                    : "no column of " + join.table() + " was read in " + executions + " results: drop the join and its "
                            + columns + (columns == 1 ? " column" : " columns");
            if (!join.outer()) {
                return new Finding.Suggestion(Finding.Strategy.DROP_JOIN, null, executions, executions,
                        unread + "; no rewrite printed: an inner join also filters the rows (drop it only when every"
                                + " row has a match, as with a NOT NULL foreign key)", hint);
            }
            Rewriter.Rewrite dropped = JoinDropper.drop(group, join.reference());
            if (dropped.sql() == null) {
                return new Finding.Suggestion(Finding.Strategy.DROP_JOIN, null, executions, executions,
                        "no rewrite: " + unread + " (" + dropped.problem() + ")", hint);
            }
            return new Finding.Suggestion(Finding.Strategy.DROP_JOIN, dropped.sql(), executions, executions,
                    unread + "; the same statements, each reading fewer tables (when the join is to-many, it also"
                            + " repeated the rows)" + (dropped.parameters().isEmpty() ? "" : binding(dropped.parameters())),
                    hint, null, dropped.parameters());
        } catch (Throwable t) {
            Failures.record("suggestion", t);
            return null;
        }
    }

    private Finding.Suggestion build(ShapeGroup group, ParentLink link, ScopeRecorder.Snapshot scope) throws Exception {
        Faults.check(Faults.Stage.SUGGESTION);
        ShapeAnalysis analysis = group.shape().analysis();
        ResultSource parent = link.source();
        ShapeAnalysis.KeyPredicate key = analysis.keyAt(parent != null ? link.keyPosition() : -1);
        if (!analysis.parsed() || key == null) {
            return null;
        }
        int keys = Math.max(1, group.distinctKeys());
        int parentExecutions = parent == null ? 0 : executionsOf(parent.shape(), scope);
        int before = group.executions() + parentExecutions;
        boolean toOne = group.maxRows() <= 1;
        String hint = FrameworkHints.hint(group.callSite().frameworks(), toOne, analysis.tables());
        ChainNote chain = ChainNote.of(group, link, scope);

        StatementTemplate child = StatementTemplate.of(group, Finding.Parameter.Source.LOOP, key.slot());
        if (child.problem() == null && Rewriter.aggregatesPerKey(child.sql())) {
            return grouped(group, key, child, Rewriter.batchIn(child.sql()), before,
                    parentExecutions + (keys + CHUNK - 1) / CHUNK, chain);
        }
        if (existenceCheck(group, key)) {
            StatementTemplate existence = StatementTemplate.of(group, Finding.Parameter.Source.LOOP, key.slot());
            if (existence.problem() == null) {
                return grouped(group, key, existence, Rewriter.existingKeys(existence.sql()), before,
                        parentExecutions + (keys + CHUNK - 1) / CHUNK, chain);
            }
        }
        String whyNotJoin = null;
        if (toOne && parent != null) {
            int rowsPerChild = parent.rows() / keys;
            if (ChainNote.repeatedLookup(parent, scope) != null) {
                whyNotJoin = "its parent is itself a lookup repeated in a loop: a JOIN there would keep that loop;"
                        + " load every key in one IN query";
            } else if (rowsPerChild >= SHARED_CHILD_RATIO) {
                whyNotJoin = parent.rows() + " parent rows share " + keys + " keys: a JOIN would repeat each child row"
                        + " about " + rowsPerChild + " times; one IN query loads each once";
            } else {
                StatementTemplate parentStatement = template(parent.shape(), scope, Finding.Parameter.Source.PARENT, -1);
                Rewriter.Rewrite join = child.problem() != null || parentStatement.problem() != null ? null
                        : Rewriter.join(parentStatement.sql(), parent.column(), child.sql());
                if (join != null && join.sql() != null) {
                    boolean rereads = Rewriter.rereadsParentRows(parent.shape().sql(), group.shape().sql());
                    String reason = rereads
                            ? "the loop re-reads columns of rows its parent already read (the only()/defer() trap):"
                                    + " select them in the parent's statement"
                            : "to-one lookup (at most 1 row per key): join it into the statement that read "
                                    + parent.column();
                    return new Finding.Suggestion(Finding.Strategy.JOIN, join.sql(), before, parentExecutions,
                            reason + binding(join.parameters()) + chain.note(),
                            rereads ? FrameworkHints.rereadHint(group.callSite().frameworks()) : hint,
                            chain.chain(), join.parameters());
                }
                whyNotJoin = "to-one lookup, but its statement cannot be joined into the parent's as it stands;"
                        + " load every key in one IN query";
            }
        }
        int after = parentExecutions + (keys + CHUNK - 1) / CHUNK;
        if (child.problem() != null) {
            return new Finding.Suggestion(Finding.Strategy.BATCH_IN, null, before, after, "no rewrite: " + child.problem(),
                    hint, chain.chain());
        }
        Rewriter.Rewrite batch = Rewriter.batchIn(child.sql());
        if (batch.sql() == null) {
            return new Finding.Suggestion(Finding.Strategy.BATCH_IN, null, before, after, "no rewrite: " + batch.problem(),
                    hint, chain.chain());
        }
        String reason = whyNotJoin != null ? whyNotJoin
                : parent == null ? "the keys' origin is not in this scope: collect the " + keys
                        + " keys and load them in one IN query"
                : "to-many lookup (up to " + group.maxRows() + " rows per key): a JOIN would multiply the parent's"
                        + " rows; load every key in one IN query";
        String chunks = keys > CHUNK ? "; chunk the keys " + CHUNK + " per query" : "";
        return new Finding.Suggestion(Finding.Strategy.BATCH_IN, batch.sql(), before, after,
                reason + ", matching rows back by " + key.column() + chunks + binding(batch.parameters()) + chain.note(),
                hint, chain.chain(), batch.parameters());
    }

    /**
     * An aggregate or existence check per key: one grouped statement gives a row per key that has rows, and a
     * key missing from its result has none (count 0, exists false, sum null). Never a join: the aggregate
     * would have to be grouped by every parent column.
     */
    private static Finding.Suggestion grouped(ShapeGroup group, ShapeAnalysis.KeyPredicate key, StatementTemplate child,
                                              Rewriter.Rewrite batch, int before, int after, ChainNote chain) {
        String hint = FrameworkHints.aggregateHint(group.callSite().frameworks());
        if (batch.sql() == null) {
            return new Finding.Suggestion(Finding.Strategy.GROUP_BY, null, before, after,
                    "no rewrite: " + batch.problem(), hint, chain.chain());
        }
        int keys = Math.max(1, group.distinctKeys());
        String chunks = keys > CHUNK ? "; chunk the keys " + CHUNK + " per query" : "";
        return new Finding.Suggestion(Finding.Strategy.GROUP_BY, batch.sql(), before, after,
                "an aggregate or existence check per key: one grouped query returns a row per key, matched back by "
                        + key.column()
                        + "; a key missing from the result has no rows (count 0, exists false)" + chunks
                        + binding(batch.parameters()) + chain.note(),
                hint, chain.chain(), batch.parameters());
    }

    /**
     * A lookup of the first row of each key ({@code where fk = ? limit ?} bound to 1 in every execution, as Spring
     * Data's {@code existsBy...} runs): an existence check per key. A limit bound to anything else is a top-n per
     * key, which one grouped query cannot give.
     */
    private static boolean existenceCheck(ShapeGroup group, ShapeAnalysis.KeyPredicate key) {
        int slot = Rewriter.existenceLimitSlot(group.shape().sql());
        return slot >= 0 && slot != key.slot() && slot < ShapeGroup.KEY_WIDTH && group.loggedExecutions() > 0
                && group.constantAt(slot) && group.loggedKeyCount(0) > slot
                && group.loggedKey(0, slot) == ValueHash.ofLong(1);
    }

    /** Says what to bind where, when the rewrite has parameters besides the keys. */
    static String binding(List<Finding.Parameter> parameters) {
        if (parameters.stream().allMatch(p -> p.source() == Finding.Parameter.Source.KEYS)) {
            return "";
        }
        StringBuilder out = new StringBuilder("; bind ");
        for (int i = 0; i < parameters.size(); i++) {
            out.append(i == 0 ? "" : ", ").append('?').append(i + 1).append(" = ").append(parameters.get(i));
        }
        return out.toString();
    }

    /** The statement of {@code shape} as run in the scope, as a rewrite's template. */
    static StatementTemplate template(Shape shape, ScopeRecorder.Snapshot scope, Finding.Parameter.Source role, int keySlot) {
        for (ShapeGroup candidate : scope.groups()) {
            if (candidate.shape().equals(shape)) {
                return StatementTemplate.of(candidate, role, keySlot);
            }
        }
        return new StatementTemplate(shape.sql(), "the statement's text was not recorded");
    }

    static int executionsOf(Shape shape, ScopeRecorder.Snapshot scope) {
        int executions = 0;
        for (ScopeRecorder.ShapeSummary summary : scope.shapes()) {
            if (summary.shape().equals(shape)) {
                executions += summary.executions();
            }
        }
        return executions;
    }
}
