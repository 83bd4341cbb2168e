package dev.nplusone.internal.suggest;

import dev.nplusone.Finding;
import dev.nplusone.internal.detect.ParentLink;
import dev.nplusone.internal.detect.ParentLinker;
import dev.nplusone.internal.scope.ResultSource;
import dev.nplusone.internal.scope.ScopeRecorder;
import dev.nplusone.internal.scope.ShapeGroup;
import dev.nplusone.internal.sql.ShapeAnalysis;

/**
 * Chains (employee -> city -> country): when a loop's parent is itself a loop of lookups, fixing each level
 * alone still leaves the other's loop. Says what fixing both levels gives (the root statement, then one IN
 * query per level) and, when both levels are to-one, builds the root statement with both joined in.
 */
final class ChainNote {
    private final String note;
    private final Finding.Chain chain;

    private ChainNote(String note, Finding.Chain chain) {
        this.note = note;
        this.chain = chain;
    }

    private static final ChainNote NONE = new ChainNote("", null);

    /** Text to append to the suggestion's reason; empty when the loop is not part of a chain. */
    String note() {
        return note;
    }

    /** Both levels joined into the root statement, or null. */
    Finding.Chain chain() {
        return chain;
    }

    static ChainNote of(ShapeGroup group, ParentLink link, ScopeRecorder.Snapshot scope) throws Exception {
        ResultSource parent = link.source();
        if (parent == null) {
            return NONE;
        }
        ShapeGroup parentLoop = repeatedLookup(parent, scope);
        if (parentLoop == null) {
            return NONE;
        }
        ParentLink rootLink = ParentLinker.link(parentLoop, scope);
        ResultSource root = rootLink.source();
        if (root == null || root.shape().equals(group.shape())) {
            return NONE;
        }
        int rootExecutions = Suggester.executionsOf(root.shape(), scope);
        int before = rootExecutions + parentLoop.executions() + group.executions();
        String note = "; chain " + root.column() + " -> " + parent.column() + " -> " + tableOf(group)
                + ": one IN query per level takes " + before + " queries -> " + (rootExecutions + 2);
        return new ChainNote(note, joined(group, link, parentLoop, rootLink, before, rootExecutions, scope));
    }

    private static Finding.Chain joined(ShapeGroup group, ParentLink link, ShapeGroup parentLoop, ParentLink rootLink,
                                        int before, int rootExecutions, ScopeRecorder.Snapshot scope) {
        if (group.maxRows() > 1 || parentLoop.maxRows() > 1) {
            return null; // a JOIN of a to-many level would multiply the root's rows
        }
        if (repeatedLookup(rootLink.source(), scope) != null) {
            return null; // the root is itself a loop: joining into it would keep that loop
        }
        ShapeAnalysis.KeyPredicate parentKey = parentLoop.shape().analysis().keyAt(rootLink.keyPosition());
        ShapeAnalysis.KeyPredicate childKey = group.shape().analysis().keyAt(link.keyPosition());
        if (parentKey == null || childKey == null) {
            return null;
        }
        StatementTemplate root = Suggester.template(rootLink.source().shape(), scope, Finding.Parameter.Source.ROOT, -1);
        StatementTemplate parent = StatementTemplate.of(parentLoop, Finding.Parameter.Source.PARENT, parentKey.slot());
        StatementTemplate child = StatementTemplate.of(group, Finding.Parameter.Source.LOOP, childKey.slot());
        if (root.problem() != null || parent.problem() != null || child.problem() != null) {
            return null;
        }
        String first = Rewriter.joinTemplate(root.sql(), rootLink.source().column(), parent.sql());
        Rewriter.Rewrite both = first == null ? null : Rewriter.join(first, link.source().column(), child.sql());
        return both == null || both.sql() == null ? null
                : new Finding.Chain(both.sql(), before, rootExecutions, both.parameters());
    }

    /** The group of lookups the parent shape was repeated in, or null when the parent ran as a plain query. */
    static ShapeGroup repeatedLookup(ResultSource parent, ScopeRecorder.Snapshot scope) {
        for (ShapeGroup candidate : scope.groups()) {
            if (candidate.shape().equals(parent.shape()) && candidate.lookupExecutions() >= scope.threshold()
                    && candidate.shape().analysis().isKeyLookup()) {
                return candidate;
            }
        }
        return null;
    }

    private static String tableOf(ShapeGroup group) {
        return group.shape().analysis().tables().isEmpty() ? "child" : group.shape().analysis().tables().get(0);
    }
}
