package dev.nplusone.internal.suggest;

import dev.nplusone.Finding;
import dev.nplusone.internal.sql.BoundedCache;
import dev.nplusone.internal.sql.ShapeAnalyzer;
import dev.nplusone.internal.sql.SqlNormalizer;
import dev.nplusone.internal.sql.SqlParsing;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
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
import net.sf.jsqlparser.statement.select.GroupByElement;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;

/**
 * Builds the two cures from the user's own statements (templates: see {@link StatementTemplate}), with
 * JSqlParser: the child's lookup turned into one IN query, or the child joined into the parent. A rewrite is
 * only made when it is sound for the statement's shape, and only printed once it parses back; otherwise the
 * result says why there is none.
 */
final class Rewriter {
    private static final String KEY_LIST = dev.nplusone.Finding.Suggestion.KEY_LIST;
    static final String KEY_LIST_MARKER = "nplusone_keys";

    private static final Set<String> AGGREGATES = Set.of("count", "sum", "avg", "min", "max", "every", "bool_and",
            "bool_or", "string_agg", "group_concat", "array_agg", "listagg");

    private Rewriter() {
    }

    /**
     * A rewritten statement, ready to print: its SQL (null when none could be proven) and what to bind at
     * each {@code ?}; {@code problem} says why there is none.
     */
    record Rewrite(String sql, List<Finding.Parameter> parameters, String problem) {
        static Rewrite none(String problem) {
            return new Rewrite(null, List.of(), problem);
        }
    }

    /** {@code child} (a template) with its key predicate turned into {@code key in (?, ?, ...)}, the key column selected. */
    static Rewrite batchIn(String child) {
        return rendered("in\u0000" + child, () -> rewriteBatchIn(child));
    }

    private static String rewriteBatchIn(String child) throws Exception {
        PlainSelect select = plainSelect(child);
        PlainSelect existence = select == null ? null : ShapeAnalyzer.existsSubquery(select);
        if (existence != null) {
            return existingKeys(existence);
        }
        if (select == null || select.getLimit() != null || select.getFetch() != null || select.getOffset() != null
                || select.getTop() != null || select.getGroupBy() != null) {
            return null; // a per-key limit or aggregate does not survive batching
        }
        if (windowed(select)) {
            return null;
        }
        List<Expression> conjuncts = conjuncts(select.getWhere());
        int keyIndex = keyConjunct(conjuncts);
        if (keyIndex < 0) {
            return null;
        }
        Column keyColumn = keyColumnOf(conjuncts.get(keyIndex));
        InExpression in = new InExpression(keyColumn,
                new ParenthesedExpressionList<>(new JdbcNamedParameter(KEY_LIST_MARKER)));
        conjuncts.set(keyIndex, in);
        select.setWhere(and(conjuncts));
        if (!selects(select, keyColumn)) {
            List<SelectItem<?>> items = new ArrayList<>();
            items.add(SelectItem.from(new Column(keyColumn.getTable(), keyColumn.getColumnName())));
            items.addAll(select.getSelectItems());
            select.setSelectItems(items);
        }
        if (aggregates(select)) {
            // count(*) per key becomes one row per key: without GROUP BY the IN query would add all keys up
            select.setGroupByElement(new GroupByElement().addGroupByExpressions(
                    new Column(keyColumn.getTable(), keyColumn.getColumnName())));
        }
        return select.toString();
    }

    /**
     * {@code select exists (select ... where fk = :key)} per key as {@code select fk from ... where fk in (...)
     * group by fk}: the keys that come back exist, the others do not.
     */
    private static String existingKeys(PlainSelect subquery) {
        if (subquery.getLimit() != null || subquery.getFetch() != null || subquery.getOffset() != null
                || subquery.getGroupBy() != null || subquery.getJoins() != null && !subquery.getJoins().isEmpty()) {
            return null;
        }
        List<Expression> conjuncts = conjuncts(subquery.getWhere());
        int keyIndex = keyConjunct(conjuncts);
        if (keyIndex < 0) {
            return null;
        }
        Column keyColumn = keyColumnOf(conjuncts.get(keyIndex));
        conjuncts.set(keyIndex, new InExpression(keyColumn,
                new ParenthesedExpressionList<>(new JdbcNamedParameter(KEY_LIST_MARKER))));
        subquery.setWhere(and(conjuncts));
        Column selected = new Column(keyColumn.getTable(), keyColumn.getColumnName());
        subquery.setSelectItems(new ArrayList<>(List.of(SelectItem.from(selected))));
        subquery.setOrderByElements(null);
        subquery.setGroupByElement(new GroupByElement().addGroupByExpressions(
                new Column(keyColumn.getTable(), keyColumn.getColumnName())));
        return subquery.toString();
    }

    /**
     * The slot (0-based, in the shape's text order) of the one parameter of {@code shape}'s LIMIT or FETCH FIRST,
     * when the statement is a plain lookup by key that could be an existence check ({@code existsBy...}: the first
     * row of the key, or none); -1 otherwise. Whether it is one depends on the value bound there, which only the
     * caller has seen.
     */
    static int existenceLimitSlot(String shape) {
        String slot = REWRITES.get("limit\u0000" + shape, k -> orNone(() -> {
            PlainSelect select = plainSelect(shape);
            // one column of an unordered first row: its only meaning is whether there is one (an ordered first row
            // is the latest or the cheapest of the key, whose columns the application reads)
            if (select == null || select.getOffset() != null || select.getGroupBy() != null || aggregates(select)
                    || select.getJoins() != null && !select.getJoins().isEmpty() || select.getDistinct() != null
                    || select.getOrderByElements() != null || select.getSelectItems().size() != 1) {
                return null;
            }
            Expression rows = select.getLimit() != null && select.getLimit().getOffset() == null
                    ? select.getLimit().getRowCount()
                    : select.getFetch() != null && select.getLimit() == null ? select.getFetch().getExpression() : null;
            return rows instanceof JdbcParameter parameter && parameter.getIndex() != null
                    ? Integer.toString(parameter.getIndex() - 1) : null;
        }));
        return slot.isEmpty() ? -1 : Integer.parseInt(slot);
    }

    /**
     * {@code child} (a template), an existence check by its first row per key ({@code ... where fk = :key limit 1}),
     * as the keys that have a row: {@code select fk from ... where fk in (?, ?, ...) group by fk}.
     */
    static Rewrite existingKeys(String child) {
        return rendered("exists\u0000" + child, () -> {
            PlainSelect select = plainSelect(child);
            if (select == null) {
                return null;
            }
            select.setLimit(null);
            select.setFetch(null);
            return existingKeys(select);
        });
    }

    /**
     * Whether {@code child} (a template) computes one value per key (an aggregate, or an existence check): its
     * cure is one grouped statement, never a join.
     */
    static boolean aggregatesPerKey(String child) {
        return !REWRITES.get("aggregate\u0000" + child, k -> orNone(() -> {
            PlainSelect select = plainSelect(child);
            return select != null && (ShapeAnalyzer.existsSubquery(select) != null || aggregates(select)) ? "yes" : null;
        })).isEmpty();
    }

    /** Whether the select list computes an aggregate (count, sum, max ...) over the key's rows. */
    private static boolean aggregates(PlainSelect select) {
        for (SelectItem<?> item : select.getSelectItems()) {
            if (aggregateIn(item.getExpression())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code expression} computes an aggregate of this select, directly or inside arithmetic and function
     * calls ({@code coalesce(sum(x), 0)}). A subquery's aggregates are its own, and a window function is not one.
     */
    private static boolean aggregateIn(Expression expression) {
        if (expression instanceof Function function) {
            if (function.getName() != null && AGGREGATES.contains(function.getName().toLowerCase(Locale.ROOT))) {
                return true;
            }
            if (function.getParameters() != null) {
                for (Expression parameter : function.getParameters()) {
                    if (aggregateIn(parameter)) {
                        return true;
                    }
                }
            }
            return false;
        }
        if (expression instanceof BinaryExpression binary) {
            return aggregateIn(binary.getLeftExpression()) || aggregateIn(binary.getRightExpression());
        }
        return expression instanceof CastExpression cast && aggregateIn(cast.getLeftExpression());
    }

    /** A window function over the loop's rows would see every key's rows once batched. */
    private static boolean windowed(PlainSelect select) {
        for (SelectItem<?> item : select.getSelectItems()) {
            if (item.getExpression() instanceof AnalyticExpression) {
                return true;
            }
        }
        return false;
    }

    /** A JOIN rewrite rendered for printing: {@code parent} and {@code child} are templates. */
    static Rewrite join(String parent, String parentColumn, String child) {
        return rendered("join\u0000" + parent + "\u0000" + parentColumn + "\u0000" + child,
                () -> joinTemplate(parent, parentColumn, child));
    }

    /**
     * {@code parent} with {@code left join child on child.key = parent.column} and the child's columns added
     * (as a template, to be joined into again for a chain, or rendered); null when unsound. The child's other
     * predicates move into the ON clause so that parents without a match stay.
     */
    static String joinTemplate(String parent, String parentColumn, String child) {
        try {
            return rewriteJoin(parent, parentColumn, child);
        } catch (Exception | StackOverflowError e) {
            return null;
        }
    }

    private static String rewriteJoin(String parent, String parentColumn, String child) throws Exception {
        PlainSelect outer = plainSelect(parent);
        PlainSelect inner = plainSelect(child);
        if (outer == null || inner == null || !(outer.getFromItem() instanceof Table parentTable)
                || !(inner.getFromItem() instanceof Table childTable) || inner.getJoins() != null
                || inner.getGroupBy() != null || inner.getOffset() != null || inner.getLimit() != null
                || inner.getFetch() != null || inner.getDistinct() != null
                || outer.getDistinct() != null && outer.getDistinct().getOnSelectItems() != null) {
            return null;
        }
        if (outer.getJoins() == null) {
            Qualifier.qualify(outer, reference(parentTable));
        }
        Qualifier.qualify(inner, reference(childTable));
        if (outer.getGroupBy() != null && selectsStar(inner)) {
            outer = grouped(outer, parentTable);
            if (outer == null) {
                return null;
            }
        }
        Expression parentKey = parentExpression(outer, parentColumn);
        if (parentKey == null) {
            return null;
        }
        List<Expression> conjuncts = conjuncts(inner.getWhere());
        int keyIndex = keyConjunct(conjuncts);
        if (keyIndex < 0) {
            return null;
        }
        String reference = reference(childTable);
        if (outer.getJoins() == null && outer.getFromItem() == parentTable && sameTable(parentTable, childTable)
                && conjuncts.size() == 1
                && parentKey instanceof Column parentKeyColumn && sameName(parentKeyColumn, keyColumnOf(conjuncts.get(0)))) {
            return widen(outer, inner, childTable, reference);
        }
        Column keyColumn = keyColumnOf(conjuncts.get(keyIndex));
        String joined = conjuncts.size() == 1 ? joinedAlready(outer, childTable, parentKey, keyColumn) : null;
        if (joined != null) {
            requalify(inner, childTable, reference, joined);
            return withChildColumns(outer, inner, joined, parentKey);
        }
        Set<String> taken = references(outer);
        if (taken.contains(reference.toLowerCase(Locale.ROOT)) || taken.contains(unquote(reference).toLowerCase(Locale.ROOT))) {
            String alias = freshAlias(taken);
            requalify(inner, childTable, reference, alias);
            childTable.setAlias(new Alias(alias, false));
            reference = alias;
        }
        conjuncts.set(keyIndex, new EqualsTo(new Column(new Table(reference), keyColumn.getColumnName()), parentKey));
        Join join = new Join();
        join.setLeft(true);
        join.setRightItem(childTable);
        join.addOnExpression(and(conjuncts));
        outer.addJoins(join);
        return withChildColumns(outer, inner, reference, parentKey);
    }

    /**
     * A grouped parent as a derived table, {@code select g.* from (parent) g}: the child's every column cannot
     * be added to its GROUP BY, but can be joined to its groups. Null when its order or page would be lost.
     */
    private static PlainSelect grouped(PlainSelect outer, Table parentTable) {
        if (outer.getOrderByElements() != null || outer.getLimit() != null || outer.getFetch() != null
                || outer.getOffset() != null) {
            return null;
        }
        String alias = quotedLike(parentTable.getName(), freshAlias(references(outer)));
        ParenthesedSelect derived = new ParenthesedSelect();
        derived.setSelect(outer);
        derived.setAlias(new Alias(alias, false));
        PlainSelect wrapped = new PlainSelect();
        wrapped.setFromItem(derived);
        wrapped.addSelectItems(new AllTableColumns(new Table(alias)));
        return wrapped;
    }

    private static boolean selectsStar(PlainSelect select) {
        return select.getSelectItems().stream().anyMatch(item -> item.getExpression() instanceof AllColumns);
    }

    /**
     * The alias under which the parent already joins the child's table on the very key the loop looks up
     * ({@code join customer c on c.id = ...} and the loop reads {@code c.id}), or null.
     */
    private static String joinedAlready(PlainSelect outer, Table childTable, Expression parentKey, Column keyColumn) {
        if (outer.getJoins() == null || !(parentKey instanceof Column parentColumn) || parentColumn.getTable() == null
                || !sameName(parentColumn, keyColumn)) {
            return null;
        }
        for (Join join : outer.getJoins()) {
            if (join.getRightItem() instanceof Table table && sameTable(table, childTable) && !join.isLeft()
                    && reference(table).equalsIgnoreCase(parentColumn.getTable().getFullyQualifiedName())) {
                return reference(table);
            }
        }
        return null;
    }

    /** Adds the child's columns to the parent's, each labelled apart from the parent's own labels. */
    private static String withChildColumns(PlainSelect outer, PlainSelect inner, String reference, Expression parentKey) {
        List<SelectItem<?>> items = new ArrayList<>();
        for (SelectItem<?> item : outer.getSelectItems()) {
            items.add(item.getExpression() instanceof AllColumns && !(item.getExpression() instanceof AllTableColumns)
                    ? SelectItem.from(new AllTableColumns(new Table(reference((Table) outer.getFromItem())))) : item);
        }
        Set<String> labels = new HashSet<>();
        for (SelectItem<?> item : items) {
            labels.add(label(item));
        }
        List<Expression> grouped = new ArrayList<>();
        for (SelectItem<?> item : inner.getSelectItems()) {
            if (item.getExpression() instanceof AllColumns) {
                if (outer.getGroupBy() != null) {
                    return null;
                }
                items.add(SelectItem.from(new AllTableColumns(new Table(reference))));
                continue;
            }
            String label = label(item);
            if (labels.contains(label)) {
                String fresh = unquote(reference).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "_" + label;
                for (int i = 2; labels.contains(fresh); i++) {
                    fresh = fresh + i;
                }
                item.setAlias(new Alias(fresh, true));
                label = fresh;
            }
            labels.add(label);
            items.add(item);
            grouped.add(item.getExpression());
        }
        if (outer.getGroupBy() != null) {
            // a to-one child depends on the grouped key alone: grouping by its columns too keeps the groups
            if (!outer.getGroupBy().getGroupByExpressionList().toString().toLowerCase(Locale.ROOT)
                    .contains(parentKey.toString().toLowerCase(Locale.ROOT))) {
                return null;
            }
            for (Expression expression : grouped) {
                outer.getGroupBy().addGroupByExpression(expression);
            }
        }
        outer.setSelectItems(items);
        return outer.toString();
    }

    /** The result label of a select item, lower case and unquoted. */
    private static String label(SelectItem<?> item) {
        if (item.getAlias() != null) {
            return unquote(item.getAlias().getName()).toLowerCase(Locale.ROOT);
        }
        return item.getExpression() instanceof Column column ? unquote(column.getColumnName()).toLowerCase(Locale.ROOT)
                : item.getExpression().toString().toLowerCase(Locale.ROOT);
    }

    /** Whether {@link #join} found the child to re-read the parent's own rows (the only()/defer() trap). */
    static boolean rereadsParentRows(String parent, String child) {
        return !REWRITES.get("reread\u0000" + parent + "\u0000" + child,
                k -> orNone(() -> checkRereads(parent, child) ? "yes" : null)).isEmpty();
    }

    private static boolean checkRereads(String parent, String child) throws Exception {
        PlainSelect outer = plainSelect(parent);
        PlainSelect inner = plainSelect(child);
        return outer != null && inner != null && outer.getFromItem() instanceof Table parentTable
                && inner.getFromItem() instanceof Table childTable && sameTable(parentTable, childTable);
    }

    /**
     * Rewrites are pure functions of the statements' templates, and JSqlParser is the expensive part of a
     * scope's close: a page that closes a scope per request with the same loop parses its statements once.
     * The empty string stands for "no sound rewrite".
     */
    static final int MEMO_ENTRIES = 2_000;
    static final BoundedCache<String, String> REWRITES = new BoundedCache<>(MEMO_ENTRIES);
    static final BoundedCache<String, Rewrite> RENDERED = new BoundedCache<>(MEMO_ENTRIES);

    private interface Composer {
        String run() throws Exception;
    }

    private static String orNone(Composer rewrite) {
        try {
            String sql = rewrite.run();
            return sql == null ? "" : sql;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Rewrite rendered(String cacheKey, Composer composer) {
        return RENDERED.get(cacheKey, k -> {
            String template;
            try {
                template = composer.run();
            } catch (Exception | StackOverflowError e) {
                template = null;
            }
            return template == null ? Rewrite.none("the statements do not have a shape the rewrite is sound for")
                    : render(template);
        });
    }

    /**
     * The template as it is printed: keywords and spacing as in fingerprints, literals as written, each named
     * parameter a {@code ?} whose origin is listed, the key list as {@code (?, ?, ...)}. Checked to parse
     * back, or no rewrite: nplusone never prints SQL it has not checked is well-formed.
     */
    static Rewrite render(String template) {
        List<Finding.Parameter> parameters = new ArrayList<>();
        boolean[] unknown = new boolean[1];
        String sql = SqlNormalizer.template(template, (slot, literal, bindIndex, original) -> {
            if (literal) {
                return original;
            }
            String name = original.replace("(", "").replace(")", "").trim();
            if (name.equals(":" + KEY_LIST_MARKER)) {
                parameters.add(new Finding.Parameter(Finding.Parameter.Source.KEYS, 0));
                return KEY_LIST;
            }
            Finding.Parameter parameter = parameter(name);
            if (parameter == null) {
                unknown[0] = true;
                return original;
            }
            parameters.add(parameter);
            return original.startsWith("(") ? "(?)" : "?";
        });
        if (unknown[0]) {
            return Rewrite.none("a parameter of the rewrite could not be traced to the statement that binds it");
        }
        try {
            SqlParsing.parseShape(sql.replace(KEY_LIST, "(?)"));
        } catch (Exception | StackOverflowError e) {
            return Rewrite.none("the rewritten statement did not parse back");
        }
        return new Rewrite(sql, parameters, null);
    }

    private static Finding.Parameter parameter(String name) {
        for (Finding.Parameter.Source source : Finding.Parameter.Source.values()) {
            String prefix = ":" + source.name().toLowerCase(Locale.ROOT) + "_";
            if (name.startsWith(prefix)) {
                try {
                    return new Finding.Parameter(source, Integer.parseInt(name.substring(prefix.length())));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
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
        return outer.toString();
    }

    private static boolean sameTable(Table a, Table b) {
        return a.getFullyQualifiedName().equalsIgnoreCase(b.getFullyQualifiedName());
    }

    private static boolean sameName(Column a, Column b) {
        return b != null && unquote(a.getColumnName()).equalsIgnoreCase(unquote(b.getColumnName()));
    }

    private static PlainSelect plainSelect(String template) throws Exception {
        Statement statement = SqlParsing.parseShape(template);
        return statement instanceof Select select && select.getPlainSelect() != null
                && select.getWithItemsList() == null ? select.getPlainSelect() : null;
    }

    static List<Expression> conjuncts(Expression where) {
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

    static Expression and(List<Expression> conjuncts) {
        Expression result = null;
        for (Expression conjunct : conjuncts) {
            result = result == null ? conjunct : new AndExpression(result, conjunct);
        }
        return result;
    }

    /** Index of {@code column = :nplusone_key} (or {@code column in (:nplusone_key)}): the loop's key. */
    private static int keyConjunct(List<Expression> conjuncts) {
        for (int i = 0; i < conjuncts.size(); i++) {
            if (keyColumnOf(conjuncts.get(i)) != null && isKey(keyParameterOf(conjuncts.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isKey(Expression parameter) {
        return parameter instanceof JdbcNamedParameter named && named.getName().equals(StatementTemplate.KEY);
    }

    private static Column keyColumnOf(Expression conjunct) {
        if (conjunct instanceof EqualsTo equals) {
            if (equals.getLeftExpression() instanceof Column column && isKey(equals.getRightExpression())) {
                return column;
            }
            if (equals.getRightExpression() instanceof Column column && isKey(equals.getLeftExpression())) {
                return column;
            }
        }
        if (conjunct instanceof InExpression in && !in.isNot() && in.getLeftExpression() instanceof Column column) {
            return column;
        }
        return null;
    }

    private static Expression keyParameterOf(Expression conjunct) {
        if (conjunct instanceof EqualsTo equals) {
            return isKey(equals.getRightExpression()) ? equals.getRightExpression() : equals.getLeftExpression();
        }
        if (conjunct instanceof InExpression in && in.getRightExpression() instanceof ExpressionList<?> list
                && list.size() == 1) {
            return (Expression) list.get(0);
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

    /**
     * The parent's select expression whose result column is labelled {@code label}: the last one, because in
     * a chain the key was read from the level joined in last; else a column of the last star.
     */
    private static Expression parentExpression(PlainSelect parent, String label) {
        Expression named = null;
        Expression star = null;
        for (SelectItem<?> item : parent.getSelectItems()) {
            Expression expression = item.getExpression();
            if (item.getAlias() != null && unquote(item.getAlias().getName()).equalsIgnoreCase(label)) {
                named = expression;
            } else if (item.getAlias() == null && expression instanceof Column column
                    && unquote(column.getColumnName()).equalsIgnoreCase(label)) {
                named = column;
            } else if (expression instanceof AllTableColumns all) {
                star = new Column(new Table(all.getTable().getFullyQualifiedName()),
                        quotedLike(all.getTable().getName(), label));
            } else if (expression instanceof AllColumns && parent.getJoins() == null) {
                Table from = (Table) parent.getFromItem();
                star = new Column(new Table(reference(from)), quotedLike(from.getName(), label));
            }
        }
        return named != null ? named : star;
    }

    /** {@code label} quoted as {@code name} is: a schema of quoted names has case-sensitive names. */
    private static String quotedLike(String name, String label) {
        char first = name.isEmpty() ? ' ' : name.charAt(0);
        return first == '"' || first == '`' ? first + label + first : label;
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
