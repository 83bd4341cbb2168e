package dev.nplusone.internal.suggest;

import dev.nplusone.Finding;
import dev.nplusone.internal.scope.ShapeGroup;
import dev.nplusone.internal.sql.SqlNormalizer;
import java.util.Locale;

/**
 * A statement of the loop (the parent, the repeated lookup, a chain's root) as a rewrite starts from it: the
 * application's own SQL, with the literals that were the same in every execution kept as written (they are
 * part of the query), the key as the named parameter {@code :nplusone_key}, and every value the application
 * binds as a named parameter saying whose it is ({@code :loop_2} is the lookup's second bound value), so that
 * the rewrite can say what to bind at each of its {@code ?}.
 *
 * @param sql     the template, or the fingerprint when the statement's text is not known
 * @param problem why no rewrite can be built from it (a second value varies with the loop), or null
 */
record StatementTemplate(String sql, String problem) {
    static final String KEY = "nplusone_key";

    static StatementTemplate of(ShapeGroup group, Finding.Parameter.Source role, int keySlot) {
        String text = group.firstSql();
        if (text == null) {
            return new StatementTemplate(group.shape().sql(), "the statement's text was not recorded");
        }
        String[] problem = new String[1];
        String prefix = ":" + role.name().toLowerCase(Locale.ROOT) + "_";
        String sql = SqlNormalizer.template(text, (slot, literal, bindIndex, original) -> {
            if (slot == keySlot) {
                return ":" + KEY;
            }
            if (!group.constantAt(slot)) {
                problem[0] = "besides its key, the " + (literal ? "literal " + original : "bound value " + bindIndex)
                        + " varies from one execution to the next (a composite key)";
            }
            return literal ? original : prefix + bindIndex;
        });
        return new StatementTemplate(sql, problem[0]);
    }
}
