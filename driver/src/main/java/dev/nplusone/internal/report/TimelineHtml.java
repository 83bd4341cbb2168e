package dev.nplusone.internal.report;

import static dev.nplusone.internal.report.Html.text;

import dev.nplusone.internal.scope.ScopeActivity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One scope's statement timeline: a row per statement with a bar at its offset, one colour per shape. The loop of a
 * finding becomes one expandable row ({@code <details>}) with its count, as do runs of one shape in a row. Bars are
 * SVG rectangles (attributes, not inline styles, which the Content-Security-Policy forbids).
 */
final class TimelineHtml {
    static final int MAX_REPEATS_LISTED = 30;
    private static final int COLOURS = 12;
    private static final int WIDTH = 1000;

    private TimelineHtml() {
    }

    /** Consecutive executions shown as one row: a finding's loop, or one shape run several times in a row. */
    private static final class Row {
        final int shape;
        final boolean loop;
        final List<ScopeActivity.Execution> executions = new ArrayList<>();
        long nanos;

        Row(int shape, boolean loop) {
            this.shape = shape;
            this.loop = loop;
        }
    }

    static void render(StringBuilder out, ClosedScope scope, int number) {
        ScopeActivity activity = scope.activity();
        List<Row> rows = rows(activity, loopShapes(scope));
        long span = 1;
        for (ScopeActivity.Execution execution : activity.timeline()) {
            span = Math.max(span, execution.offsetNanos() + execution.durationNanos());
        }
        out.append("<section class=\"timeline\" id=\"t-").append(number).append("\"><h3>");
        text(out, scope.name()).append(" <span class=\"muted\">(");
        text(out, scope.kind()).append(")</span></h3>\n<p class=\"note\">").append(scope.statements())
                .append(" statements, ").append(Html.time(activity.sqlNanos())).append(" in SQL over ")
                .append(Html.time(span)).append(" from the scope's start.");
        if (activity.timelineTotal() > activity.timeline().size()) {
            out.append(" <b>Only the first ").append(activity.timeline().size()).append(" of ")
                    .append(activity.timelineTotal()).append(" statements are drawn</b> (the timeline is bounded).");
        }
        out.append("</p>\n<div class=\"tl\"><div class=\"tl-head\"><span>Shape</span><span>Count</span><span>Start</span>"
                + "<span>Time</span><span>0 &ndash; ").append(Html.time(span)).append("</span></div>\n");
        for (Row row : rows) {
            row(out, row, span);
        }
        out.append("</div>\n");
        legend(out, activity, rows);
        out.append("</section>\n");
    }

    /** The shapes of the scope's findings: their executions are collapsed even when others come in between. */
    private static Set<Integer> loopShapes(ClosedScope scope) {
        Set<String> sql = new HashSet<>();
        for (ReportedFinding finding : scope.findings()) {
            sql.add(finding.sql());
        }
        Set<Integer> shapes = new HashSet<>();
        List<ScopeActivity.ShapeTotal> totals = scope.activity().shapes();
        for (int i = 0; i < totals.size(); i++) {
            if (sql.contains(totals.get(i).sql())) {
                shapes.add(i);
            }
        }
        return shapes;
    }

    private static List<Row> rows(ScopeActivity activity, Set<Integer> loopShapes) {
        List<Row> rows = new ArrayList<>();
        Map<Integer, Row> loops = new HashMap<>();
        Row last = null;
        for (ScopeActivity.Execution execution : activity.timeline()) {
            int shape = execution.shape();
            Row row;
            if (loopShapes.contains(shape)) {
                row = loops.get(shape);
                if (row == null) {
                    row = new Row(shape, true);
                    loops.put(shape, row);
                    rows.add(row);
                }
            } else if (last != null && !last.loop && last.shape == shape) {
                row = last;
            } else {
                row = new Row(shape, false);
                rows.add(row);
            }
            row.executions.add(execution);
            row.nanos += execution.durationNanos();
            last = row;
        }
        return rows;
    }

    private static void row(StringBuilder out, Row row, long span) {
        ScopeActivity.Execution first = row.executions.get(0);
        int count = row.executions.size();
        if (count == 1) {
            out.append("<div class=\"tl-row single\">");
            cells(out, row.shape, "1", first.offsetNanos(), row.nanos);
            bars(out, row, span, row.executions.size());
            out.append("</div>\n");
            return;
        }
        out.append("<details class=\"tl-row").append(row.loop ? " loop" : "").append("\"><summary>");
        cells(out, row.shape, "&times;" + count, first.offsetNanos(), row.nanos);
        bars(out, row, span, row.executions.size());
        out.append("</summary>\n");
        int listed = Math.min(count, MAX_REPEATS_LISTED);
        for (int i = 0; i < listed; i++) {
            ScopeActivity.Execution execution = row.executions.get(i);
            out.append("<div class=\"rep\"><span class=\"shape\">#").append(i + 1).append("</span><span></span><span>")
                    .append(Html.time(execution.offsetNanos())).append("</span><span>")
                    .append(Html.time(execution.durationNanos())).append("</span>");
            svg(out);
            rect(out, row.shape, execution, span);
            out.append("</svg></div>\n");
        }
        if (count > listed) {
            out.append("<div class=\"rep\"><span class=\"shape\">&hellip;</span><span></span><span>")
                    .append(count - listed).append(" more</span></div>\n");
        }
        out.append("</details>\n");
    }

    private static void cells(StringBuilder out, int shape, String count, long start, long nanos) {
        out.append("<span class=\"shape\"><svg class=\"sw\" viewBox=\"0 0 10 10\"><rect class=\"c")
                .append(shape % COLOURS).append("\" width=\"10\" height=\"10\"/></svg> S").append(shape + 1)
                .append("</span><span class=\"count\">").append(count).append("</span><span>").append(Html.time(start))
                .append("</span><span>").append(Html.time(nanos)).append("</span>");
    }

    private static void bars(StringBuilder out, Row row, long span, int count) {
        svg(out);
        for (int i = 0; i < count; i++) {
            rect(out, row.shape, row.executions.get(i), span);
        }
        out.append("</svg>");
    }

    private static void svg(StringBuilder out) {
        out.append("<svg class=\"bar\" viewBox=\"0 0 ").append(WIDTH).append(" 10\" preserveAspectRatio=\"none\">");
    }

    private static void rect(StringBuilder out, int shape, ScopeActivity.Execution execution, long span) {
        double x = (double) execution.offsetNanos() * WIDTH / span;
        double width = Math.max(1.5, (double) execution.durationNanos() * WIDTH / span);
        out.append("<rect class=\"c").append(shape % COLOURS).append("\" x=\"").append(Html.decimal(x))
                .append("\" width=\"").append(Html.decimal(width)).append("\" height=\"10\"/>");
    }

    private static void legend(StringBuilder out, ScopeActivity activity, List<Row> rows) {
        Set<Integer> shown = new java.util.TreeSet<>();
        for (Row row : rows) {
            shown.add(row.shape);
        }
        out.append("<ol class=\"legend\">\n");
        for (int shape : shown) {
            ScopeActivity.ShapeTotal total = activity.shapes().get(shape);
            out.append("<li><svg class=\"sw\" viewBox=\"0 0 10 10\"><rect class=\"c").append(shape % COLOURS)
                    .append("\" width=\"10\" height=\"10\"/></svg> <b>S").append(shape + 1).append("</b> &times;")
                    .append(total.executions()).append(", ").append(Html.time(total.nanos())).append(" <code>");
            text(out, total.sql()).append("</code></li>\n");
        }
        out.append("</ol>\n");
    }
}
