package dev.nplusone.internal.suggest;

import dev.nplusone.internal.sql.BoundedCache;
import dev.nplusone.internal.sql.ShapeAnalysis;
import dev.nplusone.internal.sql.SqlNormalizer;
import dev.nplusone.internal.sql.SqlParsing;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Builds the two cures from the user's own statements (their fingerprints), with JSqlParser: the child's
 * lookup turned into one IN query, or the child joined into the parent. Returns "" when the statement
 * does not have a shape the rewrite is sound for; a suggestion is only made when it is right.
 */
final class Rewriter {
    private static final String KEY_LIST = dev.nplusone.Finding.Suggestion.KEY_LIST;
    private static final String KEY_LIST_MARKER = "nplusone_keys";
    static final int MEMO_ENTRIES = 2_000;
    /** Characters of SQL the memo's keys may hold in all: 2,000 joins of two 1 KB statements. */
    static final long MEMO_CHARS = 4_000_000;

    private Rewriter() {
    }

    /** {@code child} with its key predicate turned into {@code key in (?, ?, ...)}, the key column selected. */
    static String batchIn(String child, ShapeAnalysis.KeyPredicate key) {
        return REWRITES.get(new BatchInKey(child, key), Rewriter::build);
    }

    private static String rewriteBatchIn(String child, ShapeAnalysis.KeyPredicate key) throws Exception {
        PlainSelect select = plainSelect(child);
        if (select == null || select.getLimit() != null || select.getFetch() != null || select.getOffset() != null
                || select.getTop() != null || select.getGroupBy() != null) {
            return null; // a per-key limit or aggregate does not survive batching
        }
        List<Expression> conjuncts = conjuncts(select.getWhere());
        int keyIndex = keyConjunct(conjuncts, key);
        if (keyIndex < 0) {
            return null;
        }
        Column keyColumn = keyColumnOf(conjuncts.get(keyIndex));
        InExpression in = new InExpression(keyColumn,
                new ParenthesedExpressionList<>(new Function(KEY_LIST_MARKER, new ExpressionList<>())));
        conjuncts.set(keyIndex, in);
        select.setWhere(and(conjuncts));
        if (!selects(select, keyColumn)) {
            List<SelectItem<?>> items = new ArrayList<>();
            items.add(SelectItem.from(new Column(keyColumn.getTable(), keyColumn.getColumnName())));
            items.addAll(select.getSelectItems());
            select.setSelectItems(items);
        }
        return render(select);
    }

    /**
     * {@code parent} with {@code left join child on child.key = parent.column} and the child's columns added;
     * the child's other predicates move into the ON clause so that parents without a match stay.
     */
    static String join(String parent, String parentColumn, String child, ShapeAnalysis.KeyPredicate key) {
        return REWRITES.get(new JoinKey(parent, parentColumn, child, key), Rewriter::build);
    }

    private static String rewriteJoin(String parent, String parentColumn, String child, ShapeAnalysis.KeyPredicate key)
            throws Exception {
        PlainSelect outer = plainSelect(parent);
        PlainSelect inner = plainSelect(child);
        if (outer == null || inner == null || !(outer.getFromItem() instanceof Table)
                || !(inner.getFromItem() instanceof Table childTable) || outer.getGroupBy() != null
                || outer.getDistinct() != null || inner.getJoins() != null || inner.getGroupBy() != null
                || inner.getOffset() != null) {
            return null;
        }
        Expression parentKey = parentExpression(outer, parentColumn);
        if (parentKey == null) {
            return null;
        }
        List<Expression> conjuncts = conjuncts(inner.getWhere());
        int keyIndex = keyConjunct(conjuncts, key);
        if (keyIndex < 0) {
            return null;
        }
        String reference = reference(childTable);
        Table parentTable = (Table) outer.getFromItem();
        if (outer.getJoins() == null && sameTable(parentTable, childTable) && conjuncts.size() == 1
                && parentKey instanceof Column parentKeyColumn && sameName(parentKeyColumn, keyColumnOf(conjuncts.get(0)))) {
            return widen(outer, inner, childTable, reference);
        }
        Set<String> taken = references(outer);
        if (taken.contains(reference.toLowerCase(Locale.ROOT))) {
            String alias = freshAlias(taken);
            requalify(inner, childTable, reference, alias);
            childTable.setAlias(new Alias(alias, false));
            reference = alias;
        }
        Column keyColumn = keyColumnOf(conjuncts.get(keyIndex));
        conjuncts.set(keyIndex, new EqualsTo(new Column(new Table(reference), keyColumn.getColumnName()), parentKey));
        Join join = new Join();
        join.setLeft(true);
        join.setRightItem(childTable);
        join.addOnExpression(and(conjuncts));
        outer.addJoins(join);
        List<SelectItem<?>> items = new ArrayList<>(outer.getSelectItems());
        for (SelectItem<?> item : inner.getSelectItems()) {
            if (item.getExpression() instanceof AllColumns && !(item.getExpression() instanceof AllTableColumns)) {
                items.add(SelectItem.from(new AllTableColumns(new Table(reference))));
            } else {
                items.add(item);
            }
        }
        outer.setSelectItems(items);
        return render(outer);
    }

    /** Whether {@link #join} found the child to re-read the parent's own rows (the only()/defer() trap). */
    static boolean rereadsParentRows(String parent, String child) {
        return !REWRITES.get(new RereadKey(parent, child), Rewriter::build).isEmpty();
    }

    private static boolean checkRereads(String parent, String child) throws Exception {
        PlainSelect outer = plainSelect(parent);
        PlainSelect inner = plainSelect(child);
        return outer != null && inner != null && outer.getFromItem() instanceof Table parentTable
                && inner.getFromItem() instanceof Table childTable && sameTable(parentTable, childTable);
    }

    /**
     * Rewrites are pure functions of the statements' fingerprints, and JSqlParser is the expensive part of a
     * scope's close: a page that closes a scope per request with the same loop parses its statements once.
     * The empty string stands for "no sound rewrite". Keys are records over the fingerprints (the shapes'
     * own strings, whose hashes are cached), so a hit neither copies nor rehashes SQL text; the bound is
     * on entries and on the characters of SQL the keys hold.
     */
    static final BoundedCache<RewriteKey, String> REWRITES =
            new BoundedCache<>(MEMO_ENTRIES, MEMO_CHARS, RewriteKey::chars);

    /** What one rewrite is computed from; it computes it (null: no sound rewrite) only on a memo miss. */
    private sealed interface RewriteKey permits BatchInKey, JoinKey, RereadKey {
        int chars();

        String rewrite() throws Exception;
    }

    private record BatchInKey(String child, ShapeAnalysis.KeyPredicate key) implements RewriteKey {
        @Override
        public int chars() {
            return child.length();
        }

        @Override
        public String rewrite() throws Exception {
            return rewriteBatchIn(child, key);
        }
    }

    private record JoinKey(String parent, String parentColumn, String child, ShapeAnalysis.KeyPredicate key)
            implements RewriteKey {
        @Override
        public int chars() {
            return parent.length() + child.length();
        }

        @Override
        public String rewrite() throws Exception {
            return rewriteJoin(parent, parentColumn, child, key);
        }
    }

    private record RereadKey(String parent, String child) implements RewriteKey {
        @Override
        public int chars() {
            return parent.length() + child.length();
        }

        @Override
        public String rewrite() throws Exception {
            return checkRereads(parent, child) ? "yes" : null;
        }
    }

    private static String build(RewriteKey key) {
        try {
            String sql = key.rewrite();
            return sql == null ? "" : sql;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String widen(PlainSelect outer, PlainSelect inner, Table childTable, String childReference) {
        String parentReference = reference((Table) outer.getFromItem());
        requalify(inner, childTable, childReference, parentReference);
        List<SelectItem<?>> items = new ArrayList<>(outer.getSelectItems());
        Set<String> present = new HashSet<>();
        for (SelectItem<?> item : items) {
            present.add(item.toString().toLowerCase(Locale.ROOT));
        }
        for (SelectItem<?> item : inner.getSelectItems()) {
            if (present.add(item.toString().toLowerCase(Locale.ROOT))) {
                items.add(item);
            }
        }
        outer.setSelectItems(items);
        return render(outer);
    }

    private static boolean sameTable(Table a, Table b) {
        return a.getFullyQualifiedName().equalsIgnoreCase(b.getFullyQualifiedName());
    }

    private static boolean sameName(Column a, Column b) {
        return b != null && unquote(a.getColumnName()).equalsIgnoreCase(unquote(b.getColumnName()));
    }

    private static PlainSelect plainSelect(String shape) throws Exception {
        Statement statement = SqlParsing.parseShape(shape);
        return statement instanceof Select select && select.getPlainSelect() != null
                && select.getWithItemsList() == null ? select.getPlainSelect() : null;
    }

    private static String render(PlainSelect select) {
        String fingerprint = SqlNormalizer.normalize(select.toString()).shape();
        return fingerprint.replace("(" + KEY_LIST_MARKER + "())", KEY_LIST);
    }

    private static List<Expression> conjuncts(Expression where) {
        List<Expression> conjuncts = new ArrayList<>();
        collect(where, conjuncts);
        return conjuncts;
    }

    private static void collect(Expression expression, List<Expression> into) {
        if (expression instanceof AndExpression and) {
            collect(and.getLeftExpression(), into);
            collect(and.getRightExpression(), into);
        } else if (expression != null) {
            into.add(expression);
        }
    }

    private static Expression and(List<Expression> conjuncts) {
        Expression result = null;
        for (Expression conjunct : conjuncts) {
            result = result == null ? conjunct : new AndExpression(result, conjunct);
        }
        return result;
    }

    /** Index of {@code column = ?} (or {@code column in (?)}) carrying the key's parameter slot. */
    private static int keyConjunct(List<Expression> conjuncts, ShapeAnalysis.KeyPredicate key) {
        for (int i = 0; i < conjuncts.size(); i++) {
            Column column = keyColumnOf(conjuncts.get(i));
            JdbcParameter parameter = keyParameterOf(conjuncts.get(i));
            if (column == null || parameter == null) {
                continue;
            }
            boolean sameSlot = key.slot() >= 0 && parameter.getIndex() != null && parameter.getIndex() - 1 == key.slot();
            boolean sameColumn = key.slot() < 0 && column.getFullyQualifiedName().equalsIgnoreCase(key.column());
            if (sameSlot || sameColumn) {
                return i;
            }
        }
        return -1;
    }

    private static Column keyColumnOf(Expression conjunct) {
        if (conjunct instanceof EqualsTo equals) {
            if (equals.getLeftExpression() instanceof Column column && equals.getRightExpression() instanceof JdbcParameter) {
                return column;
            }
            if (equals.getRightExpression() instanceof Column column && equals.getLeftExpression() instanceof JdbcParameter) {
                return column;
            }
        }
        if (conjunct instanceof InExpression in && !in.isNot() && in.getLeftExpression() instanceof Column column) {
            return column;
        }
        return null;
    }

    private static JdbcParameter keyParameterOf(Expression conjunct) {
        if (conjunct instanceof EqualsTo equals) {
            return equals.getRightExpression() instanceof JdbcParameter right ? right
                    : equals.getLeftExpression() instanceof JdbcParameter left ? left : null;
        }
        if (conjunct instanceof InExpression in && in.getRightExpression() instanceof ExpressionList<?> list
                && list.size() == 1 && list.get(0) instanceof JdbcParameter parameter) {
            return parameter;
        }
        return null;
    }

    private static boolean selects(PlainSelect select, Column column) {
        for (SelectItem<?> item : select.getSelectItems()) {
            Expression expression = item.getExpression();
            if (expression instanceof AllTableColumns all) {
                if (column.getTable() == null || all.getTable().getFullyQualifiedName()
                        .equalsIgnoreCase(column.getTable().getFullyQualifiedName())) {
                    return true;
                }
            } else if (expression instanceof AllColumns) {
                return true;
            } else if (expression instanceof Column selected && item.getAlias() == null
                    && selected.getFullyQualifiedName().equalsIgnoreCase(column.getFullyQualifiedName())) {
                return true;
            }
        }
        return false;
    }

    /** The parent's select expression whose result column is labelled {@code label}. */
    private static Expression parentExpression(PlainSelect parent, String label) {
        Expression star = null;
        for (SelectItem<?> item : parent.getSelectItems()) {
            Expression expression = item.getExpression();
            if (item.getAlias() != null && unquote(item.getAlias().getName()).equalsIgnoreCase(label)) {
                return expression;
            }
            if (item.getAlias() == null && expression instanceof Column column
                    && unquote(column.getColumnName()).equalsIgnoreCase(label)) {
                return column;
            }
            if (expression instanceof AllColumns && star == null) {
                star = new Column(new Table(reference((Table) parent.getFromItem())), label);
            }
        }
        return star;
    }

    private static String reference(Table table) {
        return table.getAlias() != null ? table.getAlias().getName() : table.getFullyQualifiedName();
    }

    private static Set<String> references(PlainSelect select) {
        Set<String> names = new HashSet<>();
        addReference(names, select.getFromItem());
        if (select.getJoins() != null) {
            for (Join join : select.getJoins()) {
                addReference(names, join.getRightItem());
            }
        }
        return names;
    }

    private static void addReference(Set<String> names, Object item) {
        if (item instanceof Table table) {
            names.add(reference(table).toLowerCase(Locale.ROOT));
            names.add(table.getName().toLowerCase(Locale.ROOT));
        }
    }

    private static String freshAlias(Set<String> taken) {
        for (int i = 1; ; i++) {
            String alias = "n" + i;
            if (!taken.contains(alias)) {
                return alias;
            }
        }
    }

    /** Points the child's columns at {@code alias}: the unqualified ones and those qualified by its old name. */
    private static void requalify(PlainSelect child, Table table, String oldReference, String alias) {
        ExpressionVisitorAdapter<Void> visitor = new ExpressionVisitorAdapter<>() {
            @Override
            public <S> Void visit(Column column, S context) {
                Table qualifier = column.getTable();
                if (qualifier == null || qualifier.getName() == null
                        || qualifier.getFullyQualifiedName().equalsIgnoreCase(oldReference)
                        || qualifier.getName().equalsIgnoreCase(table.getName())) {
                    column.setTable(new Table(alias));
                }
                return null;
            }
        };
        for (SelectItem<?> item : child.getSelectItems()) {
            item.getExpression().accept(visitor, null);
        }
        if (child.getWhere() != null) {
            child.getWhere().accept(visitor, null);
        }
    }

    private static String unquote(String name) {
        if (name.length() >= 2 && (name.startsWith("\"") || name.startsWith("`")) ) {
            return name.substring(1, name.length() - 1);
        }
        return name;
    }
}
