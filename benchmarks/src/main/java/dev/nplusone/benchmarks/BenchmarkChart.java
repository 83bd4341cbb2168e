package dev.nplusone.benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * Draws issue 19's ratio rows as an SVG for the README: one horizontal bar per ratio on a logarithmic axis from
 * 1x (no overhead), green when its target is met and red when not, the target as a solid mark, the moonshot as a
 * dashed one, and the "before" figure as a grey bar behind. A log axis because the ratios run from about
 * 1.0 to almost 30: on a linear one every target would sit in the first few pixels.
 */
final class BenchmarkChart {
    static final String MET_COLOUR = "#2da44e";
    static final String MISSED_COLOUR = "#cf222e";
    private static final int WIDTH = 960;
    private static final int LABEL_WIDTH = 390;
    private static final int AXIS_WIDTH = 420;
    private static final int TOP = 74;
    private static final int ROW_HEIGHT = 34;
    private static final double[] TICKS = {1, 1.1, 1.25, 1.5, 2, 3, 5, 10, 20, 50, 100};

    private BenchmarkChart() {
    }

    static String svg(List<TargetRow> allRows, String machine) {
        List<TargetRow> rows = allRows.stream().filter(row -> row.unit() == TargetRow.Unit.RATIO).toList();
        double axisMax = axisMax(rows);
        int height = TOP + rows.size() * ROW_HEIGHT + 44;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"-apple-system, Segoe UI, Helvetica, Arial, sans-serif\""
                + " font-size=\"13\">%n", WIDTH, height, WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n", WIDTH, height));
        svg.append(text(12, 22, "start", "font-size=\"16\" font-weight=\"bold\"",
                "nplusone overhead: issue 19 ratios (lower is better, 1x = no overhead)"));
        svg.append(text(12, 40, "start", "fill=\"#57606a\" font-size=\"11\"", machine));
        legend(svg);
        for (double tick : TICKS) {
            if (tick <= axisMax) {
                double x = x(tick, axisMax);
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#d0d7de\""
                        + " stroke-width=\"1\"/>%n", x, TOP - 6, x, TOP + rows.size() * ROW_HEIGHT));
                svg.append(text(x, TOP + rows.size() * ROW_HEIGHT + 16, "middle", "fill=\"#57606a\" font-size=\"11\"",
                        TargetRow.Unit.RATIO.format(tick).replace(".00x", "x")));
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            row(svg, rows.get(i), TOP + i * ROW_HEIGHT, axisMax);
        }
        return svg.append("</svg>\n").toString();
    }

    private static void row(StringBuilder svg, TargetRow row, int top, double axisMax) {
        int middle = top + ROW_HEIGHT / 2;
        svg.append(text(LABEL_WIDTH - 10, middle + 4, "end", "", row.figure()));
        double start = x(1, axisMax);
        if (row.before() != null) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"6\" fill=\"#afb8c1\">"
                    + "<title>before: %s</title></rect>%n", start, top + 4, x(row.before(), axisMax) - start,
                    row.unit().format(row.before())));
        }
        if (row.now() != null) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"14\" fill=\"%s\">"
                    + "<title>%s: %s</title></rect>%n", start, top + 11, Math.max(1, x(row.now(), axisMax) - start),
                    row.met() ? MET_COLOUR : MISSED_COLOUR, row.verdict(), row.unit().format(row.now())));
        }
        double end = Math.max(x(row.now() == null ? 1 : row.now(), axisMax), x(row.target(), axisMax));
        svg.append(text(end + 8, middle + 4, "start", row.now() == null ? "fill=\"#57606a\"" : "font-weight=\"bold\"",
                row.now() == null ? "not measured" : row.unit().format(row.now()) + "  " + row.verdict()));
        svg.append(mark(x(row.target(), axisMax), top + 2, "#24292f", ""));
        svg.append(mark(x(row.moonshot(), axisMax), top + 2, "#8250df", " stroke-dasharray=\"3,2\""));
    }

    private static void legend(StringBuilder svg) {
        int y = 58;
        svg.append(String.format(Locale.ROOT, "<rect x=\"12\" y=\"%d\" width=\"16\" height=\"10\" fill=\"%s\"/>%n", y - 9,
                MET_COLOUR));
        svg.append(String.format(Locale.ROOT, "<rect x=\"30\" y=\"%d\" width=\"16\" height=\"10\" fill=\"%s\"/>%n", y - 9,
                MISSED_COLOUR));
        svg.append(text(52, y, "start", "", "now: target met / missed"));
        svg.append(String.format(Locale.ROOT, "<rect x=\"230\" y=\"%d\" width=\"22\" height=\"6\" fill=\"#afb8c1\"/>%n",
                y - 7));
        svg.append(text(258, y, "start", "", "before (issue 19)"));
        svg.append(mark(390, y - 12, "#24292f", ""));
        svg.append(text(398, y, "start", "", "target"));
        svg.append(mark(460, y - 12, "#8250df", " stroke-dasharray=\"3,2\""));
        svg.append(text(468, y, "start", "", "moonshot"));
    }

    private static String mark(double x, int top, String colour, String style) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\""
                + " stroke-width=\"2\"%s/>%n", x, top, x, top + ROW_HEIGHT - 6, colour, style);
    }

    private static String text(double x, double y, String anchor, String attributes, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"%s>%s</text>%n", x, y, anchor,
                attributes.isEmpty() ? "" : " " + attributes, escape(content));
    }

    /** The smallest tick at or above every figure drawn, at least 2x so short bars stay readable. */
    private static double axisMax(List<TargetRow> rows) {
        double largest = 2;
        for (TargetRow row : rows) {
            largest = Math.max(largest, Math.max(row.now() == null ? 0 : row.now(), row.before() == null ? 0 : row.before()));
        }
        for (double tick : TICKS) {
            if (tick >= largest) {
                return tick;
            }
        }
        return largest;
    }

    /** Figures below 1x (noise: cheaper than raw) are drawn at 1x. */
    private static double x(double ratio, double axisMax) {
        return LABEL_WIDTH + Math.log(Math.max(1, ratio)) / Math.log(axisMax) * AXIS_WIDTH;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
