package dev.nplusone.internal.sql;

import dev.nplusone.StatementType;

import dev.nplusone.internal.Failures;
import dev.nplusone.internal.Faults;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.sf.jsqlparser.expression.AnyComparisonExpression;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.Offset;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Reads a shape's structure once, with JSqlParser where it understands the SQL and with the lexer's tokens
 * where it does not (vendor syntax, JDBC escapes). Never called per execution: {@link Shape#analysis()}
 * memoises the result, and the detector asks only for shapes that repeated.
 */
public final class ShapeAnalyzer {
    private static final Set<String> RANGE_OPERATORS = Set.of(">", "<", ">=", "<=", "between");

    private ShapeAnalyzer() {
    }

    static ShapeAnalysis analyze(String shape, StatementType kind) {
        Faults.check(Faults.Stage.SHAPE_ANALYSIS);
        if (kind != StatementType.SELECT) {
            return new ShapeAnalysis(false, List.of(), List.of(), false, false);
        }
        ShapeAnalysis parsed = withParser(shape);
        return parsed != null ? parsed : withLexer(shape);
    }

    private static ShapeAnalysis withParser(String shape) {
        try {
            Statement statement = SqlParsing.parseShape(shape);
            if (statement instanceof Select select && select.getPlainSelect() != null) {
                PlainSelect existence = existsSubquery(select.getPlainSelect());
                return analyze(existence != null ? existence : select.getPlainSelect(), shape);
            }
            return null;
        } catch (Exception | StackOverflowError e) {
            return null;
        } catch (Throwable t) {
            Failures.record("sql analysis", t);
            return null;
        }
    }

    /**
     * The subquery of {@code select exists (select ... where fk = ?)}: an existence check per key, whose key
     * is the subquery's.
     */
    public static PlainSelect existsSubquery(PlainSelect select) {
        if (select.getFromItem() == null && select.getSelectItems().size() == 1
                && select.getSelectItems().get(0).getExpression() instanceof ExistsExpression exists
                && !exists.isNot() && exists.getRightExpression() instanceof ParenthesedSelect subquery
                && subquery.getPlainSelect() != null) {
            return subquery.getPlainSelect();
        }
        return null;
    }

    private static ShapeAnalysis analyze(PlainSelect select, String shape) {
        List<String> tables = new ArrayList<>();
        addTable(tables, select.getFromItem());
        if (select.getJoins() != null) {
            for (Join join : select.getJoins()) {
                addTable(tables, join.getRightItem());
            }
        }
        List<ShapeAnalysis.KeyPredicate> keys = new ArrayList<>();
        boolean[] flags = new boolean[2]; // [arrayBatch, range]
        readConjuncts(select.getWhere(), keys, flags);
        keys = resolveTables(keys, select, tables);
        boolean range = flags[1] || hasParameterOffset(select);
        boolean arrayBatch = flags[0] || shape.contains("any (?") || shape.contains("any(?");
        return new ShapeAnalysis(true, List.copyOf(tables), List.copyOf(keys), arrayBatch, range);
    }

    /** Points each key column at its table: through the alias that qualifies it, or the only table. */
    private static List<ShapeAnalysis.KeyPredicate> resolveTables(List<ShapeAnalysis.KeyPredicate> keys,
                                                                  PlainSelect select, List<String> tables) {
        java.util.Map<String, String> byReference = new java.util.HashMap<>();
        addReference(byReference, select.getFromItem());
        if (select.getJoins() != null) {
            for (Join join : select.getJoins()) {
                addReference(byReference, join.getRightItem());
            }
        }
        List<ShapeAnalysis.KeyPredicate> resolved = new ArrayList<>(keys.size());
        for (ShapeAnalysis.KeyPredicate key : keys) {
            int dot = key.column().lastIndexOf('.');
            String table = dot < 0 ? (tables.size() == 1 ? tables.get(0) : null)
                    : byReference.get(key.column().substring(0, dot).toLowerCase(java.util.Locale.ROOT));
            resolved.add(new ShapeAnalysis.KeyPredicate(key.column(), key.slot(), table));
        }
        return resolved;
    }

    private static void addReference(java.util.Map<String, String> byReference, FromItem item) {
        if (item instanceof Table table) {
            String name = table.getFullyQualifiedName();
            byReference.put(name.toLowerCase(java.util.Locale.ROOT), name);
            if (table.getAlias() != null) {
                byReference.put(table.getAlias().getName().toLowerCase(java.util.Locale.ROOT), name);
            }
        }
    }

    private static void addTable(List<String> tables, FromItem item) {
        if (item instanceof Table table) {
            tables.add(table.getFullyQualifiedName());
        }
    }

    private static void readConjuncts(Expression where, List<ShapeAnalysis.KeyPredicate> keys, boolean[] flags) {
        if (where == null) {
            return;
        }
        if (where instanceof AndExpression and) {
            readConjuncts(and.getLeftExpression(), keys, flags);
            readConjuncts(and.getRightExpression(), keys, flags);
        } else if (where instanceof net.sf.jsqlparser.expression.Parenthesis p) {
            readConjuncts(p.getExpression(), keys, flags);
        } else if (where instanceof ParenthesedExpressionList<?> list && list.size() == 1) {
            readConjuncts((Expression) list.get(0), keys, flags);
        } else if (where instanceof EqualsTo equals) {
            readEquality(equals, keys, flags);
        } else if (where instanceof InExpression in && !in.isNot()) {
            Expression single = singleParameter(in.getRightExpression());
            if (in.getLeftExpression() instanceof Column column && single != null) {
                keys.add(key(column, single));
            }
        } else if (where instanceof GreaterThan || where instanceof GreaterThanEquals || where instanceof MinorThan
                || where instanceof MinorThanEquals) {
            BinaryExpression comparison = (BinaryExpression) where;
            if (isParameter(comparison.getLeftExpression()) || isParameter(comparison.getRightExpression())) {
                flags[1] = true;
            }
        } else if (where instanceof Between between) {
            if (isParameter(between.getBetweenExpressionStart()) || isParameter(between.getBetweenExpressionEnd())) {
                flags[1] = true;
            }
        }
    }

    private static void readEquality(EqualsTo equals, List<ShapeAnalysis.KeyPredicate> keys, boolean[] flags) {
        Expression left = equals.getLeftExpression();
        Expression right = equals.getRightExpression();
        if (right instanceof AnyComparisonExpression || isAnyFunction(right)) {
            flags[0] = true;
        } else if (left instanceof Column column && isParameter(right)) {
            keys.add(key(column, right));
        } else if (right instanceof Column column && isParameter(left)) {
            keys.add(key(column, left));
        }
    }

    private static boolean isAnyFunction(Expression expression) {
        return expression instanceof Function f && f.getName() != null
                && Set.of("any", "some", "all").contains(f.getName().toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean isParameter(Expression expression) {
        return expression instanceof JdbcParameter || expression instanceof JdbcNamedParameter;
    }

    private static Expression singleParameter(Expression expression) {
        if (expression instanceof ExpressionList<?> list) {
            return list.size() == 1 && isParameter((Expression) list.get(0)) ? (Expression) list.get(0) : null;
        }
        return isParameter(expression) ? expression : null;
    }

    private static ShapeAnalysis.KeyPredicate key(Column column, Expression parameter) {
        Integer index = parameter instanceof JdbcParameter jdbc ? jdbc.getIndex() : null;
        return new ShapeAnalysis.KeyPredicate(columnName(column), index == null ? -1 : index - 1);
    }

    private static boolean hasParameterOffset(PlainSelect select) {
        Offset offset = select.getOffset();
        if (offset != null && isParameter(offset.getOffset())) {
            return true;
        }
        Limit limit = select.getLimit();
        return limit != null && limit.getOffset() != null && isParameter(limit.getOffset());
    }

    static String columnName(Column column) {
        return column.getFullyQualifiedName();
    }

    /** The lexer's reading of a shape JSqlParser rejects: key columns are {@code word = ?} after WHERE. */
    static ShapeAnalysis withLexer(String shape) {
        String[] tokens = shape.split(" ");
        List<ShapeAnalysis.KeyPredicate> keys = new ArrayList<>();
        boolean range = false;
        boolean inWhere = false;
        int slot = 0;
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.equals("where")) {
                inWhere = true;
            } else if (inWhere && i + 2 < tokens.length) {
                String operator = tokens[i + 1];
                String value = tokens[i + 2];
                boolean single = value.startsWith("?") || value.startsWith("(?)");
                if (operator.equals("=") && single) {
                    keys.add(new ShapeAnalysis.KeyPredicate(token, slot + slotsIn(token) + slotsIn(operator)));
                } else if (operator.equals("in") && value.startsWith("(?+)")) {
                    keys.add(new ShapeAnalysis.KeyPredicate(token, slot + slotsIn(token) + slotsIn(operator)));
                } else if (RANGE_OPERATORS.contains(operator) && single) {
                    range = true;
                }
            }
            slot += slotsIn(token);
        }
        range |= shape.contains(" offset ?");
        boolean arrayBatch = shape.contains("any (?") || shape.contains("any(?");
        return new ShapeAnalysis(false, List.of(), List.copyOf(keys), arrayBatch, range);
    }

    private static int slotsIn(String token) {
        int count = 0;
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) == '?') {
                count++;
            }
        }
        return count;
    }
}
