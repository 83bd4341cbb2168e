package dev.nplusone.spring;

import dev.nplusone.Finding;
import dev.nplusone.NPlusOne;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@code /actuator/nplusone}: the findings since start as JSON, one entry per finding id, with the fields of the JSON
 * Lines report's findings plus how often and where each was found. Plain maps and lists, so that Boot 3.5's Jackson 2
 * and Boot 4.0's Jackson 3 write the same document. {@code /actuator/nplusone/html}: the HTML report of every scope
 * since start, for a browser.
 */
@Endpoint(id = "nplusone")
public class NPlusOneEndpoint {
    static final String HTML = "text/html;charset=UTF-8";

    private final FindingsSinceStart findings;
    private final ReportPageSinceStart page;

    NPlusOneEndpoint(FindingsSinceStart findings, ReportPageSinceStart page) {
        this.findings = findings;
        this.page = page;
    }

    @ReadOperation
    public Map<String, Object> findings() {
        FindingsSinceStart.Snapshot snapshot = findings.snapshot();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enabled", NPlusOne.enabled());
        body.put("watchedBy", AgentDetection.agentAttached() ? "agent" : "starter");
        body.put("scopes", snapshot.scopes());
        body.put("scopesWithFindings", snapshot.scopesWithFindings());
        body.put("findingsNotKept", snapshot.findingsNotKept());
        List<Map<String, Object>> entries = new ArrayList<>();
        for (FindingsSinceStart.Entry entry : snapshot.findings()) {
            entries.add(json(entry));
        }
        body.put("findings", entries);
        return body;
    }

    /** The page under {@code /actuator/nplusone/html}; another name is not found (a read giving null is a 404). */
    @ReadOperation(produces = HTML)
    public String view(@Selector String format) {
        return "html".equals(format) ? page.html() : null;
    }

    private static Map<String, Object> json(FindingsSinceStart.Entry entry) {
        Finding finding = entry.latest();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", finding.id());
        out.put("kind", finding.kind().name());
        out.put("confidence", finding.confidence().name());
        out.put("occurrences", entry.occurrences());
        out.put("executions", entry.executions());
        out.put("maxExecutions", entry.maxExecutions());
        out.put("distinctKeys", finding.distinctKeys());
        out.put("maxRows", finding.maxRows());
        out.put("sql", finding.sql());
        out.put("callSite", finding.callSite());
        out.put("routes", entry.routes());
        out.put("moreRoutes", entry.moreRoutes());
        out.put("parent", finding.parent() == null ? null : parent(finding.parent()));
        out.put("suggestion", finding.suggestion() == null ? null : suggestion(finding.suggestion()));
        out.put("firstSeen", entry.firstSeen().toString());
        out.put("lastSeen", entry.lastSeen().toString());
        return out;
    }

    private static Map<String, Object> parent(Finding.Parent parent) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sql", parent.sql());
        out.put("column", parent.column());
        out.put("rows", parent.rows());
        return out;
    }

    private static Map<String, Object> suggestion(Finding.Suggestion suggestion) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("strategy", suggestion.strategy().name());
        out.put("sql", suggestion.sql());
        out.put("queriesBefore", suggestion.queriesBefore());
        out.put("queriesAfter", suggestion.queriesAfter());
        out.put("reason", suggestion.reason());
        out.put("frameworkHint", suggestion.frameworkHint());
        return out;
    }
}
