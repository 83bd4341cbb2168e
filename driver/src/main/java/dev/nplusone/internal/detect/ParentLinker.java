package dev.nplusone.internal.detect;

import dev.nplusone.Finding;
import dev.nplusone.internal.scope.ResultSource;
import dev.nplusone.internal.scope.ScopeRecorder;
import dev.nplusone.internal.scope.ShapeGroup;
import java.util.List;
import java.util.Locale;

/**
 * Finds the parent of a loop by bind-value flow: the result column (of another shape that returned several
 * rows in the scope, in one result or over a loop of its own, as in a chain) that had
 * already produced most of the loop's distinct keys by the time each was used. A column is the parent when
 * it produced at least {@link #MIN_SHARE} of them. When two columns explain the keys equally well (a page of
 * posts whose ids and author ids overlap), the one whose name relates it to the child wins: first the very
 * column the child filters on ({@code blog_post.id} for {@code where p.id = ?} on {@code blog_post p}), then a
 * foreign key named after the child's table ({@code author_id} for a lookup in {@code author}), then the id of
 * the table the child's key is named after ({@code id} of {@code post} for a lookup by {@code post_id}).
 */
public final class ParentLinker {
    static final double MIN_SHARE = 0.8;

    private ParentLinker() {
    }

    public static ParentLink link(ShapeGroup group, ScopeRecorder.Snapshot scope) {
        ParentLink best = ParentLink.UNPARENTED;
        int bestAffinity = -1;
        boolean multiRowBefore = false;
        KeyFirstUses[] keysAt = new KeyFirstUses[ShapeGroup.KEY_WIDTH];
        for (ResultSource source : scope.sources()) {
            if (source.shape().equals(group.shape()) || source.rows() < 2) {
                continue;
            }
            multiRowBefore = true;
            for (int position = 0; position < ShapeGroup.KEY_WIDTH; position++) {
                if (keysAt[position] == null) {
                    keysAt[position] = KeyFirstUses.of(group, position);
                }
                ParentLink candidate = match(keysAt[position], source, position, scope.values());
                if (candidate == null || candidate.matched() < MIN_SHARE * candidate.examined()) {
                    continue;
                }
                int affinity = NameAffinity.between(group.shape(), source);
                if (candidate.matched() > best.matched()
                        || (candidate.matched() == best.matched() && affinity > bestAffinity)) {
                    best = candidate;
                    bestAffinity = affinity;
                }
            }
        }
        if (best.source() != null) {
            return best;
        }
        return multiRowBefore ? new ParentLink(Finding.Confidence.LIKELY, null, -1, 0, 0) : ParentLink.UNPARENTED;
    }

    /** How many of the distinct keys at {@code position} the source produced before their first use. */
    private static ParentLink match(KeyFirstUses keys, ResultSource source, int position,
                                    ScopeRecorder.ValueIndexView values) {
        if (keys.size() < 2) {
            return null; // a constant (a filter value), not a key that varies with the loop
        }
        int matched = 0;
        for (int i = 0; i < keys.size(); i++) {
            long seen = values.firstSeen(keys.key(i), source.id());
            if (seen >= 0 && seen < keys.firstUse(i)) {
                matched++;
            }
        }
        return new ParentLink(Finding.Confidence.CONFIRMED, source, position, matched, keys.size());
    }

    /** How strongly column and table names say that the source column refers to the child's rows. */
    static final class NameAffinity {
        private NameAffinity() {
        }

        static int between(dev.nplusone.internal.sql.Shape child, ResultSource source) {
            List<String> childTables = child.analysis().tables();
            List<String> parentTables = source.shape().analysis().tables();
            String parentColumn = bare(source.column());
            int affinity = 0;
            for (dev.nplusone.internal.sql.ShapeAnalysis.KeyPredicate key : child.analysis().keys()) {
                if (key.table() != null && bare(key.column()).equals(parentColumn) && parentTables.size() == 1
                        && bare(parentTables.get(0)).equals(bare(key.table()))) {
                    affinity += 4; // the same column of the same table
                }
            }
            // parent.author_id -> child table blog_author
            if (parentColumn.endsWith("_id") && mentions(childTables, parentColumn.substring(0, parentColumn.length() - 3))) {
                affinity += 2;
            }
            // parent post.id -> child key post_id
            for (dev.nplusone.internal.sql.ShapeAnalysis.KeyPredicate key : child.analysis().keys()) {
                String bareKey = bare(key.column());
                if (bareKey.endsWith("_id") && parentColumn.equals("id")
                        && mentions(parentTables, bareKey.substring(0, bareKey.length() - 3))) {
                    affinity += 2;
                }
                if (bareKey.equals(parentColumn)) {
                    affinity += 1;
                }
            }
            return affinity;
        }

        private static boolean mentions(List<String> tables, String word) {
            if (word.isEmpty()) {
                return false;
            }
            for (String table : tables) {
                String name = bare(table);
                if (name.equals(word) || name.endsWith("_" + word) || name.startsWith(word + "_")
                        || name.equals(word + "s")) {
                    return true;
                }
            }
            return false;
        }

        private static String bare(String name) {
            String lower = name.toLowerCase(Locale.ROOT).replace("\"", "").replace("`", "");
            int dot = lower.lastIndexOf('.');
            return dot < 0 ? lower : lower.substring(dot + 1);
        }
    }
}
