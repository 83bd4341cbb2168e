package dev.nplusone.internal.detect;

import dev.nplusone.Finding;
import dev.nplusone.internal.scope.ShapeGroup;
import dev.nplusone.internal.sql.JoinAnalyzer;
import dev.nplusone.internal.sql.JoinedColumns;
import java.util.ArrayList;
import java.util.List;

/**
 * Over-fetching: a select that joins a table, handed to the application at least threshold times in a
 * scope, none of whose ResultSets had any column of that table read; or a LEFT JOIN that selects no column
 * at all (an HQL join left in a projection). Columns are judged only when every read is known:
 * each went through nplusone's ResultSet with a column it could name, and the application read something
 * (a result only counted, or only tested for a row, says nothing about its columns). A join that filters,
 * sorts or groups (its columns used outside the select list) does work besides its columns and is never one.
 */
final class UnusedJoins {
    private UnusedJoins() {
    }

    static List<Finding> judge(ShapeGroup group, int threshold, Detector.SuggestionMaker suggestions) {
        if (!group.shape().joins() || group.resultSets() < threshold) {
            return List.of();
        }
        JoinedColumns columns = JoinAnalyzer.analyze(group.shape().sql());
        if (columns == null) {
            return List.of();
        }
        boolean readsKnown = group.readsKnown() && anyRead(group, columns.owners().size());
        List<Finding> findings = new ArrayList<>(1);
        for (JoinedColumns.Joined join : columns.joins()) {
            int[] own = columns.columnsOf(join.reference());
            // a LEFT JOIN that selects nothing and is used nowhere else is unused whatever was read; an inner one
            // may be there to filter (a semi-join)
            boolean unused = own.length == 0 ? join.outer() : readsKnown && !anyRead(group, own);
            if (!unused || join.usedElsewhere()) {
                continue;
            }
            String callSite = group.callSite().toString();
            findings.add(new Finding(Detector.findingId(Finding.Kind.UNUSED_JOIN.name() + " " + join.reference(),
                    group.shape().sql(), callSite), Finding.Kind.UNUSED_JOIN, Finding.Confidence.CONFIRMED,
                    group.resultSets(), group.distinctKeys(), group.maxRows(), group.shape().sql(), callSite, null,
                    suggestions.suggestDropJoin(group, join, own.length), group.nanos(), List.of(),
                    group.executionsEstimated(), Math.min(group.walkedExecutions(), group.resultSets())));
        }
        return findings;
    }

    private static boolean anyRead(ShapeGroup group, int columns) {
        for (int column = 1; column <= columns; column++) {
            if (group.wasColumnRead(column)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyRead(ShapeGroup group, int[] columns) {
        for (int column : columns) {
            if (group.wasColumnRead(column)) {
                return true;
            }
        }
        return false;
    }
}
