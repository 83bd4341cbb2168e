package dev.nplusone;

import java.util.List;

/**
 * Everything nplusone concluded about one closed scope.
 *
 * @param name       the scope's name, for example {@code GET /posts} or a test's display name
 * @param kind       where the scope came from: {@code explicit}, {@code test}, {@code http} or {@code connection}
 * @param statements statements executed in the scope
 * @param findings   the N+1 and duplicate findings, most executions first
 * @param shapes     per-shape counts, in order of first execution
 * @param truncated  true when the scope ran more distinct shapes or keys than nplusone tracks per scope;
 *                   counts past the bound are lower limits
 */
public record ScopeReport(String name, String kind, int statements, List<Finding> findings, List<ShapeStats> shapes,
                          boolean truncated) {

    public ScopeReport {
        findings = List.copyOf(findings);
        shapes = List.copyOf(shapes);
    }

    public List<Finding> findings(Finding.Kind kind) {
        return findings.stream().filter(f -> f.kind() == kind).toList();
    }

    /** Executions of statements of one type, for select/insert/update/delete count assertions. */
    public int count(StatementType type) {
        return shapes.stream().filter(s -> s.type() == type).mapToInt(ShapeStats::executions).sum();
    }
}
