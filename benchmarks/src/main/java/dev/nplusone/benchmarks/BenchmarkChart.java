package dev.nplusone.benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * Draws issue 19's ratio rows as an SVG for the README: one horizontal bar per ratio on a logarithmic axis from
 * 1x (no overhead) to 3x, green when its target is met and red when not, the target as a solid mark, the moonshot
 * as a dashed one, and the "before" figure as a grey bar behind. The targets lie between 1.02x and 1.5x,
 * so the axis spends its width there: logarithmic, and cut at 3x (longer bars end in a break, their figure in
 * the label), where the 27.5x of (e2) before the work would otherwise squeeze every target into a few pixels.
 */
final class BenchmarkChart {
    static final String MET_COLOUR = "#2da44e";
    static final String MISSED_COLOUR = "#cf222e";
    private static final int WIDTH = 960;
    private static final int LABEL_WIDTH = 390;
    private static final int AXIS_WIDTH = 420;
    private static final int TOP = 74;
    private static final int ROW_HEIGHT = 34;
    private static final double[] TICKS = {1, 1.1, 1.25, 1.5, 2, 3};
    private static final double AXIS_MAX = 3;

    private BenchmarkChart() {
    }

    static String svg(List<TargetRow> allRows, String machine) {
        List<TargetRow> rows = allRows.stream().filter(row -> row.unit() == TargetRow.Unit.RATIO).toList();
        List<String> machineLines = List.of(machine.split("; "));
        int top = TOP + 14 * (machineLines.size() - 1);
        int height = top + rows.size() * ROW_HEIGHT + 30;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"-apple-system, Segoe UI, Helvetica, Arial, sans-serif\""
                + " font-size=\"13\">%n", WIDTH, height, WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n", WIDTH, height));
        svg.append(text(12, 22, "start", "font-size=\"16\" font-weight=\"bold\"",
                "nplusone overhead: issue 19 ratios (lower is better, 1x = no overhead)"));
        for (int i = 0; i < machineLines.size(); i++) {
            svg.append(text(12, 40 + 14 * i, "start", "fill=\"#57606a\" font-size=\"11\"", machineLines.get(i)));
        }
        legend(svg, top - 16);
        for (double tick : TICKS) {
            double x = x(tick);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#d0d7de\""
                    + " stroke-width=\"1\"/>%n", x, top - 6, x, top + rows.size() * ROW_HEIGHT));
            svg.append(text(x, top + rows.size() * ROW_HEIGHT + 16, "middle", "fill=\"#57606a\" font-size=\"11\"",
                    TargetRow.Unit.RATIO.format(tick).replace(".00x", "x").replace("0x", "x")));
        }
        for (int i = 0; i < rows.size(); i++) {
            row(svg, rows.get(i), top + i * ROW_HEIGHT);
        }
        return svg.append("</svg>\n").toString();
    }

    private static void row(StringBuilder svg, TargetRow row, int top) {
        int middle = top + ROW_HEIGHT / 2;
        svg.append(text(LABEL_WIDTH - 10, middle + 4, "end", "", row.figure()));
        double start = x(1);
        if (row.before() != null) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"6\" fill=\"#afb8c1\">"
                    + "<title>before: %s</title></rect>%n", start, top + 4, x(row.before()) - start,
                    row.unit().format(row.before())));
            offScale(svg, row.before(), top + 3, 8);
        }
        if (row.now() != null) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"14\" fill=\"%s\">"
                    + "<title>%s: %s</title></rect>%n", start, top + 11, Math.max(1, x(row.now()) - start),
                    row.met() ? MET_COLOUR : MISSED_COLOUR, row.verdict(), row.unit().format(row.now())));
            offScale(svg, row.now(), top + 10, 16);
        }
        double end = Math.max(x(row.now() == null ? 1 : row.now()), x(row.target()));
        svg.append(text(end + 8, middle + 4, "start", row.now() == null ? "fill=\"#57606a\"" : "font-weight=\"bold\"",
                row.now() == null ? "not measured" : row.unit().format(row.now()) + "  " + row.verdict()));
        svg.append(mark(x(row.target()), top + 2, "#24292f", ""));
        svg.append(mark(x(row.moonshot()), top + 2, "#8250df", " stroke-dasharray=\"3,2\""));
    }

    /** A white break across a bar cut at the end of the axis. */
    private static void offScale(StringBuilder svg, double ratio, int top, int height) {
        if (ratio > AXIS_MAX) {
            double x = x(AXIS_MAX) - 14;
            svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f %d L%.1f %d M%.1f %d L%.1f %d\" stroke=\"#ffffff\""
                    + " stroke-width=\"2\"/>%n", x, top + height, x + 4, top, x + 5, top + height, x + 9, top));
        }
    }

    private static void legend(StringBuilder svg, int y) {
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

    /** Figures below 1x (noise: cheaper than raw) are drawn at 1x, figures past the axis at its end. */
    private static double x(double ratio) {
        return LABEL_WIDTH + Math.log(Math.min(AXIS_MAX, Math.max(1, ratio))) / Math.log(AXIS_MAX) * AXIS_WIDTH;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
