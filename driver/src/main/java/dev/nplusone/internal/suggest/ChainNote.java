package dev.nplusone.internal.suggest;

import dev.nplusone.internal.detect.ParentLink;
import dev.nplusone.internal.detect.ParentLinker;
import dev.nplusone.internal.scope.ResultSource;
import dev.nplusone.internal.scope.ScopeRecorder;
import dev.nplusone.internal.scope.ShapeGroup;

/**
 * Chains (employee -> city -> country): when a loop's parent is itself a loop of lookups, fixing each level
 * alone still leaves the other's loop. Says what fixing both levels together gives: the root statement,
 * then one IN query per level.
 */
final class ChainNote {
    private ChainNote() {
    }

    static String of(ShapeGroup group, ParentLink link, ScopeRecorder.Snapshot scope) {
        ResultSource parent = link.source();
        if (parent == null) {
            return "";
        }
        ShapeGroup parentLoop = repeatedLookup(parent, scope);
        if (parentLoop == null) {
            return "";
        }
        ResultSource root = ParentLinker.link(parentLoop, scope).source();
        if (root == null || root.shape().equals(group.shape())) {
            return "";
        }
        int rootExecutions = Suggester.executionsOf(root.shape(), scope);
        int before = rootExecutions + parentLoop.executions() + group.executions();
        return "; chain " + root.column() + " -> " + parent.column() + " -> " + tableOf(group)
                + ": fixing both levels (one IN query each, or JOINs where to-one) takes " + before + " queries -> "
                + (rootExecutions + 2);
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
