package dev.nplusone;

import java.util.List;

/**
 * One problem found in a scope: a statement shape repeated from one call site, with the evidence and, when
 * nplusone can prove it, where the keys came from and the rewrite that removes the loop.
 *
 * @param id           stable across runs: a hash of the parent shape, the child shape and the call site
 * @param kind         what was repeated: see {@link Kind}
 * @param confidence   how sure the verdict is; see {@link Confidence}
 * @param executions   how many times the shape ran from the call site in the scope (for an unused join: how many
 *                     of its ResultSets the application was given)
 * @param distinctKeys how many different key tuples those executions used (for a write loop: different rows)
 * @param maxRows      the most rows one execution returned (1 or less: a to-one lookup); for a write, the most rows
 *                     one execution changed
 * @param sql          the repeated statement's fingerprint
 * @param callSite     the first application frame, for example {@code com.acme.PostService.render(PostService.java:57)}
 * @param parent       the statement whose results supplied the keys, or {@code null}
 * @param suggestion   the rewrite that removes the loop, or {@code null}
 * @param timeNanos    time spent in the repeated executions
 * @param sampleValues a few bound key values, only when {@code nplusone.captureValues=true}; otherwise empty
 * @param executionsEstimated whether {@code executions} is an estimate: on fast (in-memory) databases not every
 *                     execution's call site is walked, and those not walked count at the site walked before them.
 *                     The shape's total over all call sites is exact either way
 * @param walkedExecutions how many of {@code executions} had their call site walked and found here (all of them
 *                     unless {@code executionsEstimated})
 */
public record Finding(String id, Kind kind, Confidence confidence, int executions, int distinctKeys, int maxRows,
                      String sql, String callSite, Parent parent, Suggestion suggestion, long timeNanos,
                      List<String> sampleValues, boolean executionsEstimated, int walkedExecutions) {

    public Finding {
        sampleValues = List.copyOf(sampleValues);
    }

    /** A finding whose executions were all walked to their call site: its count is exact. */
    public Finding(String id, Kind kind, Confidence confidence, int executions, int distinctKeys, int maxRows,
                   String sql, String callSite, Parent parent, Suggestion suggestion, long timeNanos,
                   List<String> sampleValues) {
        this(id, kind, confidence, executions, distinctKeys, maxRows, sql, callSite, parent, suggestion, timeNanos,
                sampleValues, false, executions);
    }

    public enum Kind {
        /** A lookup by key repeated in a loop with different keys. */
        N_PLUS_ONE,
        /** The same statement with the same key repeated: cache or hoist it. */
        DUPLICATE,
        /** One INSERT, UPDATE or DELETE per row, repeated in a loop without JDBC batching. */
        WRITE_LOOP,
        /** A joined table none of whose columns the application read: the join only costs. */
        UNUSED_JOIN
    }

    public enum Confidence {
        /** The keys were read from an earlier statement's results: the loop is proven. */
        CONFIRMED,
        /** A multi-row statement preceded the loop, but its values did not match the keys. */
        LIKELY,
        /** Nothing in the scope explains where the keys came from. */
        UNPARENTED
    }

    /**
     * The statement whose results produced the loop's keys.
     *
     * @param sql    its fingerprint
     * @param column the result column the keys were read from
     * @param rows   how many rows it returned
     */
    public record Parent(String sql, String column, int rows) {
    }

    /** How to remove the loop. */
    public enum Strategy {
        /** Join the child table into the parent's statement (to-one relations). */
        JOIN,
        /** Load all the keys in one {@code IN (...)} statement (to-many relations, or no parent). */
        BATCH_IN,
        /** An aggregate per key ({@code count}, {@code exists}, {@code sum} ...) as one grouped IN statement. */
        GROUP_BY,
        /** The loop's writes through {@code addBatch}/{@code executeBatch}, or the ORM's batching. */
        JDBC_BATCH,
        /** One {@code INSERT ... VALUES (...), (...)} for the loop's rows. */
        MULTI_ROW_INSERT,
        /** One {@code UPDATE}/{@code DELETE ... WHERE key IN (...)}: every execution set the same values. */
        WHERE_IN,
        /** The statement without the join nobody read. */
        DROP_JOIN
    }

    /**
     * One {@code ?} of a rewritten statement, in text order: what the application binds there.
     *
     * @param source where the value comes from
     * @param index  which bound value of that statement (1-based, as {@code setObject} counts); 0 for the keys;
     *               for {@link Source#STATEMENT}, which value of the statement in text order (its literals and
     *               bound parameters counted together, 1-based, an IN list of values counting once)
     */
    public record Parameter(Source source, int index) {
        public enum Source {
            /** The loop's keys: the key list of a BATCH_IN rewrite, one value per key. */
            KEYS,
            /** A value the root statement of a chain was run with. */
            ROOT,
            /** A value the parent statement was run with. */
            PARENT,
            /** A value the loop bound the same in every execution (a constant filter, not a key). */
            LOOP,
            /** One row's value of a write loop, at this position of the row: a MULTI_ROW_INSERT's rows. */
            ROWS,
            /**
             * The value each execution of the statement itself ran with at this position, varying from one to the
             * next: a DROP_JOIN's rewrite is the same statement, bound with what each execution bound or wrote.
             */
            STATEMENT
        }

        @Override
        public String toString() {
            return source == Source.KEYS ? "the keys" : switch (source) {
                case ROOT -> "the root statement's";
                case PARENT -> "the parent's";
                case ROWS -> "each row's";
                case STATEMENT -> "each execution's own";
                default -> "the loop's (the same every time)";
            } + " parameter " + index;
        }
    }

    /**
     * The rewrite and what it saves.
     *
     * @param strategy      how the loop goes away; see {@link Strategy}
     * @param sql           the rewritten statement, runnable on the same database; {@code null} when no rewrite
     *                      could be proven right, with {@code reason} saying why ("no rewrite: ...")
     * @param queriesBefore statements the loop and its parent take now
     * @param queriesAfter  statements the rewrite takes
     * @param reason        why this strategy
     * @param frameworkHint the idiomatic fix in the ORM seen on the call stack, or {@code null}
     * @param chain         when the loop's parent is itself a loop of to-one lookups (employee -> city ->
     *                      country): both levels joined into the root statement, or {@code null}
     * @param parameters    what to bind at each {@code ?} of {@code sql}, in order (the keys' list counts once)
     */
    public record Suggestion(Strategy strategy, String sql, int queriesBefore, int queriesAfter, String reason,
                             String frameworkHint, Chain chain, List<Parameter> parameters) {

        public Suggestion {
            parameters = parameters == null ? List.of() : List.copyOf(parameters);
        }

        public Suggestion(Strategy strategy, String sql, int queriesBefore, int queriesAfter, String reason,
                          String frameworkHint, Chain chain) {
            this(strategy, sql, queriesBefore, queriesAfter, reason, frameworkHint, chain, List.of());
        }

        public Suggestion(Strategy strategy, String sql, int queriesBefore, int queriesAfter, String reason,
                          String frameworkHint) {
            this(strategy, sql, queriesBefore, queriesAfter, reason, frameworkHint, null);
        }

        /** How a BATCH_IN suggestion writes its key list: bind one value per key there. */
        public static final String KEY_LIST = "(?, ?, ...)";

        /** How a MULTI_ROW_INSERT suggestion ends: its row, then this; repeat the row once per row. */
        public static final String MORE_ROWS = ", ...";

        /**
         * The SQL with its key list written out for {@code keys} values (a MULTI_ROW_INSERT: its row written out
         * {@code keys} times), ready to prepare.
         */
        public String sqlFor(int keys) {
            if (sql == null) {
                return null;
            }
            if (strategy == Strategy.MULTI_ROW_INSERT && sql.endsWith(MORE_ROWS)) {
                // written as "... values ROW, ROW, ...": keep the head and one ROW, then repeat it
                String twoRows = sql.substring(sql.lastIndexOf(" values ") + " values ".length(),
                        sql.length() - MORE_ROWS.length());
                String row = twoRows.substring(0, (twoRows.length() - 2) / 2);
                StringBuilder rows = new StringBuilder(sql.substring(0, sql.lastIndexOf(" values ") + " values ".length()))
                        .append(row);
                for (int i = 1; i < keys; i++) {
                    rows.append(", ").append(row);
                }
                return rows.toString();
            }
            StringBuilder list = new StringBuilder("(");
            for (int i = 0; i < keys; i++) {
                list.append(i == 0 ? "?" : ", ?");
            }
            return sql.replace(KEY_LIST, list.append(')').toString());
        }
    }

    /**
     * Two levels of to-one loops cured together: the root statement with both lookups joined in.
     *
     * @param sql           the combined statement, runnable on the same database
     * @param queriesBefore statements the root, the parent loop and this loop take now
     * @param queriesAfter  statements the combined statement takes
     * @param parameters    what to bind at each {@code ?} of {@code sql}, in order
     */
    public record Chain(String sql, int queriesBefore, int queriesAfter, List<Parameter> parameters) {
        public Chain {
            parameters = parameters == null ? List.of() : List.copyOf(parameters);
        }

        public Chain(String sql, int queriesBefore, int queriesAfter) {
            this(sql, queriesBefore, queriesAfter, List.of());
        }
    }
}
