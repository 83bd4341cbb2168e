package dev.nplusone.internal.report;

import dev.nplusone.internal.config.ReportSettings;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What a report is rendered against besides the findings: the baseline and today's date (new / accepted /
 * expired), where sources are and how to link to them, and where the scopes came from.
 *
 * @param origin  a line saying where the scopes came from (a live JVM, or the JSON Lines files read)
 * @param fullRun whether every scope of the run was seen (the CLI over all shards), so that baseline entries
 *                matching nothing are stale rather than not seen yet
 */
record ReportView(Baseline baseline, LocalDate today, Path repositoryRoot, SourceLocator sources, String sourceUrl,
                  String origin, boolean fullRun) {

    static ReportView of(ReportSettings settings, Baseline baseline, String origin, boolean fullRun) {
        Path root = Path.of("").toAbsolutePath();
        return new ReportView(baseline, LocalDate.now(), root, new SourceLocator(root, settings.sourceRoots()),
                settings.sourceUrl(), origin, fullRun);
    }

    Baseline.Status status(String findingId) {
        return baseline.status(findingId, today);
    }

    /** The link to a call site's line from {@code nplusone.sourceUrl}, or null (plain text then). */
    String link(SourceLocator.CallSiteParts site) {
        if (sourceUrl == null || site == null) {
            return null;
        }
        String path = sources.relativePath(site);
        if (path == null) {
            path = site.fileName() == null ? null : site.packagePath();
        }
        if (path == null) {
            return null;
        }
        return sourceUrl.replace("{path}", path).replace("{line}", site.line() > 0 ? String.valueOf(site.line()) : "");
    }
}
