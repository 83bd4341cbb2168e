package dev.nplusone.internal.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Reads {@link JoinedColumns} from a shape, once per shape (memoised): only for the few shapes that join,
 * ran often enough in a scope and left some table's columns unread. Never on the hot path.
 */
public final class JoinAnalyzer {
    private static final BoundedCache<String, java.util.Optional<JoinedColumns>> ANALYSES = new BoundedCache<>(2_000);

    private JoinAnalyzer() {
    }

    /** The shape's joined columns, or null when it is not a select of qualified columns with table joins. */
    public static JoinedColumns analyze(String shape) {
        return ANALYSES.get(shape, JoinAnalyzer::parse).orElse(null);
    }

    private static java.util.Optional<JoinedColumns> parse(String shape) {
        try {
            Statement statement = SqlParsing.parseShape(shape);
            if (statement instanceof Select select && select.getPlainSelect() != null
                    && select.getWithItemsList() == null) {
                return java.util.Optional.ofNullable(read(select.getPlainSelect()));
            }
        } catch (Exception | StackOverflowError e) {
            // no verdict on a statement the parser cannot read
        }
        return java.util.Optional.empty();
    }

    private static JoinedColumns read(PlainSelect select) {
        if (select.getJoins() == null || select.getJoins().isEmpty() || !(select.getFromItem() instanceof Table)) {
            return null;
        }
        List<String> owners = new ArrayList<>();
        for (SelectItem<?> item : select.getSelectItems()) {
            if (!(item.getExpression() instanceof Column column) || column.getTable() == null
                    || column.getTable().getName() == null) {
                return null;
            }
            owners.add(lower(column.getTable().getFullyQualifiedName()));
        }
        List<JoinedColumns.Joined> joins = new ArrayList<>();
        for (Join join : select.getJoins()) {
            if (!(join.getRightItem() instanceof Table table) || join.isNatural() || join.isApply()
                    || join.getUsingColumns() != null && !join.getUsingColumns().isEmpty()) {
                return null;
            }
            String reference = lower(table.getAlias() != null ? table.getAlias().getName() : table.getFullyQualifiedName());
            boolean outer = join.isLeft() && !join.isRight() && !join.isFull() && !join.isCross() && !join.isSimple();
            joins.add(new JoinedColumns.Joined(reference, table.getFullyQualifiedName(), outer,
                    usedOutside(select, join, reference)));
        }
        return new JoinedColumns(List.copyOf(owners), List.copyOf(joins));
    }

    /** Whether {@code reference}'s columns appear anywhere but in the select list and its own ON clause. */
    private static boolean usedOutside(PlainSelect select, Join own, String reference) {
        List<Expression> elsewhere = new ArrayList<>();
        elsewhere.add(select.getWhere());
        elsewhere.add(select.getHaving());
        if (select.getGroupBy() != null) {
            elsewhere.addAll(select.getGroupBy().getGroupByExpressionList());
        }
        if (select.getOrderByElements() != null) {
            for (OrderByElement order : select.getOrderByElements()) {
                elsewhere.add(order.getExpression());
            }
        }
        for (Join join : select.getJoins()) {
            if (join != own && join.getOnExpressions() != null) {
                elsewhere.addAll(join.getOnExpressions());
            }
        }
        boolean[] used = new boolean[1];
        ExpressionVisitorAdapter<Void> visitor = new ExpressionVisitorAdapter<>() {
            @Override
            public <S> Void visit(Column column, S context) {
                Table qualifier = column.getTable();
                if (qualifier == null || qualifier.getName() == null
                        || lower(qualifier.getFullyQualifiedName()).equals(reference)) {
                    used[0] = true; // an unqualified column could be the joined table's
                }
                return null;
            }
        };
        for (Expression expression : elsewhere) {
            if (expression != null) {
                expression.accept(visitor, null);
            }
        }
        return used[0] || select.getDistinct() != null;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
