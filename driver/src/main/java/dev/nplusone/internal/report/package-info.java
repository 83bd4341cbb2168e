/**
 * Stage 6, report: a scope's findings to people and tools. Receives the {@link dev.nplusone.ScopeReport};
 * writes the human report through {@code System.Logger}, the JSON Lines file (whole lines, safe under
 * concurrent scopes) and notifies listeners (the JUnit extension, the agent). The reports for people and CI (HTML,
 * SARIF, the baseline, the command line) fold closed scopes into one bounded {@link
 * dev.nplusone.internal.report.ReportAggregate}, live through {@link dev.nplusone.internal.report.LiveReports} or from
 * JSON Lines through {@link dev.nplusone.internal.report.JsonLinesReader}.
 */
package dev.nplusone.internal.report;
