package dev.nplusone.benchmarks;

import java.util.Locale;

/**
 * One row of issue 19's target table: the figure before the work (as the issue states it, null when it was not
 * measured), the figure measured now (null when this run did not measure it), the target and the moonshot.
 * Lower is better for every figure.
 */
record TargetRow(String figure, Unit unit, Double before, Double now, double target, double moonshot) {

    enum Unit {
        RATIO("%.2fx"), NANOS_PER_ROW("%.0f ns"), BYTES("%.0f B"), EXTRA_SECONDS("+%.2f s");

        private final String format;

        Unit(String format) {
            this.format = format;
        }

        String format(Double value) {
            return value == null ? "-" : String.format(Locale.ROOT, format, value);
        }
    }

    String verdict() {
        if (now == null) {
            return "not measured";
        }
        if (now <= moonshot) {
            return "MET (moonshot)";
        }
        return now <= target ? "MET" : "MISSED";
    }

    boolean met() {
        return now != null && now <= target;
    }
}
