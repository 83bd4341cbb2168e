package dev.nplusone.internal.suggest;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Qualifies the bare column names of a one-table statement with its table's reference: once another table is
 * joined in, {@code id} or {@code name} would be ambiguous ({@code Ambiguous column name "ID"}).
 */
final class Qualifier {
    private Qualifier() {
    }

    static void qualify(PlainSelect select, String reference) {
        Set<String> labels = new HashSet<>();
        for (SelectItem<?> item : select.getSelectItems()) {
            if (item.getAlias() != null) {
                labels.add(item.getAlias().getName().toLowerCase(Locale.ROOT));
            }
        }
        ExpressionVisitorAdapter<Void> visitor = new ExpressionVisitorAdapter<>() {
            @Override
            public <S> Void visit(Column column, S context) {
                if (column.getTable() == null || column.getTable().getName() == null) {
                    column.setTable(new Table(reference));
                }
                return null;
            }
        };
        for (SelectItem<?> item : select.getSelectItems()) {
            item.getExpression().accept(visitor, null);
        }
        accept(select.getWhere(), visitor);
        accept(select.getHaving(), visitor);
        if (select.getGroupBy() != null) {
            for (Object expression : select.getGroupBy().getGroupByExpressionList()) {
                accept((Expression) expression, visitor);
            }
        }
        if (select.getOrderByElements() != null) {
            for (OrderByElement order : select.getOrderByElements()) {
                // ORDER BY may name a select item's alias, which is no column of the table
                boolean alias = order.getExpression() instanceof Column column && column.getTable() == null
                        && labels.contains(column.getColumnName().toLowerCase(Locale.ROOT));
                if (!alias) {
                    accept(order.getExpression(), visitor);
                }
            }
        }
    }

    private static void accept(Expression expression, ExpressionVisitorAdapter<Void> visitor) {
        if (expression != null) {
            expression.accept(visitor, null);
        }
    }
}
