package dev.nplusone.internal.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The "reports for people and CI" part of the configuration contract.
 *
 * @param html        {@code nplusone.html}: the self-contained HTML report, or null
 * @param sarif       {@code nplusone.sarif}: the SARIF 2.1.0 file, or null
 * @param baseline    {@code nplusone.baseline}: the accepted findings, or null
 * @param sourceRoots {@code nplusone.sourceRoots}: folders, relative to the repository root, where SARIF looks for
 *                    the call site's source file
 * @param sourceUrl   {@code nplusone.sourceUrl}: link template with {@code {path}} and {@code {line}}, or null
 * @param jsonAll     {@code nplusone.json.all}: JSON Lines for scopes without findings too
 * @param failOn      {@code nplusone.failOn}: which findings fail what nplusone may fail
 */
public record ReportSettings(Path html, Path sarif, Path baseline, List<String> sourceRoots, String sourceUrl,
                             boolean jsonAll, FailOn failOn) {
    public static final List<String> DEFAULT_SOURCE_ROOTS = List.of("src/main/java", "src/test/java");
    public static final ReportSettings NONE = new ReportSettings(null, null, null, DEFAULT_SOURCE_ROOTS, null, false,
            FailOn.NONE);

    public ReportSettings {
        sourceRoots = List.copyOf(sourceRoots);
    }

    /** Whether a report for people (HTML or SARIF) is asked for, so closed scopes must be collected. */
    public boolean collects() {
        return html != null || sarif != null;
    }

    /** {@code nplusone.failOn}: none (default), new (not in the baseline, or expired there), any. */
    public enum FailOn {
        NONE, NEW, ANY
    }
}
