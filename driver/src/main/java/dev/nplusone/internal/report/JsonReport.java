package dev.nplusone.internal.report;

import dev.nplusone.Finding;
import dev.nplusone.ScopeReport;
import dev.nplusone.internal.scope.ScopeActivity;

/** One JSON object per closed scope with findings, on one line (the JSON Lines contract). */
public final class JsonReport {
    private JsonReport() {
    }

    public static String line(ScopeReport report) {
        return line(report, null);
    }

    /**
     * The line with what the reports for people and the CLI need as well (fields added to the contract, none
     * changed): {@code sqlNanos}, {@code similar}, {@code duplicates}, the per-shape counts {@code shapes} and, for a
     * scope with findings, its bounded {@code timeline}: {@code {"total":statements,"executions":[[shape index,
     * offset ns, duration ns],...]}}.
     */
    public static String line(ScopeReport report, ScopeActivity activity) {
        StringBuilder out = new StringBuilder(512);
        out.append("{\"scope\":{\"name\":");
        string(out, report.name());
        out.append(",\"kind\":");
        string(out, report.kind());
        out.append("},\"statements\":").append(report.statements());
        out.append(",\"truncated\":").append(report.truncated());
        out.append(",\"findings\":[");
        for (int i = 0; i < report.findings().size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            finding(out, report.findings().get(i));
        }
        out.append(']');
        if (activity != null) {
            activity(out, activity, !report.findings().isEmpty());
        }
        return out.append('}').toString();
    }

    private static void activity(StringBuilder out, ScopeActivity activity, boolean withTimeline) {
        out.append(",\"sqlNanos\":").append(activity.sqlNanos());
        out.append(",\"similar\":").append(activity.similar());
        out.append(",\"duplicates\":").append(activity.duplicates());
        out.append(",\"shapes\":[");
        for (int i = 0; i < activity.shapes().size(); i++) {
            ScopeActivity.ShapeTotal shape = activity.shapes().get(i);
            out.append(i > 0 ? ",{\"sql\":" : "{\"sql\":");
            string(out, shape.sql());
            out.append(",\"type\":\"").append(shape.type()).append('"');
            out.append(",\"executions\":").append(shape.executions());
            out.append(",\"distinctKeys\":").append(shape.distinctKeys());
            out.append(",\"nanos\":").append(shape.nanos()).append('}');
        }
        out.append(']');
        if (withTimeline) {
            out.append(",\"timeline\":{\"total\":").append(activity.timelineTotal()).append(",\"executions\":[");
            for (int i = 0; i < activity.timeline().size(); i++) {
                ScopeActivity.Execution execution = activity.timeline().get(i);
                out.append(i > 0 ? ",[" : "[").append(execution.shape()).append(',').append(execution.offsetNanos())
                        .append(',').append(execution.durationNanos()).append(']');
            }
            out.append("]}");
        }
    }

    private static void finding(StringBuilder out, Finding finding) {
        out.append("{\"id\":");
        string(out, finding.id());
        out.append(",\"kind\":\"").append(finding.kind()).append('"');
        out.append(",\"confidence\":\"").append(finding.confidence()).append('"');
        out.append(",\"executions\":").append(finding.executions());
        out.append(",\"executionsEstimated\":").append(finding.executionsEstimated());
        out.append(",\"walkedExecutions\":").append(finding.walkedExecutions());
        out.append(",\"distinctKeys\":").append(finding.distinctKeys());
        out.append(",\"maxRows\":").append(finding.maxRows());
        out.append(",\"sql\":");
        string(out, finding.sql());
        out.append(",\"callSite\":");
        string(out, finding.callSite());
        out.append(",\"parent\":");
        Finding.Parent parent = finding.parent();
        if (parent == null) {
            out.append("null");
        } else {
            out.append("{\"sql\":");
            string(out, parent.sql());
            out.append(",\"column\":");
            string(out, parent.column());
            out.append(",\"rows\":").append(parent.rows()).append('}');
        }
        out.append(",\"suggestion\":");
        Finding.Suggestion suggestion = finding.suggestion();
        if (suggestion == null) {
            out.append("null");
        } else {
            out.append("{\"strategy\":\"").append(suggestion.strategy()).append("\",\"sql\":");
            string(out, suggestion.sql());
            out.append(",\"queriesBefore\":").append(suggestion.queriesBefore());
            out.append(",\"queriesAfter\":").append(suggestion.queriesAfter());
            out.append(",\"reason\":");
            string(out, suggestion.reason());
            out.append(",\"frameworkHint\":");
            string(out, suggestion.frameworkHint());
            out.append(",\"chain\":");
            Finding.Chain chain = suggestion.chain();
            if (chain == null) {
                out.append("null");
            } else {
                out.append("{\"sql\":");
                string(out, chain.sql());
                out.append(",\"queriesBefore\":").append(chain.queriesBefore());
                out.append(",\"queriesAfter\":").append(chain.queriesAfter()).append('}');
            }
            out.append('}');
        }
        out.append(",\"timeNanos\":").append(finding.timeNanos());
        if (!finding.sampleValues().isEmpty()) {
            out.append(",\"sampleValues\":[");
            for (int i = 0; i < finding.sampleValues().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(out, finding.sampleValues().get(i));
            }
            out.append(']');
        }
        out.append('}');
    }

    static void string(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)
                            && !validSurrogate(value, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean validSurrogate(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }
}
