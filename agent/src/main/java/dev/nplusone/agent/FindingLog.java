package dev.nplusone.agent;

import dev.nplusone.Finding;
import dev.nplusone.ScopeReport;
import dev.nplusone.internal.report.HumanReport;
import dev.nplusone.internal.report.KindWords;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The log of findings across scopes. A finding's id hashes its parent shape, child shape and call site, so
 * the same loop in every request of a route is one entry. The first time it is seen the finding is rendered
 * in full; afterwards it is counted, and only when the count of scopes reaches 10, 100, 1000, ... one line
 * gives the running totals. At shutdown, {@link #summary} lists the costliest findings.
 */
final class FindingLog {
    /** Distinct findings tracked; past this, new findings are still rendered in full but not counted. */
    static final int MAX_TRACKED = 1_000;

    private final ConcurrentHashMap<String, Tally> tallies = new ConcurrentHashMap<>();

    private static final class Tally {
        final Finding first;
        final String firstScope;
        private long scopes;
        private long executions;
        private long nanos;

        Tally(Finding first, String firstScope) {
            this.first = first;
            this.firstScope = firstScope;
        }

        synchronized long add(Finding finding) {
            executions += finding.executions();
            nanos += finding.timeNanos();
            return ++scopes;
        }

        synchronized long nanos() {
            return nanos;
        }

        synchronized String totals() {
            return scopes + (scopes == 1 ? " scope, " : " scopes, ") + executions + " executions, "
                    + HumanReport.millis(nanos);
        }
    }

    /** What to log for a closed scope's findings: the new ones in full, a count line for milestones, else nothing. */
    String record(ScopeReport report) {
        StringBuilder fresh = new StringBuilder();
        StringBuilder repeats = new StringBuilder();
        int freshCount = 0;
        for (Finding finding : report.findings()) {
            Tally tally = tallies.get(finding.id());
            if (tally == null && tallies.size() < MAX_TRACKED) {
                tally = tallies.computeIfAbsent(finding.id(), id -> new Tally(finding, report.name()));
            }
            long seen = tally == null ? 1 : tally.add(finding);
            if (seen == 1) {
                freshCount++;
                fresh.append(HumanReport.format(finding, report.name())).append('\n');
            } else if (isPowerOfTen(seen)) {
                repeats.append("nplusone: ").append(label(finding)).append(" seen again in '").append(report.name())
                        .append("': ").append(tally.totals()).append(" so far; loop at ").append(finding.callSite())
                        .append(": ").append(finding.sql()).append('\n');
            }
        }
        if (freshCount == 0) {
            return repeats.toString();
        }
        return "nplusone: " + freshCount + (freshCount == 1 ? " new finding" : " new findings") + " in scope '"
                + report.name() + "' (" + report.statements() + " statements); each finding is logged once,"
                + " then counted\n" + fresh + repeats;
    }

    /** The {@code limit} findings that cost the most time in total, or an empty string when there were none. */
    String summary(int limit) {
        List<Tally> all = new ArrayList<>(tallies.values());
        if (all.isEmpty()) {
            return "";
        }
        all.sort(Comparator.comparingLong(Tally::nanos).reversed());
        List<Tally> top = all.subList(0, Math.min(limit, all.size()));
        StringBuilder out = new StringBuilder("nplusone: top ").append(top.size()).append(" of ").append(all.size())
                .append(all.size() == 1 ? " finding" : " findings").append(" by time spent in the repeated queries\n");
        for (int i = 0; i < top.size(); i++) {
            Tally tally = top.get(i);
            out.append(String.format("%4d. ", i + 1)).append(label(tally.first)).append(": ").append(tally.totals())
                    .append("\n      ").append(tally.first.sql())
                    .append("\n      loop at ").append(tally.first.callSite()).append(", first in '")
                    .append(tally.firstScope).append("'\n");
        }
        return out.toString();
    }

    static String label(Finding finding) {
        return KindWords.label(finding.kind());
    }

    static boolean isPowerOfTen(long n) {
        while (n >= 10 && n % 10 == 0) {
            n /= 10;
        }
        return n == 1;
    }
}
