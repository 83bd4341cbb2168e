package dev.nplusone.internal.suggest;

import dev.nplusone.Finding;
import dev.nplusone.StatementType;
import dev.nplusone.internal.scope.Framework;
import dev.nplusone.internal.scope.ShapeGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cures of a write loop, by case:
 * <ul>
 *   <li>under Hibernate or Spring Data: the ORM's own batching ({@code JDBC_BATCH} with the settings);</li>
 *   <li>an INSERT of one VALUES row of plain values: one multi-row INSERT ({@code MULTI_ROW_INSERT}), or JDBC
 *       batching (a row that computes or casts its values keeps its statement and is batched);</li>
 *   <li>an UPDATE or DELETE whose only varying value is one key ({@code col = ?}), each key once: one
 *       statement {@code WHERE col IN (...)} ({@code WHERE_IN});</li>
 *   <li>otherwise {@code addBatch}/{@code executeBatch} ({@code JDBC_BATCH}).</li>
 * </ul>
 */
final class WriteCures {
    /** Rows of one multi-row INSERT, and bound values per statement (PostgreSQL's protocol allows 32,767). */
    static final int ROWS_PER_INSERT = 1_000;
    static final int VALUES_PER_STATEMENT = 30_000;
    /** Statements per executeBatch when the whole loop is batched at once. */
    static final int BATCH = 1_000;
    /** The batch size the ORM hint proposes. */
    static final int ORM_BATCH = 50;

    private static final Pattern SINGLE_ROW_INSERT =
            Pattern.compile("insert into [^()]+(?:\\s?\\([^()]*\\))? values (\\(\\?(?:, \\?)*\\))");
    private static final String DRIVER_FLAGS = "with reWriteBatchedInserts=true on the PostgreSQL URL or"
            + " rewriteBatchedStatements=true on MariaDB/MySQL the batch travels as one statement";

    private WriteCures() {
    }

    static Finding.Suggestion suggest(ShapeGroup group) {
        int executions = group.lookupExecutions();
        String shape = group.shape().sql();
        int frameworks = group.callSite().frameworks();
        if (Framework.HIBERNATE.in(frameworks) || Framework.SPRING_DATA.in(frameworks)) {
            return new Finding.Suggestion(Finding.Strategy.JDBC_BATCH, shape, executions,
                    chunks(executions, ORM_BATCH), "the ORM writes one row per statement: let it batch them ("
                            + ORM_BATCH + " rows per executeBatch)", ormHint(group.shape().kind()));
        }
        if (group.shape().kind() == StatementType.INSERT) {
            Matcher insert = SINGLE_ROW_INSERT.matcher(shape);
            if (insert.matches()) {
                return multiRowInsert(shape, insert.group(1), executions);
            }
        } else if (group.shape().kind() != StatementType.MERGE) {
            Finding.Suggestion whereIn = whereIn(group, executions);
            if (whereIn != null) {
                return whereIn;
            }
        }
        return new Finding.Suggestion(Finding.Strategy.JDBC_BATCH, shape, executions, chunks(executions, BATCH),
                "prepare it once, addBatch() per row and executeBatch() once"
                        + (group.shape().kind() == StatementType.INSERT ? "; " + DRIVER_FLAGS : ""), null);
    }

    private static Finding.Suggestion multiRowInsert(String shape, String row, int executions) {
        int values = Math.max(1, count(row, '?'));
        int rowsPerStatement = Math.max(1, Math.min(ROWS_PER_INSERT, VALUES_PER_STATEMENT / values));
        List<Finding.Parameter> parameters = new ArrayList<>(values);
        for (int i = 1; i <= values; i++) {
            parameters.add(new Finding.Parameter(Finding.Parameter.Source.ROWS, i));
        }
        String sql = shape + ", " + row + Finding.Suggestion.MORE_ROWS;
        String chunked = executions > rowsPerStatement ? " (" + rowsPerStatement + " rows per statement)" : "";
        return new Finding.Suggestion(Finding.Strategy.MULTI_ROW_INSERT, sql, executions,
                chunks(executions, rowsPerStatement), "one INSERT for all " + executions + " rows" + chunked
                        + ", binding each row's values in turn; or keep the statement, addBatch() per row and"
                        + " executeBatch() once: " + DRIVER_FLAGS, null, null, parameters);
    }

    /** One UPDATE/DELETE for every key, when the key is the only value that changes and no key repeats. */
    private static Finding.Suggestion whereIn(ShapeGroup group, int executions) {
        if (group.loggedExecutions() < 2 || group.keysSaturated() || group.distinctKeys() != executions) {
            return null;
        }
        int width = group.loggedKeyCount(0);
        if (width > ShapeGroup.KEY_WIDTH) {
            return null; // values past the logged width cannot be shown to be the same every time
        }
        int varying = -1;
        for (int position = 0; position < width; position++) {
            if (!group.constantAt(position)) {
                if (varying >= 0) {
                    return null;
                }
                varying = position;
            }
        }
        if (varying < 0) {
            return null;
        }
        StatementTemplate template = StatementTemplate.of(group, Finding.Parameter.Source.LOOP, varying);
        if (template.problem() != null) {
            return null;
        }
        Rewriter.Rewrite rewrite = WriteRewrites.whereIn(template.sql());
        if (rewrite.sql() == null) {
            return null;
        }
        int keys = Math.max(1, group.distinctKeys());
        String chunked = keys > Suggester.CHUNK ? "; chunk the keys " + Suggester.CHUNK + " per statement" : "";
        return new Finding.Suggestion(Finding.Strategy.WHERE_IN, rewrite.sql(), executions,
                chunks(keys, Suggester.CHUNK), "every execution set the same values and only the key changed: one "
                        + group.shape().kind().name() + " for all " + keys + " keys" + chunked
                        + Suggester.binding(rewrite.parameters()), null, null, rewrite.parameters());
    }

    private static String ormHint(StatementType type) {
        String order = type == StatementType.INSERT ? "hibernate.order_inserts=true"
                : type == StatementType.UPDATE ? "hibernate.order_updates=true" : "hibernate.order_inserts=true";
        return "Hibernate/JPA: set hibernate.jdbc.batch_size=" + ORM_BATCH + " and " + order
                + " (Spring Boot: spring.jpa.properties.hibernate.*); entities whose ids are GenerationType.IDENTITY"
                + " are never insert-batched: use a SEQUENCE (with an allocationSize) for them";
    }

    private static int chunks(int rows, int perStatement) {
        return Math.max(1, (rows + perStatement - 1) / perStatement);
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
