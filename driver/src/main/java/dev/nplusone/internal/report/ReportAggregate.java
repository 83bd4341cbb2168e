package dev.nplusone.internal.report;

import dev.nplusone.internal.ConnectionScopeNames;
import dev.nplusone.internal.scope.ScopeActivity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Closed scopes folded into what the HTML and SARIF reports show, in bounded memory whatever the number of
 * scopes: one row per scope name (past {@link #MAX_SCOPE_ROWS} names, one "other" row), one summary per finding id
 * (past {@link #MAX_FINDINGS}, counted only, unless made {@link #everyFinding()}), and the timeline of the latest scope with findings of each of the first
 * {@link #MAX_TIMELINES} names. Not thread-safe:
 * its owner feeds it from one thread at a time.
 */
public final class ReportAggregate {
    static final int MAX_SCOPE_ROWS = 2_000;
    static final int MAX_FINDINGS = 2_000;
    static final int MAX_TIMELINES = 20;
    static final int MAX_SCOPE_NAMES_PER_FINDING = 20;
    static final String OTHER = "(other scopes)";

    private final Map<String, ScopeRow> rows = new LinkedHashMap<>();
    private final Map<String, FindingSummary> findings = new LinkedHashMap<>();
    /** The latest scope with findings of each name (a warm run rather than the first, cold one), in order of names. */
    private final Map<String, TimelineSample> timelines = new LinkedHashMap<>();
    private final int findingBound;
    private long scopes;
    private long statements;
    private long findingsDropped;
    private long scopesWithFindings;
    private long scopesMissed;

    /** Keeps up to {@link #MAX_FINDINGS} finding summaries (a page a browser can show), counting the rest. */
    public ReportAggregate() {
        this(MAX_FINDINGS);
    }

    private ReportAggregate(int findingBound) {
        this.findingBound = findingBound;
    }

    /**
     * Keeps a summary of every distinct finding id, for the CI gate and the baseline, which must see each one:
     * memory grows with the distinct findings (a few hundred bytes each), never with the scopes.
     */
    public static ReportAggregate everyFinding() {
        return new ReportAggregate(Integer.MAX_VALUE);
    }

    public void add(ClosedScope scope) {
        scopes++;
        statements += scope.statements();
        ScopeRow row = rowFor(scope);
        row.add(scope);
        if (scope.findings().isEmpty()) {
            return;
        }
        scopesWithFindings++;
        for (ReportedFinding finding : scope.findings()) {
            FindingSummary summary = findings.get(finding.id());
            if (summary == null) {
                if (findings.size() >= findingBound) {
                    findingsDropped++;
                    continue;
                }
                summary = new FindingSummary(finding);
                findings.put(finding.id(), summary);
            }
            summary.add(finding, scope);
        }
        if (!scope.activity().timeline().isEmpty()) {
            String name = key(scope);
            if (timelines.containsKey(name)) {
                timelines.put(name, new TimelineSample(scope));
            } else if (timelines.size() < MAX_TIMELINES) {
                timelines.put(name, new TimelineSample(scope));
            }
        }
    }

    /** Counts scopes a producer could not hand over (a full queue): the report says so. */
    public void missed(long count) {
        scopesMissed += count;
    }

    /** Kind and name, with a connection scope's checkout number left out: every checkout of a pool is one row. */
    private static String key(ClosedScope scope) {
        return scope.kind() + '\u0000' + groupedName(scope);
    }

    private static String groupedName(ClosedScope scope) {
        return ConnectionScopeNames.grouped(scope.name(), scope.kind());
    }

    private ScopeRow rowFor(ClosedScope scope) {
        String key = key(scope);
        ScopeRow row = rows.get(key);
        if (row == null) {
            if (rows.size() >= MAX_SCOPE_ROWS) {
                return rows.computeIfAbsent("\u0000other", k -> new ScopeRow(OTHER, "mixed"));
            }
            row = new ScopeRow(groupedName(scope), scope.kind());
            rows.put(key, row);
        }
        return row;
    }

    public long scopes() {
        return scopes;
    }

    public long statements() {
        return statements;
    }

    public long scopesWithFindings() {
        return scopesWithFindings;
    }

    public long findingsDropped() {
        return findingsDropped;
    }

    public long scopesMissed() {
        return scopesMissed;
    }

    /** The rows, most statements per scope first. */
    public List<ScopeRow> rows() {
        List<ScopeRow> sorted = new ArrayList<>(rows.values());
        sorted.sort(Comparator.comparingDouble(ScopeRow::meanStatements).reversed());
        return sorted;
    }

    /** The findings, most time spent in their repeats first. */
    public List<FindingSummary> findings() {
        List<FindingSummary> sorted = new ArrayList<>(findings.values());
        sorted.sort(Comparator.comparingLong(FindingSummary::totalNanos).reversed()
                .thenComparing(Comparator.comparingLong(FindingSummary::totalExecutions).reversed()));
        return sorted;
    }

    public List<TimelineSample> timelines() {
        return List.copyOf(timelines.values());
    }

    /** Scopes with findings whose timeline is not shown (only the latest scope of each name, up to a bound). */
    public long timelinesNotShown() {
        return scopesWithFindings - timelines.size();
    }

    /** All scopes of one name (and kind). */
    public static final class ScopeRow {
        private final String name;
        private final String kind;
        private long count;
        private long statements;
        private int maxStatements;
        private long similar;
        private long duplicates;
        private long sqlNanos;
        private long findings;
        private boolean truncated;

        ScopeRow(String name, String kind) {
            this.name = name;
            this.kind = kind;
        }

        void add(ClosedScope scope) {
            ScopeActivity activity = scope.activity();
            count++;
            statements += scope.statements();
            maxStatements = Math.max(maxStatements, scope.statements());
            similar += activity.similar();
            duplicates += activity.duplicates();
            sqlNanos += activity.sqlNanos();
            findings += scope.findings().size();
            truncated |= scope.truncated();
        }

        public String name() {
            return name;
        }

        public String kind() {
            return kind;
        }

        public long count() {
            return count;
        }

        public double meanStatements() {
            return count == 0 ? 0 : (double) statements / count;
        }

        public int maxStatements() {
            return maxStatements;
        }

        public double meanSimilar() {
            return count == 0 ? 0 : (double) similar / count;
        }

        public double meanDuplicates() {
            return count == 0 ? 0 : (double) duplicates / count;
        }

        public long meanSqlNanos() {
            return count == 0 ? 0 : sqlNanos / count;
        }

        /** Findings over all these scopes (a finding seen in every run of a page counts once per run). */
        public long findings() {
            return findings;
        }

        public boolean truncated() {
            return truncated;
        }
    }

    /** One finding id over every scope it was found in. */
    public static final class FindingSummary {
        private final ReportedFinding first;
        private final Set<String> scopeNames = new LinkedHashSet<>();
        private long scopes;
        private long totalExecutions;
        private int maxExecutions;
        private long totalNanos;
        private long scopeSqlNanos;
        private boolean moreScopeNames;

        FindingSummary(ReportedFinding first) {
            this.first = first;
        }

        void add(ReportedFinding finding, ClosedScope scope) {
            scopes++;
            totalExecutions += finding.executions();
            maxExecutions = Math.max(maxExecutions, finding.executions());
            totalNanos += finding.timeNanos();
            scopeSqlNanos += scope.activity().sqlNanos();
            String name = groupedName(scope);
            if (!scopeNames.contains(name)) {
                if (scopeNames.size() < MAX_SCOPE_NAMES_PER_FINDING) {
                    scopeNames.add(name);
                } else {
                    moreScopeNames = true;
                }
            }
        }

        /** The finding as first seen: its SQL, call site, parent and fix are the same in every scope (same id). */
        public ReportedFinding finding() {
            return first;
        }

        public String id() {
            return first.id();
        }

        public long scopes() {
            return scopes;
        }

        /** Up to {@link #MAX_SCOPE_NAMES_PER_FINDING} names of the scopes (routes, tests) it was found in. */
        public Set<String> scopeNames() {
            return scopeNames;
        }

        /** Whether it was found in scopes of more names than {@link #scopeNames()} lists. */
        public boolean moreScopeNames() {
            return moreScopeNames;
        }

        public long totalExecutions() {
            return totalExecutions;
        }

        public int maxExecutions() {
            return maxExecutions;
        }

        /** Time spent in the repeated statements over all scopes. */
        public long totalNanos() {
            return totalNanos;
        }

        /** The share of the SQL time of the scopes it was found in that the repeats took, 0..1; -1 when unknown. */
        public double shareOfScopeSql() {
            return scopeSqlNanos <= 0 ? -1 : Math.min(1, (double) totalNanos / scopeSqlNanos);
        }
    }

    /** The timeline of one scope with findings, and which of its shapes are the findings' loops. */
    public record TimelineSample(ClosedScope scope) {
    }
}
