package dev.nplusone.internal.otel;

import dev.nplusone.Finding;
import dev.nplusone.internal.otel.OtelApi.Attribute;
import java.util.ArrayList;
import java.util.List;

/**
 * The attributes of one {@code nplusone.finding} span event, as the OpenTelemetry contract names them. Only
 * fingerprints and rewrites (every value a {@code ?}) go in, never a bound value, whatever
 * {@code nplusone.captureValues} says; attributes nplusone does not know (no parent, no rewrite, no line) are left
 * out rather than sent empty.
 */
final class FindingEvent {
    static final String NAME = "nplusone.finding";

    private FindingEvent() {
    }

    static List<Attribute> attributes(Finding finding) {
        List<Attribute> attributes = new ArrayList<>(13);
        attributes.add(new Attribute("nplusone.finding.id", finding.id()));
        attributes.add(new Attribute("nplusone.finding.kind", finding.kind().name()));
        attributes.add(new Attribute("nplusone.finding.confidence", finding.confidence().name()));
        attributes.add(new Attribute("nplusone.finding.executions", (long) finding.executions()));
        attributes.add(new Attribute("nplusone.finding.distinct_keys", (long) finding.distinctKeys()));
        attributes.add(new Attribute("db.query.text", finding.sql()));
        String summary = QuerySummary.of(finding.sql());
        if (!summary.isEmpty()) {
            attributes.add(new Attribute("db.query.summary", summary));
        }
        if (finding.parent() != null) {
            attributes.add(new Attribute("nplusone.parent.query.text", finding.parent().sql()));
        }
        if (finding.suggestion() != null) {
            attributes.add(new Attribute("nplusone.suggestion.strategy", finding.suggestion().strategy().name()));
            if (finding.suggestion().sql() != null) {
                attributes.add(new Attribute("nplusone.suggestion.sql", finding.suggestion().sql()));
            }
        }
        CodeLocation code = CodeLocation.parse(finding.callSite());
        if (code != null) {
            attributes.add(new Attribute("code.function.name", code.function()));
            if (code.filePath() != null) {
                attributes.add(new Attribute("code.file.path", code.filePath()));
            }
            if (code.line() > 0) {
                attributes.add(new Attribute("code.line.number", (long) code.line()));
            }
        }
        return attributes;
    }
}
