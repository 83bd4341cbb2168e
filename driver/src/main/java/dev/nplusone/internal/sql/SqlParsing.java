package dev.nplusone.internal.sql;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;

/**
 * Every JSqlParser parse goes through here: on one shared daemon thread with a timeout, because the parser
 * can take long on pathological SQL and {@code CCJSqlParserUtil.parse(String)} would start a thread per call.
 * Only ever called for a shape's analysis or a finding's rewrite, never per execution.
 */
public final class SqlParsing {
    private static final ExecutorService PARSER = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "nplusone-sql-parser");
        thread.setDaemon(true);
        // Not the context class loader of the first thread to parse (a web application's): the thread outlives it.
        thread.setContextClassLoader(SqlParsing.class.getClassLoader());
        return thread;
    });
    static final long PARSE_TIMEOUT_MILLIS = 2_000;

    static {
        ParserLogs.keepPrivateCopyQuiet();
    }

    private SqlParsing() {
    }

    /** Parses a fingerprint; its {@code in (?+)} lists are read as one parameter. */
    public static Statement parseShape(String shape) throws Exception {
        // JSqlParser may parse twice (simple, then complex mode), each time with the timeout it is given: one
        // deadline for both keeps the caller's wait within the timeout in all.
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PARSE_TIMEOUT_MILLIS);
        return CCJSqlParserUtil.parse(parseable(shape), PARSER, parser -> parser.withTimeOut(millisUntil(deadline)));
    }

    /**
     * Throws when a fingerprint does not parse. For code outside the driver jar (the scenario checks), which must
     * not name JSqlParser's types: the jar carries them relocated.
     */
    public static void requireParses(String shape) throws Exception {
        parseShape(shape);
    }

    private static long millisUntil(long deadline) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    static String parseable(String shape) {
        return shape.replace("(?+)", "(?)");
    }
}
