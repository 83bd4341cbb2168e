package dev.nplusone.internal.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SARIF 2.1.0 log GitHub code scanning (and other tools) read: one rule per finding kind, one result per
 * finding id, located at the call site's source file when it is found under the source roots (a logical location,
 * the class and method, otherwise), with {@code partialFingerprints} from the finding id so alerts stay the same
 * alert across runs. Findings the baseline accepts carry an external suppression with its reason.
 */
public final class SarifReport {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String FINGERPRINT = "nplusoneFindingId/v1";

    /** A rule per contract kind; its id is {@code nplusone/} and the kind's name in lower case with dashes. */
    enum Rule {
        N_PLUS_ONE("NPlusOneQuery", "warning", "A lookup by key runs once per row of an earlier statement.",
                "The same statement shape runs in a loop with a different key each time, usually once per row that an"
                        + " earlier statement returned: N rows cost N+1 round trips.",
                "Load the rows in one statement: join the looked-up table into the parent's statement (to-one), or"
                        + " batch the keys into one IN (...) statement (to-many). In an ORM: JOIN FETCH, an entity"
                        + " graph, or batch fetching. The result's message holds the rewrite nplusone proved."),
        DUPLICATE("DuplicateQuery", "note", "The same statement with the same key runs repeatedly.",
                "One statement, with the same parameters every time, runs several times in one unit of work.",
                "Run it once and reuse the result: hoist it out of the loop or cache it for the unit of work."),
        WRITE_LOOP("WriteLoop", "warning", "An INSERT, UPDATE or DELETE runs once per row in a loop.",
                "One write statement shape runs once per row from one call site, one row each, not as a JDBC batch.",
                "Use a JDBC batch (addBatch/executeBatch), a multi-row INSERT, or one UPDATE/DELETE ... WHERE key"
                        + " IN (...). In Hibernate: hibernate.jdbc.batch_size with ordered inserts/updates."),
        UNUSED_JOIN("UnusedJoin", "note", "A joined table is never read.",
                "A statement joins a table none of whose columns the application read over repeated executions.",
                "Drop the join (or stop fetching the association eagerly) so the database does less work.");

        final String displayName;
        final String level;
        final String shortText;
        final String fullText;
        final String helpText;

        Rule(String displayName, String level, String shortText, String fullText, String helpText) {
            this.displayName = displayName;
            this.level = level;
            this.shortText = shortText;
            this.fullText = fullText;
            this.helpText = helpText;
        }

        String id() {
            return idOf(name());
        }

        static String idOf(String kind) {
            return "nplusone/" + kind.toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private SarifReport() {
    }

    public static String render(List<ReportAggregate.FindingSummary> findings, ReportView view) {
        StringBuilder text = new StringBuilder(4096 + findings.size() * 1024);
        JsonOut json = new JsonOut(text);
        json.object().field("$schema", SCHEMA).field("version", "2.1.0").name("runs").array().object();
        List<String> ruleIds = tool(json, findings);
        json.name("originalUriBaseIds").object().name("%SRCROOT%").object()
                .field("uri", view.repositoryRoot().toUri().toString()).end().end();
        json.name("results").array();
        for (ReportAggregate.FindingSummary summary : findings) {
            result(json, summary, ruleIds, view);
        }
        json.end().end().end().end();
        return text.append('\n').toString();
    }

    /** The tool and its rules: the four contract kinds, then any kind a newer nplusone reported. */
    private static List<String> tool(JsonOut json, List<ReportAggregate.FindingSummary> findings) {
        List<String> ruleIds = new ArrayList<>();
        json.name("tool").object().name("driver").object().field("name", "nplusone")
                .field("semanticVersion", version()).name("rules").array();
        for (Rule rule : Rule.values()) {
            ruleIds.add(rule.id());
            rule(json, rule.id(), rule.displayName, rule.level, rule.shortText, rule.fullText, rule.helpText);
        }
        for (ReportAggregate.FindingSummary summary : findings) {
            String id = Rule.idOf(summary.finding().kind());
            if (!ruleIds.contains(id)) {
                ruleIds.add(id);
                rule(json, id, summary.finding().kind(), "warning", "nplusone finding " + summary.finding().kind(),
                        "A finding of a kind this version of the report does not describe.",
                        "See the result's message for the evidence and the fix.");
            }
        }
        json.end().end().end();
        return ruleIds;
    }

    private static void rule(JsonOut json, String id, String name, String level, String shortText, String fullText,
                             String helpText) {
        json.object().field("id", id).field("name", name)
                .name("shortDescription").object().field("text", shortText).end()
                .name("fullDescription").object().field("text", fullText).end()
                .name("help").object().field("text", helpText).end()
                .name("defaultConfiguration").object().field("level", level).end()
                .name("properties").object().name("tags").array().value("performance").value("sql").end().end()
                .end();
    }

    private static void result(JsonOut json, ReportAggregate.FindingSummary summary, List<String> ruleIds,
                               ReportView view) {
        ReportedFinding finding = summary.finding();
        String ruleId = Rule.idOf(finding.kind());
        Baseline.Status status = view.status(finding.id());
        json.object().field("ruleId", ruleId).field("ruleIndex", ruleIds.indexOf(ruleId))
                .field("level", level(finding.kind()))
                .name("message").object().field("text", FindingText.message(summary)).end();
        location(json, finding, view);
        json.name("partialFingerprints").object().field(FINGERPRINT, finding.id()).end();
        if (!view.baseline().isEmpty()) {
            json.field("baselineState", status == Baseline.Status.NEW ? "new" : "unchanged");
        }
        if (status == Baseline.Status.ACCEPTED) {
            Baseline.Entry entry = view.baseline().entry(finding.id());
            json.name("suppressions").array().object().field("kind", "external").field("status", "accepted")
                    .field("justification", entry.reason() == null ? "in the nplusone baseline" : entry.reason())
                    .end().end();
        }
        json.name("properties").object().field("findingId", finding.id()).field("confidence", finding.confidence())
                .field("scopes", summary.scopes()).field("executions", summary.totalExecutions())
                .field("timeNanos", summary.totalNanos()).field("baseline", status.label()).end();
        json.end();
    }

    private static String level(String kind) {
        for (Rule rule : Rule.values()) {
            if (rule.name().equals(kind)) {
                return rule.level;
            }
        }
        return "warning";
    }

    private static void location(JsonOut json, ReportedFinding finding, ReportView view) {
        SourceLocator.CallSiteParts site = SourceLocator.parse(finding.callSite());
        if (site == null) {
            return;
        }
        String path = view.sources().relativePath(site);
        json.name("locations").array().object();
        if (path != null) {
            json.name("physicalLocation").object()
                    .name("artifactLocation").object().field("uri", path).field("uriBaseId", "%SRCROOT%").end();
            if (site.line() > 0) {
                json.name("region").object().field("startLine", site.line()).end();
            }
            json.end();
        }
        json.name("logicalLocations").array().object().field("fullyQualifiedName", site.qualifiedMethod())
                .field("name", site.method()).field("kind", "function").end().end();
        json.end().end();
    }

    private static String version() {
        String version = SarifReport.class.getPackage().getImplementationVersion();
        return version == null ? "0.1.0" : version;
    }
}
