package dev.nplusone.internal.suggest;

import dev.nplusone.internal.sql.SqlParsing;
import java.util.List;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.update.Update;

/** Rewrites of a write loop's statement, from its template (see {@link StatementTemplate}). */
final class WriteRewrites {
    private WriteRewrites() {
    }

    /**
     * {@code update ... where key = :key} (or delete) as {@code ... where key in (?, ?, ...)}; none when the
     * statement limits, orders, returns or joins (one row per key may then not be what the IN statement changes).
     */
    static Rewriter.Rewrite whereIn(String template) {
        String lower = WriteCures.lower(template);
        if (lower.contains(" limit ") || lower.contains(" order by ") || lower.contains(" returning ")
                || lower.contains(" join ") || lower.contains(" from (")) {
            return Rewriter.Rewrite.none("the statement limits, orders, returns or joins");
        }
        try {
            Statement statement = SqlParsing.parseShape(template);
            Expression where;
            if (statement instanceof Update update && update.getStartJoins() == null) {
                where = update.getWhere();
                Expression rewritten = keyInList(where);
                if (rewritten == null) {
                    return Rewriter.Rewrite.none("the key is not an equality of the WHERE");
                }
                update.setWhere(rewritten);
            } else if (statement instanceof Delete delete && (delete.getTables() == null || delete.getTables().isEmpty())) {
                where = delete.getWhere();
                Expression rewritten = keyInList(where);
                if (rewritten == null) {
                    return Rewriter.Rewrite.none("the key is not an equality of the WHERE");
                }
                delete.setWhere(rewritten);
            } else {
                return Rewriter.Rewrite.none("not a single-table UPDATE or DELETE");
            }
            return Rewriter.render(statement.toString());
        } catch (Exception | StackOverflowError e) {
            return Rewriter.Rewrite.none("the statement did not parse");
        }
    }

    /** The WHERE with its {@code column = :key} conjunct turned into {@code column in (:keys)}, or null. */
    private static Expression keyInList(Expression where) {
        List<Expression> conjuncts = Rewriter.conjuncts(where);
        for (int i = 0; i < conjuncts.size(); i++) {
            if (conjuncts.get(i) instanceof EqualsTo equals) {
                Column column = equals.getLeftExpression() instanceof Column left && isKey(equals.getRightExpression())
                        ? left : equals.getRightExpression() instanceof Column right && isKey(equals.getLeftExpression())
                        ? right : null;
                if (column != null) {
                    conjuncts.set(i, new InExpression(column,
                            new ParenthesedExpressionList<>(new JdbcNamedParameter(Rewriter.KEY_LIST_MARKER))));
                    return Rewriter.and(conjuncts);
                }
            }
        }
        return null;
    }

    private static boolean isKey(Expression expression) {
        return expression instanceof JdbcNamedParameter named && named.getName().equals(StatementTemplate.KEY);
    }
}
