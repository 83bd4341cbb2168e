package dev.nplusone.internal.scope;

import dev.nplusone.internal.sql.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The executions of one shape from one call site in one scope: counters, a bounded set of key hashes, and
 * the keys of the first executions with their sequence numbers (what parent linking matches against the
 * values earlier results produced). Guarded by the owning scope's lock, except the row counters, which the
 * ResultSet of the execution updates from the thread reading it.
 */
public final class ShapeGroup {
    /** Key values kept per logged execution: lookups rarely have more key columns than this. */
    public static final int KEY_WIDTH = 4;
    static final int LOGGED_EXECUTIONS = 256;
    static final int MAX_SAMPLES = 5;
    /** Result columns whose reads are told apart; wider results (or bad indexes) get no unused-join verdict. */
    static final int MAX_TRACKED_COLUMNS = 4_096;
    private static final int LOG_STRIDE = 1 + 1 + KEY_WIDTH; // sequence, value count, values
    private static final ResultSource[] NO_SOURCES = new ResultSource[0];

    private final Shape shape;
    private final CallSite callSite;
    private final CallSiteSampling sampling;
    private final KeySet keys;
    private int executions;
    private int walkedExecutions;
    private int lookupExecutions;
    private long nanos;
    private volatile int maxRows;
    private long firstSequence = -1;
    private long[] keyLog = new long[LOG_STRIDE * 4];
    private int loggedExecutions;
    private List<String> samples = List.of();
    private String firstSql;
    /*
     * The scope's sources of this group's result columns, by column index and by label, so that only the
     * group's first ResultSet reads metadata and asks the scope (which builds a key string and takes its
     * lock); later ResultSets find them here. Copy on write, published through volatile fields, because
     * ResultSets read them on their own threads without the scope's lock. A lost race costs one more
     * lookup: a slot only ever holds the scope's one source for that column.
     */
    private volatile ResultSource[] sourcesByIndex = NO_SOURCES;
    private volatile Map<String, ResultSource> sourcesByLabel = Map.of();
    /*
     * Which result columns (1-based bit positions) any ResultSet of this group had read, for unused joins:
     * only the statements whose shape joins a table mark them. Bits are only ever set; a reader that sees a
     * stale word takes the lock and sets the bit again, so a bit once set stays set and the cheap path is one
     * array read and a test. Labels map to their column index once per group, like the sources above.
     */
    private volatile long[] columnsRead = new long[0];
    private volatile Map<String, Integer> columnsByLabel = Map.of();
    private volatile boolean readsUnknown;
    private int resultSets;

    ShapeGroup(Shape shape, CallSite callSite, CallSiteSampling sampling, int maxKeys) {
        this.shape = shape;
        this.callSite = callSite;
        this.sampling = sampling;
        this.keys = new KeySet(maxKeys);
    }

    void record(long sequence, long keyHash, long[] keyValues, int keyCount, boolean batched, String sample,
                KeySet.KeyBudget budget) {
        executions++;
        if (firstSequence < 0) {
            firstSequence = sequence;
        }
        if (batched) {
            return;
        }
        lookupExecutions++;
        keys.add(keyHash, budget);
        if (loggedExecutions < LOGGED_EXECUTIONS && budget.takeLogged()) {
            logKey(sequence, keyValues, keyCount);
        }
        if (sample != null && samples.size() < MAX_SAMPLES) {
            if (samples.isEmpty()) {
                samples = new ArrayList<>(MAX_SAMPLES);
            }
            samples.add(sample);
        }
    }

    private void logKey(long sequence, long[] keyValues, int keyCount) {
        int offset = loggedExecutions * LOG_STRIDE;
        if (offset + LOG_STRIDE > keyLog.length) {
            keyLog = Arrays.copyOf(keyLog, keyLog.length * 2);
        }
        int width = Math.min(keyCount, KEY_WIDTH);
        keyLog[offset] = sequence;
        keyLog[offset + 1] = width;
        System.arraycopy(keyValues, 0, keyLog, offset + 2, width);
        loggedExecutions++;
    }

    /** The last execution counted here had its call site walked (not estimated). */
    void walkedHere() {
        walkedExecutions++;
    }

    /** Keeps the SQL text of the group's first execution: a rewrite keeps its constant literals as written. */
    void rememberSql(String sql) {
        if (firstSql == null) {
            firstSql = sql;
        }
    }

    /** The SQL text of the group's first execution, as the application wrote it. */
    public String firstSql() {
        return firstSql;
    }

    /**
     * Whether the value at {@code position} (text order, as {@link #loggedKey} counts) was the same in every
     * logged execution: a constant of the query rather than a key. Positions past the logged width count as
     * constant (parent linking, too, only finds keys among the first {@link #KEY_WIDTH}).
     */
    public boolean constantAt(int position) {
        if (position >= KEY_WIDTH) {
            return true;
        }
        for (int execution = 1; execution < loggedExecutions; execution++) {
            if (loggedKeyCount(execution) <= position || loggedKeyCount(0) <= position
                    || loggedKey(execution, position) != loggedKey(0, position)) {
                return false;
            }
        }
        return true;
    }

    void addNanos(long elapsed) {
        nanos += elapsed;
        sampling.statementTook(elapsed);
    }

    /** The source of result column {@code index} (1-based) already found for this group, or null. */
    public ResultSource sourceAt(int index) {
        ResultSource[] sources = sourcesByIndex;
        return index >= 0 && index < sources.length ? sources[index] : null;
    }

    /** Keeps the source of result column {@code index} for the group's later ResultSets. */
    public void rememberSource(int index, ResultSource source) {
        ResultSource[] sources = sourcesByIndex;
        ResultSource[] copy = Arrays.copyOf(sources, Math.max(sources.length, index + 1));
        copy[index] = source;
        sourcesByIndex = copy;
    }

    /** The source of the result column read by {@code label} already found for this group, or null. */
    public ResultSource sourceNamed(String label) {
        return sourcesByLabel.get(label);
    }

    /** Keeps the source of the result column read by {@code label} for the group's later ResultSets. */
    public void rememberSource(String label, ResultSource source) {
        Map<String, ResultSource> copy = new HashMap<>(sourcesByLabel);
        copy.put(label, source);
        sourcesByLabel = copy;
    }

    /**
     * Notes that result column {@code index} (1-based) was read from a ResultSet of this group. An index no
     * result has (the application's mistake, which the driver answers with its own exception) leaves the
     * reads unknown rather than sizing the bit set by it.
     */
    public void columnRead(int index) {
        if (index < 1 || index > MAX_TRACKED_COLUMNS) {
            readsUnknown();
            return;
        }
        long[] words = columnsRead;
        int word = index >>> 6;
        if (word >= words.length || (words[word] & (1L << index)) == 0) {
            markColumn(index);
        }
    }

    private synchronized void markColumn(int index) {
        long[] words = columnsRead;
        int word = index >>> 6;
        if (word >= words.length) {
            words = Arrays.copyOf(words, word + 1);
        }
        words[word] |= 1L << index;
        columnsRead = words;
    }

    /** The index of the result column read by {@code label}, once found for this group; -1 otherwise. */
    public int columnNamed(String label) {
        Integer index = columnsByLabel.get(label);
        return index == null ? -1 : index;
    }

    public synchronized void rememberColumn(String label, int index) {
        Map<String, Integer> copy = new HashMap<>(columnsByLabel);
        copy.put(label, index);
        columnsByLabel = copy;
    }

    /**
     * Some read of this group's results went where nplusone could not see which column it was (a driver that
     * could not name a label's column): no verdict on unused columns.
     */
    public void readsUnknown() {
        readsUnknown = true;
    }

    /** A ResultSet of this group was handed to the application. */
    public synchronized void resultSetOpened() {
        resultSets++;
    }

    /** How many ResultSets of this group the application was given. */
    public synchronized int resultSets() {
        return resultSets;
    }

    /** Whether result column {@code index} (1-based) was read from any ResultSet of this group. */
    public synchronized boolean wasColumnRead(int index) {
        long[] words = columnsRead;
        int word = index >>> 6;
        return word < words.length && (words[word] & (1L << index)) != 0;
    }

    /** Whether every read of this group's results was seen with its column. */
    public boolean readsKnown() {
        return !readsUnknown;
    }

    /** Called as the execution's ResultSet advances; {@code rowsSoFar} counts rows of that one result. */
    public void rowRead(int rowsSoFar) {
        if (rowsSoFar > maxRows) {
            maxRows = rowsSoFar;
        }
    }

    public Shape shape() {
        return shape;
    }

    public CallSite callSite() {
        return callSite;
    }

    /** Executions counted at this call site: exact unless {@link #executionsEstimated()}. */
    public int executions() {
        return executions;
    }

    /**
     * Whether {@link #executions()} is an estimate: some executions of the shape were counted at the site of
     * the walk before them, not walked (fast statements, where walking each would cost more than the SQL).
     */
    public boolean executionsEstimated() {
        return sampling.estimated();
    }

    /** Executions whose call site was walked and found here. */
    public int walkedExecutions() {
        return walkedExecutions;
    }

    /** Executions that looked up single keys (not batched through a multi-value IN list or an array). */
    public int lookupExecutions() {
        return lookupExecutions;
    }

    public int distinctKeys() {
        return keys.size();
    }

    public boolean keysSaturated() {
        return keys.saturated();
    }

    public long nanos() {
        return nanos;
    }

    public int maxRows() {
        return maxRows;
    }

    public long firstSequence() {
        return firstSequence;
    }

    public List<String> samples() {
        return samples;
    }

    public int loggedExecutions() {
        return loggedExecutions;
    }

    public long loggedSequence(int execution) {
        return keyLog[execution * LOG_STRIDE];
    }

    public int loggedKeyCount(int execution) {
        return (int) keyLog[execution * LOG_STRIDE + 1];
    }

    public long loggedKey(int execution, int position) {
        return keyLog[execution * LOG_STRIDE + 2 + position];
    }
}
