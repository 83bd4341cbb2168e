package dev.nplusone.junit;

import dev.nplusone.Finding;
import dev.nplusone.NPlusOne;
import dev.nplusone.ScopeReport;
import dev.nplusone.ShapeStats;
import dev.nplusone.StatementType;
import dev.nplusone.internal.report.HumanReport;
import dev.nplusone.internal.report.KindWords;
import java.util.List;
import java.util.Locale;

/**
 * The failure messages, in AssertJ's order: what was expected, what happened, the evidence, the fix. The
 * findings themselves are printed by the engine's human report, so a failing test reads like the log.
 */
final class Messages {
    private static final String INDENT = "  ";
    /** The three ways in, named wherever nplusone saw no statement: without one of them it sees nothing. */
    static final String WAYS_TO_WATCH = "watch the DataSource the code uses with NPlusOne.wrap(dataSource), a"
            + " jdbc:nplusone: URL (jdbc:nplusone:h2:mem:test for jdbc:h2:mem:test), the agent"
            + " (-javaagent:nplusone-agent.jar) or the Spring Boot starter (nplusone-spring-boot-starter)";
    private static final String SWITCHED_OFF = "nplusone is switched off (nplusone.enabled=false, or after an"
            + " internal failure; see the log)";

    private Messages() {
    }

    static String nPlusOneFound(ScopeReport report, List<Finding> failing, int allowed, int threshold,
                                boolean annotated) {
        StringBuilder out = new StringBuilder("Expecting no ").append(kinds(failing)).append(", but ")
                .append(failing.size()).append(failing.size() == 1 ? " was found" : " were found");
        if (allowed > 0) {
            out.append(" (and ").append(allowed).append(" allowed by @AllowNPlusOne)");
        }
        out.append(":\n");
        appendFindings(out, report, failing);
        out.append(report.statements()).append(plural(report.statements(), " statement", " statements"))
                .append(" in scope '").append(report.name()).append("'; ").append(definitions(failing, threshold))
                .append(truncated(report)).append('.');
        if (annotated) {
            out.append("\nIf the loop is intended, say why on the test: @AllowNPlusOne(sql = \"")
                    .append(failing.get(0).sql()).append("\", reason = \"...\")");
        }
        return out.toString();
    }

    /** What makes a finding of each failing kind, at {@code threshold}. */
    static String definitions(List<Finding> failing, int threshold) {
        java.util.Set<Finding.Kind> kinds = java.util.EnumSet.noneOf(Finding.Kind.class);
        failing.forEach(finding -> kinds.add(finding.kind()));
        List<String> definitions = new java.util.ArrayList<>();
        for (Finding.Kind kind : kinds) {
            definitions.add(switch (kind) {
                case N_PLUS_ONE, DUPLICATE -> "a finding is a lookup by key run at least " + threshold
                        + " times from one call site";
                case WRITE_LOOP -> "a write loop is a one-row INSERT, UPDATE or DELETE run at least " + threshold
                        + " times from one call site, not batched";
                case UNUSED_JOIN -> "an unused join is a joined table none of whose columns were read in at least "
                        + threshold + " results";
            });
        }
        return String.join("; ", new java.util.LinkedHashSet<>(definitions));
    }

    /** What the failing findings are, in the headline's words: "N+1 queries", "N+1 queries or write loops". */
    static String kinds(List<Finding> failing) {
        java.util.Set<Finding.Kind> kinds = java.util.EnumSet.noneOf(Finding.Kind.class);
        failing.forEach(finding -> kinds.add(finding.kind()));
        List<String> names = new java.util.ArrayList<>();
        for (Finding.Kind kind : kinds) {
            names.add(KindWords.plural(kind));
        }
        return String.join(" or ", names);
    }

    static String staleAllowances(List<Allowance> stale, ScopeReport report) {
        StringBuilder out = new StringBuilder("Expecting every @AllowNPlusOne to match an N+1 finding, but ")
                .append(stale.size()).append(" matched nothing")
                .append(" (remove it, or correct its pattern):\n");
        for (Allowance allowance : stale) {
            out.append(INDENT).append(allowance).append('\n');
        }
        List<Finding> findings = report.findings(Finding.Kind.N_PLUS_ONE);
        if (findings.isEmpty()) {
            out.append("N+1 findings in scope '").append(report.name()).append("': none");
        } else {
            out.append("N+1 findings in scope '").append(report.name()).append("':");
            for (Finding finding : findings) {
                out.append('\n').append(INDENT).append(finding.sql()).append("   at ").append(finding.callSite());
            }
        }
        return out.toString();
    }

    static String staleClassAllowances(List<Allowance> stale, Class<?> type) {
        StringBuilder out = new StringBuilder("nplusone: ").append(stale.size())
                .append(stale.size() == 1 ? " @AllowNPlusOne" : " @AllowNPlusOne entries").append(" of ")
                .append(type.getSimpleName()).append(" matched no finding in any of its tests (remove it, or correct its"
                        + " pattern):");
        for (Allowance allowance : stale) {
            out.append('\n').append(INDENT).append(allowance);
        }
        return out.toString();
    }

    static String countMismatch(StatementType type, int expected, ScopeReport report) {
        int actual = report.count(type);
        StringBuilder out = new StringBuilder("Expecting ").append(expected).append(' ').append(type)
                .append(plural(expected, " statement", " statements")).append(", but ").append(actual)
                .append(actual == 1 ? " was run" : " were run").append(actual == 0 ? "" : ":").append('\n');
        for (ShapeStats shape : report.shapes()) {
            if (shape.type() == type) {
                out.append(String.format(Locale.ROOT, "%5d x ", shape.executions())).append(shape.sql()).append('\n');
            }
        }
        appendExplanation(out, report, "and");
        return out.toString().stripTrailing();
    }

    static String grewWithData(int small, int large, List<String> grown, ScopeReport largeRun) {
        StringBuilder out = new StringBuilder("Expecting the number of statements not to grow with the data, but ")
                .append(grown.size()).append(grown.size() == 1 ? " shape did" : " shapes did")
                .append(" (executions at size ").append(small).append(" -> at size ").append(large).append("):\n");
        for (String line : grown) {
            out.append(INDENT).append(line).append('\n');
        }
        appendExplanation(out, largeRun, "At size " + large + ",");
        return out.toString().stripTrailing();
    }

    static String growthLine(int before, int after, String sql) {
        return String.format(Locale.ROOT, "%4d -> %-4d %s", before, after, sql);
    }

    /** The N+1 findings behind a count, or why nothing was counted at all. */
    private static void appendExplanation(StringBuilder out, ScopeReport report, String lead) {
        List<Finding> findings = report.findings(Finding.Kind.N_PLUS_ONE);
        if (!findings.isEmpty()) {
            out.append(lead).append(' ').append(findings.size())
                    .append(findings.size() == 1 ? " N+1 query was found:\n" : " N+1 queries were found:\n");
            appendFindings(out, report, findings);
        } else if (report.statements() == 0) {
            out.append(nothingRecorded()).append('\n');
        }
        if (report.truncated()) {
            out.append("Tracking was truncated: counts are lower bounds.\n");
        }
    }

    /**
     * For {@code assertNoNPlusOne} on code that ran no watched statement: it proved nothing, so it fails rather
     * than pass in silence.
     */
    static String noStatementToCheck(ScopeReport report) {
        return "Expecting the code to run SQL statements nplusone watches, to check them for N+1 queries, but it saw"
                + " none in scope '" + report.name() + "'.\n" + nothingRecorded();
    }

    /** The warning (or, with requireStatements, the failure) of a class whose checked tests saw no statement. */
    static String checkedNothing(Class<?> type, int tests, boolean failing) {
        StringBuilder out = new StringBuilder("nplusone: ").append(tests)
                .append(plural(tests, " @NoNPlusOne test", " @NoNPlusOne tests")).append(" of ")
                .append(type.getSimpleName()).append(" ran, and no SQL statement was seen in ")
                .append(tests == 1 ? "it" : "any of them").append(": nothing was checked. ");
        out.append(NPlusOne.enabled() ? "To check them, " + WAYS_TO_WATCH + ", and run its statements on the"
                + " test's thread." : SWITCHED_OFF + ".");
        if (!failing) {
            out.append(" To fail instead of warning: @NoNPlusOne(requireStatements = true), or the JUnit"
                    + " configuration parameter " + NPlusOneExtension.REQUIRE_STATEMENTS_PARAMETER + "=true.");
        }
        return out.toString();
    }

    private static String nothingRecorded() {
        return NPlusOne.enabled()
                ? "No statement was recorded at all: " + WAYS_TO_WATCH + ", and run its statements on the thread of"
                + " the assertion."
                : "No statement was recorded: " + SWITCHED_OFF + ".";
    }

    private static void appendFindings(StringBuilder out, ScopeReport report, List<Finding> findings) {
        for (Finding finding : findings) {
            for (String line : HumanReport.format(finding, report.name()).split("\n")) {
                out.append(INDENT).append(line).append('\n');
            }
        }
    }

    private static String truncated(ScopeReport report) {
        return report.truncated() ? " (tracking truncated: counts are lower bounds)" : "";
    }

    private static String plural(int count, String one, String many) {
        return count == 1 ? one : many;
    }
}
