package dev.nplusone.scenarios.generated;

import dev.nplusone.Finding;
import dev.nplusone.internal.sql.SqlNormalizer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Judges one scenario's report against what its loop read: every loop that is an N+1 by the design's rules is
 * found with its parent, gets the strategy the design asks for, and its rewrite parses, runs on the same
 * database and returns the loop's rows (as a multiset; matched back by the key column for IN). Negative cases
 * give no N+1. Throws {@link AssertionError} with the reason; the caller adds the scenario's SQL.
 */
final class SuggestionCheck {
    private static final Set<String> PARSED = new HashSet<>();

    /** What one check saw, for the run's figures. */
    static final class Figures {
        int findings;
        int suggestions;
        int proven;
        int chains;
        final Map<String, Integer> strategies = new TreeMap<>();
    }

    private final Scenario scenario;
    private final LoopRun.Trace trace;
    private final Connection raw;
    private final Figures figures;

    SuggestionCheck(Scenario scenario, LoopRun.Trace trace, Connection raw, Figures figures) {
        this.scenario = scenario;
        this.trace = trace;
        this.raw = raw;
        this.figures = figures;
    }

    void check() throws SQLException {
        List<Finding> nPlusOnes = trace.report().findings(Finding.Kind.N_PLUS_ONE);
        if (scenario.negative() != Scenario.Negative.NONE) {
            expect(nPlusOnes.isEmpty(), "a negative case gave an N+1: " + nPlusOnes);
            return;
        }
        for (int level = 0; level < scenario.levels().size(); level++) {
            checkLevel(level, nPlusOnes);
        }
    }

    private void checkLevel(int level, List<Finding> nPlusOnes) throws SQLException {
        List<LoopRun.Visit> visits = trace.levels().get(level);
        String shape = fingerprint(scenario.levels().get(level).child().text());
        Finding finding = nPlusOnes.stream().filter(f -> f.sql().equals(shape)).findFirst().orElse(null);
        Map<String, LoopRun.Visit> byKey = new LinkedHashMap<>();
        for (LoopRun.Visit visit : visits) {
            byKey.putIfAbsent(normal(visit.key()), visit);
        }
        if (visits.size() < 3 || byKey.size() < 2) {
            expect(finding == null, "level " + level + " ran " + visits.size() + " times with " + byKey.size()
                    + " keys, yet is an N+1: " + finding);
            return;
        }
        expect(finding != null, "level " + level + " (" + visits.size() + " lookups, " + byKey.size()
                + " keys) not found; findings: " + nPlusOnes);
        figures.findings++;
        String parentShape = level == 0 ? fingerprint(scenario.parent().text())
                : fingerprint(scenario.levels().get(level - 1).child().text());
        expect(finding.confidence() == Finding.Confidence.CONFIRMED && finding.parent() != null
                && finding.parent().sql().equals(parentShape), "level " + level + " parent wrong: " + finding);
        Finding.Suggestion suggestion = finding.suggestion();
        expect(suggestion != null, "level " + level + " has no suggestion");
        expect(suggestion.sql() != null, "level " + level + ": " + suggestion.reason());
        figures.suggestions++;
        figures.strategies.merge(suggestion.strategy().name(), 1, Integer::sum);
        boolean toOne = visits.stream().allMatch(v -> v.rows().size() <= 1);
        boolean shared = level == 0 && trace.parentRows().size() / byKey.size() >= 4;
        Finding.Strategy expected = toOne && level == 0 && !shared ? Finding.Strategy.JOIN : Finding.Strategy.BATCH_IN;
        expect(suggestion.strategy() == expected, "level " + level + " strategy " + suggestion.strategy()
                + ", expected " + expected + ": " + suggestion.reason() + "\n  sql: " + suggestion.sql());
        parses(suggestion.sqlFor(3));
        if (expected == Finding.Strategy.JOIN) {
            List<List<String>> joined = new ArrayList<>();
            for (LoopRun.Row row : trace.parentRows()) {
                joined.add(joinedRow(row, level, childWidth(level)));
            }
            sameRows(run(suggestion.sql(), suggestion.parameters(), List.of(), level), joined, "JOIN of level " + level,
                    suggestion.sql());
        } else {
            checkBatch(level, byKey, suggestion);
        }
        figures.proven++;
        checkChain(level, suggestion);
    }

    private void checkBatch(int level, Map<String, LoopRun.Visit> byKey, Finding.Suggestion suggestion) throws SQLException {
        List<Object> keys = byKey.values().stream().map(LoopRun.Visit::key).toList();
        String sql = suggestion.sqlFor(keys.size());
        List<LoopRun.Row> rows = LoopRun.query(raw, sql, binds(suggestion.parameters(), keys, level));
        int width = childWidth(level);
        Map<String, List<List<String>>> actual = new HashMap<>();
        for (LoopRun.Row row : rows) {
            int keyAt = row.values().size() == width + 1 ? 0
                    : row.labels().indexOf(scenario.levels().get(level).keyColumn().toLowerCase());
            expect(keyAt >= 0, "IN result has no key column " + scenario.levels().get(level).keyColumn() + ": "
                    + row.labels() + "\n  sql: " + sql);
            List<Object> values = row.values().size() == width + 1 ? row.values().subList(1, width + 1) : row.values();
            actual.computeIfAbsent(normal(row.values().get(keyAt)), k -> new ArrayList<>()).add(normal(values));
        }
        for (Map.Entry<String, LoopRun.Visit> key : byKey.entrySet()) {
            List<List<String>> expected = key.getValue().rows().stream().map(r -> normal(r.values())).toList();
            sameRows(actual.getOrDefault(key.getKey(), List.of()), expected, "IN rows of key " + key.getKey(), sql);
        }
        expect(actual.keySet().stream().allMatch(byKey::containsKey), "IN returned keys the loop did not ask for: "
                + actual.keySet() + "\n  sql: " + sql);
    }

    /** A chain's combined JOIN (root, then both levels) must return the root's rows with both lookups' rows. */
    private void checkChain(int level, Finding.Suggestion suggestion) throws SQLException {
        Finding.Chain chain = suggestion.chain();
        if (level != 1) {
            expect(chain == null, "a chain over a looped root: " + (chain == null ? "" : chain.sql()));
            return;
        }
        boolean toOne = trace.levels().get(0).stream().allMatch(v -> v.rows().size() <= 1)
                && trace.levels().get(1).stream().allMatch(v -> v.rows().size() <= 1);
        if (!toOne) {
            expect(chain == null, "a chain JOIN over a to-many level: " + (chain == null ? "" : chain.sql()));
            return;
        }
        expect(chain != null, "a chain of to-one lookups without its combined JOIN");
        figures.chains++;
        parses(chain.sql());
        int first = childWidth(0);
        int second = childWidth(1);
        List<List<String>> expected = new ArrayList<>();
        for (LoopRun.Row row : trace.parentRows()) {
            List<String> joined = joinedRow(row, 0, first);
            LoopRun.Row child = rowFor(0, row);
            List<String> tail = child == null ? nulls(second) : joinedRow(child, 1, second).subList(child.values().size(),
                    child.values().size() + second);
            joined.addAll(tail);
            expected.add(joined);
        }
        sameRows(run(chain.sql(), chain.parameters(), List.of(), 1), expected, "chain JOIN", chain.sql());
    }

    private List<String> joinedRow(LoopRun.Row row, int level, int childWidth) {
        List<String> joined = new ArrayList<>(normal(row.values()));
        LoopRun.Row child = rowFor(level, row);
        joined.addAll(child == null ? nulls(childWidth) : normal(child.values()));
        return joined;
    }

    private LoopRun.Row rowFor(int level, LoopRun.Row parent) {
        for (LoopRun.Visit visit : trace.levels().get(level)) {
            if (visit.parentRow() == parent) {
                return visit.rows().isEmpty() ? null : visit.rows().get(0);
            }
        }
        return null;
    }

    private int childWidth(int level) {
        return trace.levels().get(level).get(0).width();
    }

    private List<List<String>> run(String sql, List<Finding.Parameter> parameters, List<Object> keys, int level)
            throws SQLException {
        return LoopRun.query(raw, sql, binds(parameters, keys, level)).stream().map(r -> normal(r.values())).toList();
    }

    /** The values to bind, as the suggestion's parameters say. */
    private List<Object> binds(List<Finding.Parameter> parameters, List<Object> keys, int level) {
        List<Object> binds = new ArrayList<>();
        for (Finding.Parameter parameter : parameters) {
            switch (parameter.source()) {
                case KEYS -> binds.addAll(keys);
                case ROOT -> binds.add(scenario.parent().binds().get(parameter.index() - 1));
                case PARENT -> binds.add(level == 0 ? scenario.parent().binds().get(parameter.index() - 1)
                        : trace.levels().get(level - 1).get(0).binds().get(parameter.index() - 1));
                case LOOP -> binds.add(trace.levels().get(level).get(0).binds().get(parameter.index() - 1));
            }
        }
        return binds;
    }

    private static void sameRows(List<List<String>> actual, List<List<String>> expected, String what, String sql) {
        Map<List<String>, Integer> counts = new HashMap<>();
        expected.forEach(row -> counts.merge(row, 1, Integer::sum));
        actual.forEach(row -> counts.merge(row, -1, Integer::sum));
        counts.values().removeIf(count -> count == 0);
        expect(counts.isEmpty(), what + " differs from the loop's rows (+ missing, - extra): " + counts
                + "\n  sql: " + sql);
    }

    private static void parses(String sql) {
        synchronized (PARSED) {
            if (PARSED.contains(sql)) {
                return;
            }
        }
        try {
            dev.nplusone.internal.sql.SqlParsing.requireParses(sql);
        } catch (Exception e) {
            throw new AssertionError("rewrite does not parse back: " + sql + "\n  " + e.getMessage().lines().findFirst().orElse(""));
        }
        synchronized (PARSED) {
            PARSED.add(sql);
        }
    }

    static String fingerprint(String template) {
        return SqlNormalizer.normalize(template.replace(Scenario.Template.KEY, "?")).shape();
    }

    private static List<String> nulls(int width) {
        List<String> nulls = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            nulls.add(normal((Object) null));
        }
        return nulls;
    }

    private static List<String> normal(List<Object> values) {
        List<String> normal = new ArrayList<>();
        for (Object value : values) {
            normal.add(normal(value));
        }
        return normal;
    }

    static String normal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    private static void expect(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
