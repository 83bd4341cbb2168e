package dev.nplusone.internal.suggest;

import dev.nplusone.Finding;
import dev.nplusone.internal.scope.ShapeGroup;
import dev.nplusone.internal.sql.SqlNormalizer;
import dev.nplusone.internal.sql.SqlParsing;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;

/** The cure of an unused join: the application's statement without the join and the columns it brought. */
final class JoinDropper {
    private JoinDropper() {
    }

    /**
     * The group's statement without the join of {@code reference}, written from its template: a literal that was
     * the same in every logged execution stays as written (it is part of the query); any other literal, which
     * may be one execution's data, becomes a {@code ?} bound with what each execution wrote there.
     */
    static Rewriter.Rewrite drop(ShapeGroup group, String reference) {
        String text = group.firstSql();
        if (text == null) {
            return Rewriter.Rewrite.none("the statement's text was not recorded");
        }
        List<Finding.Parameter> parameters = new ArrayList<>();
        String template = SqlNormalizer.template(text, (slot, literal, bindIndex, original) -> {
            if (literal && sameEveryTime(group, slot)) {
                return original;
            }
            Finding.Parameter value = new Finding.Parameter(Finding.Parameter.Source.STATEMENT, slot + 1);
            int marks = literal ? 1 : Math.max(1, count(original, '?'));
            for (int i = 0; i < marks; i++) {
                parameters.add(value);
            }
            return literal ? original.startsWith("(") ? "(?)" : "?" : original;
        });
        String dropped = drop(template, reference);
        return dropped == null ? Rewriter.Rewrite.none("the statement could not be rewritten without it")
                : new Rewriter.Rewrite(dropped, parameters, null);
    }

    /** Values past the logged width, or of a statement run once, cannot be shown to be the same every time. */
    private static boolean sameEveryTime(ShapeGroup group, int slot) {
        return slot < ShapeGroup.KEY_WIDTH && group.loggedExecutions() >= 2 && group.constantAt(slot);
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            n += text.charAt(i) == c ? 1 : 0;
        }
        return n;
    }

    /**
     * {@code sql} (a template of the application's statement) without the join of {@code reference} and its select items;
     * null when the join binds parameters of its own (the remaining ones would shift) or nothing is left.
     */
    static String drop(String sql, String reference) {
        try {
            Statement statement = SqlParsing.parseShape(sql);
            if (!(statement instanceof Select select) || select.getPlainSelect() == null) {
                return null;
            }
            PlainSelect plain = select.getPlainSelect();
            boolean removed = false;
            for (Iterator<Join> joins = plain.getJoins().iterator(); joins.hasNext(); ) {
                Join join = joins.next();
                if (join.getRightItem() instanceof Table table && lower(reference(table)).equals(reference)) {
                    if (bindsParameters(join)) {
                        return null;
                    }
                    joins.remove();
                    removed = true;
                }
            }
            List<SelectItem<?>> kept = new ArrayList<>();
            for (SelectItem<?> item : plain.getSelectItems()) {
                if (!(item.getExpression() instanceof Column column && column.getTable() != null
                        && lower(column.getTable().getFullyQualifiedName()).equals(reference))) {
                    kept.add(item);
                }
            }
            if (!removed || kept.isEmpty()) {
                return null;
            }
            if (plain.getJoins().isEmpty()) {
                plain.setJoins(null);
            }
            plain.setSelectItems(kept);
            String rewritten = statement.toString();
            SqlParsing.parseShape(rewritten); // printed only once it parses back
            return SqlNormalizer.template(rewritten, (slot, literal, bindIndex, original) -> original);
        } catch (Exception | StackOverflowError e) {
            return null;
        }
    }

    private static boolean bindsParameters(Join join) {
        boolean[] found = new boolean[1];
        ExpressionVisitorAdapter<Void> visitor = new ExpressionVisitorAdapter<>() {
            @Override
            public <S> Void visit(JdbcParameter parameter, S context) {
                found[0] = true;
                return null;
            }
        };
        if (join.getOnExpressions() != null) {
            for (Expression on : join.getOnExpressions()) {
                on.accept(visitor, null);
            }
        }
        return found[0];
    }

    private static String reference(Table table) {
        return table.getAlias() != null ? table.getAlias().getName() : table.getFullyQualifiedName();
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
