package dev.nplusone.benchmarks;

import com.p6spy.engine.spy.P6DataSource;
import dev.nplusone.NPlusOne;
import dev.nplusone.Scope;
import dev.nplusone.ScopeReport;
import dev.nplusone.internal.Engine;
import dev.nplusone.internal.Failures;
import dev.nplusone.internal.config.Config;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * The ways a statement reaches H2 in the JDBC benchmarks. Each variant runs in its own JMH fork, so the
 * engine-wide nplusone configuration a variant sets cannot leak into another.
 *
 * <p>nplusone variants switch the human log off ({@code nplusone.log=false}): the short-scope variant would
 * otherwise print a finding every 50 operations. Detection, suggestion-free reporting to listeners and all
 * recording still run.
 */
public enum Variant {
    /** (a) The H2 driver's own DataSource, nothing in between. */
    RAW("a", "raw H2 driver"),
    /** (b) datasource-proxy with a listener that does nothing, its default configuration: the floor of our stack. */
    DATASOURCE_PROXY("b", "datasource-proxy 1.11, no-op listener"),
    /** (b2) As (b), but ResultSets proxied too, as nplusone always does: the floor for reading rows. */
    DATASOURCE_PROXY_RESULT_SETS("b2", "datasource-proxy, no-op listener, ResultSets proxied"),
    /** (c) p6spy's DataSource with its default modules and logging (file appender, single-line format). */
    P6SPY("c", "p6spy 3.9.1, default logging to a file"),
    /** (d) nplusone's wrapper with {@code nplusone.enabled=false}: the only path on which nothing is recorded. */
    NPLUSONE_OFF("d", "nplusone wrapped, nplusone.enabled=false"),
    /**
     * (d2) nplusone enabled, no scope opened by the application: every statement is recorded in its
     * connection's fallback scope (the connection stays open through the whole trial).
     */
    NPLUSONE_CONNECTION_SCOPE("d2", "nplusone on, no explicit scope (connection scope)"),
    /** (e) nplusone enabled inside one explicit scope per measurement iteration: full detection, value capture. */
    NPLUSONE_SCOPE("e", "nplusone on, explicit scope, full detection"),
    /**
     * (e2) As (e), but a new scope every {@link #SHORT_SCOPE} operations, like one scope per request: scope
     * open, close, detection and report (to a listener; no log) are part of the measured cost.
     */
    NPLUSONE_SHORT_SCOPES("e2", "nplusone on, new scope per 50 ops, close included");

    static final int SHORT_SCOPE = 50;

    private final String letter;
    private final String label;

    Variant(String letter, String label) {
        this.letter = letter;
        this.label = label;
    }

    /** The letter of the list: a, b, c, d, e (and b2, d2, e2 for the extra variants). */
    public String letter() {
        return letter;
    }

    public String label() {
        return label;
    }

    boolean nplusone() {
        return this == NPLUSONE_OFF || this == NPLUSONE_CONNECTION_SCOPE || this == NPLUSONE_SCOPE
                || this == NPLUSONE_SHORT_SCOPES;
    }

    /** Opens this variant's DataSource over {@code database} and one connection, kept for the trial. */
    Session open(BenchDatabase database) throws SQLException {
        return new Session(this, dataSource(database.raw()));
    }

    private DataSource dataSource(DataSource raw) {
        switch (this) {
            case RAW:
                return raw;
            case DATASOURCE_PROXY:
                return ProxyDataSourceBuilder.create(raw).name("bench").listener(QueryExecutionListener.DEFAULT).build();
            case DATASOURCE_PROXY_RESULT_SETS:
                return ProxyDataSourceBuilder.create(raw).name("bench").listener(QueryExecutionListener.DEFAULT)
                        .proxyResultSet().build();
            case P6SPY:
                // Read once, when p6spy first loads its options: keep its default file appender, in target/.
                System.setProperty("p6spy.config.logfile", p6spyLog().toString());
                return new P6DataSource(raw);
            default:
                Engine.get().configure(Config.from(
                        Map.of("enabled", String.valueOf(this != NPLUSONE_OFF), "log", "false"),
                        message -> {
                            throw new IllegalStateException(message);
                        }));
                return NPlusOne.wrap(raw, "bench");
        }
    }

    static Path p6spyLog() {
        return BenchDatabase.outputDirectory().resolve("p6spy.log");
    }

    /**
     * One trial of one variant: its connection, and the scopes the variant opens around the operations. Also
     * checks, when it ends, that nplusone recorded what the variant claims (and nothing failed inside it), so
     * a figure can never come from a path that silently did less.
     */
    static final class Session implements AutoCloseable {
        private final Variant variant;
        private final Connection connection;
        private final AtomicLong reportedStatements = new AtomicLong();
        private final Consumer<ScopeReport> counter = report -> reportedStatements.addAndGet(report.statements());
        private Scope scope;
        private int untilNextScope;
        private long p6spyLogged;

        private Session(Variant variant, DataSource dataSource) throws SQLException {
            this.variant = variant;
            if (variant.nplusone()) {
                Failures.reset();
                Engine.get().addListener(counter);
            }
            this.connection = dataSource.getConnection();
        }

        Connection connection() {
            return connection;
        }

        /** Before each measurement (or warm-up) iteration, on the benchmark thread. */
        void startIteration() {
            if (variant == NPLUSONE_SCOPE || variant == NPLUSONE_SHORT_SCOPES) {
                scope = NPlusOne.scope("benchmark " + variant.letter());
                untilNextScope = SHORT_SCOPE;
            }
        }

        /** Before each operation; only the short-scope variant does anything. */
        void beforeOperation() {
            if (variant == NPLUSONE_SHORT_SCOPES && --untilNextScope == 0) {
                scope.close();
                scope = NPlusOne.scope("benchmark " + variant.letter());
                untilNextScope = SHORT_SCOPE;
            }
        }

        /** After each iteration: closes the scope (outside the measured time for (e)) and trims p6spy's log. */
        void endIteration() {
            if (scope != null) {
                scope.close();
                scope = null;
            }
            if (variant == P6SPY) {
                p6spyLogged += trim(p6spyLog());
            }
        }

        @Override
        public void close() throws SQLException {
            endIteration();
            connection.close();
            if (variant.nplusone()) {
                Engine.get().removeListener(counter);
                check(Failures.count() == 0, Failures.count() + " internal nplusone failures");
                boolean recording = variant != NPLUSONE_OFF;
                check(recording == reportedStatements.get() > 0,
                        reportedStatements.get() + " statements recorded in scopes");
            }
            if (variant == P6SPY) {
                check(p6spyLogged > 0, "p6spy wrote no log at " + p6spyLog());
            }
        }

        /** Statements reported by closed scopes so far (nplusone variants). */
        long reportedStatements() {
            return reportedStatements.get();
        }

        private void check(boolean condition, String what) {
            if (!condition) {
                throw new IllegalStateException("variant " + variant + " did not measure what it claims: " + what);
            }
        }

        /** Empties p6spy's log, returning how many bytes it held; keeps the disk flat over a long run. */
        private static long trim(Path file) {
            if (!Files.exists(file)) {
                return 0;
            }
            // p6spy's stream appends (O_APPEND), so the next line goes to the new end: truncating under it is safe.
            try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "rw")) {
                long length = log.length();
                log.setLength(0);
                return length;
            } catch (IOException e) {
                throw new IllegalStateException("cannot trim " + file, e);
            }
        }
    }
}
