package dev.nplusone.internal.report;

import dev.nplusone.internal.scope.ScopeActivity;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the JSON Lines report back, one line at a time, into {@link ClosedScope}s: memory holds one line, whatever
 * the file's size. A line that is not a scope object (cut short by a killed JVM, edited by hand) is skipped and
 * named to {@code problems}; the rest of the file is read. Without activity (check, baseline) a line is read only
 * up to its findings: the shapes and timeline after them are most of its length.
 */
public final class JsonLinesReader {
    private final boolean activity;

    /** @param activity whether to read shapes and timelines too (the HTML report), or skip them (check, baseline) */
    public JsonLinesReader(boolean activity) {
        this.activity = activity;
    }

    public void read(Path file, Consumer<ClosedScope> scopes, Consumer<String> problems) throws IOException {
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                ClosedScope scope;
                try {
                    scope = scope(new JsonReader(new StringReader(line)));
                } catch (IOException | RuntimeException e) {
                    problems.accept(file + ":" + number + ": not a scope line, skipped (" + e.getMessage() + ")");
                    continue;
                }
                scopes.accept(scope);
            }
        }
    }

    private ClosedScope scope(JsonReader json) throws IOException {
        String name = null;
        String kind = null;
        int statements = 0;
        boolean truncated = false;
        List<ReportedFinding> findings = List.of();
        long sqlNanos = 0;
        int similar = 0;
        int duplicates = 0;
        List<ScopeActivity.ShapeTotal> shapes = List.of();
        List<ScopeActivity.Execution> timeline = List.of();
        int timelineTotal = 0;
        json.beginObject();
        boolean findingsRead = false;
        while (!(findingsRead && !activity && name != null) && json.hasNext()) {
            switch (json.nextName()) {
                case "scope" -> {
                    json.beginObject();
                    while (json.hasNext()) {
                        switch (json.nextName()) {
                            case "name" -> name = json.nextString();
                            case "kind" -> kind = json.nextString();
                            default -> json.skipValue();
                        }
                    }
                    json.endObject();
                }
                case "statements" -> statements = (int) json.nextLong();
                case "truncated" -> truncated = json.nextBoolean();
                case "findings" -> {
                    findings = findings(json);
                    findingsRead = true;
                }
                case "sqlNanos" -> sqlNanos = json.nextLong();
                case "similar" -> similar = (int) json.nextLong();
                case "duplicates" -> duplicates = (int) json.nextLong();
                case "shapes" -> {
                    if (activity) {
                        shapes = shapes(json);
                    } else {
                        json.skipValue();
                    }
                }
                case "timeline" -> {
                    if (activity) {
                        json.beginObject();
                        while (json.hasNext()) {
                            switch (json.nextName()) {
                                case "total" -> timelineTotal = (int) json.nextLong();
                                case "executions" -> timeline = executions(json);
                                default -> json.skipValue();
                            }
                        }
                        json.endObject();
                    } else {
                        json.skipValue();
                    }
                }
                default -> json.skipValue();
            }
        }
        if (!findingsRead || activity) {
            json.endObject();
        }
        if (name == null) {
            throw new IOException("no scope name");
        }
        List<ScopeActivity.Execution> drawable = new ArrayList<>(timeline.size());
        for (ScopeActivity.Execution execution : timeline) {
            if (execution.shape() >= 0 && execution.shape() < shapes.size()) {
                drawable.add(execution);
            }
        }
        return new ClosedScope(name, kind == null ? "unknown" : kind, statements, truncated, findings,
                new ScopeActivity(sqlNanos, similar, duplicates, shapes, drawable, Math.max(timelineTotal, statements)));
    }

    private static List<ScopeActivity.ShapeTotal> shapes(JsonReader json) throws IOException {
        List<ScopeActivity.ShapeTotal> shapes = new ArrayList<>();
        json.beginArray();
        while (json.hasNext()) {
            String sql = null;
            String type = null;
            int executions = 0;
            int distinctKeys = 0;
            long nanos = 0;
            json.beginObject();
            while (json.hasNext()) {
                switch (json.nextName()) {
                    case "sql" -> sql = json.nextString();
                    case "type" -> type = json.nextString();
                    case "executions" -> executions = (int) json.nextLong();
                    case "distinctKeys" -> distinctKeys = (int) json.nextLong();
                    case "nanos" -> nanos = json.nextLong();
                    default -> json.skipValue();
                }
            }
            json.endObject();
            shapes.add(new ScopeActivity.ShapeTotal(sql, type, executions, distinctKeys, nanos));
        }
        json.endArray();
        return shapes;
    }

    private static List<ScopeActivity.Execution> executions(JsonReader json) throws IOException {
        List<ScopeActivity.Execution> executions = new ArrayList<>();
        json.beginArray();
        while (json.hasNext()) {
            json.beginArray();
            int shape = (int) json.nextLong();
            long offset = json.nextLong();
            long duration = json.nextLong();
            while (json.hasNext()) {
                json.skipValue();
            }
            json.endArray();
            executions.add(new ScopeActivity.Execution(shape, offset, duration));
        }
        json.endArray();
        return executions;
    }

    private static List<ReportedFinding> findings(JsonReader json) throws IOException {
        List<ReportedFinding> findings = new ArrayList<>();
        json.beginArray();
        while (json.hasNext()) {
            findings.add(finding(json));
        }
        json.endArray();
        return findings;
    }

    private static ReportedFinding finding(JsonReader json) throws IOException {
        FindingFields f = new FindingFields();
        json.beginObject();
        while (json.hasNext()) {
            switch (json.nextName()) {
                case "id" -> f.id = json.nextString();
                case "kind" -> f.kind = json.nextString();
                case "confidence" -> f.confidence = json.nextString();
                case "executions" -> f.executions = (int) json.nextLong();
                case "distinctKeys" -> f.distinctKeys = (int) json.nextLong();
                case "maxRows" -> f.maxRows = (int) json.nextLong();
                case "sql" -> f.sql = json.nextString();
                case "callSite" -> f.callSite = json.nextString();
                case "parent" -> parent(json, f);
                case "suggestion" -> f.fix = json.nextIfNull() ? null : fix(json);
                case "timeNanos" -> f.timeNanos = json.nextLong();
                case "executionsEstimated" -> f.executionsEstimated = json.nextBoolean();
                case "sampleValues" -> {
                    f.sampleValues = new ArrayList<>();
                    json.beginArray();
                    while (json.hasNext()) {
                        f.sampleValues.add(json.nextString());
                    }
                    json.endArray();
                }
                default -> json.skipValue();
            }
        }
        json.endObject();
        if (f.id == null || f.kind == null) {
            throw new IOException("a finding without id or kind");
        }
        return new ReportedFinding(f.id, f.kind, f.confidence, f.executions, f.distinctKeys, f.maxRows, f.sql,
                f.callSite, f.parentSql, f.parentColumn, f.parentRows, f.fix, f.timeNanos, f.sampleValues,
                f.executionsEstimated);
    }

    /** The fields of one finding while its object is read. */
    private static final class FindingFields {
        String id;
        String kind;
        String confidence;
        int executions;
        int distinctKeys;
        int maxRows;
        String sql;
        String callSite;
        String parentSql;
        String parentColumn;
        int parentRows;
        ReportedFinding.Fix fix;
        long timeNanos;
        boolean executionsEstimated;
        List<String> sampleValues;
    }

    private static void parent(JsonReader json, FindingFields f) throws IOException {
        if (json.nextIfNull()) {
            return;
        }
        json.beginObject();
        while (json.hasNext()) {
            switch (json.nextName()) {
                case "sql" -> f.parentSql = json.nextString();
                case "column" -> f.parentColumn = json.nextString();
                case "rows" -> f.parentRows = (int) json.nextLong();
                default -> json.skipValue();
            }
        }
        json.endObject();
    }

    private static ReportedFinding.Fix fix(JsonReader json) throws IOException {
        String strategy = null;
        String sql = null;
        int before = 0;
        int after = 0;
        String reason = null;
        String hint = null;
        json.beginObject();
        while (json.hasNext()) {
            switch (json.nextName()) {
                case "strategy" -> strategy = json.nextString();
                case "sql" -> sql = json.nextString();
                case "queriesBefore" -> before = (int) json.nextLong();
                case "queriesAfter" -> after = (int) json.nextLong();
                case "reason" -> reason = json.nextString();
                case "frameworkHint" -> hint = json.nextString();
                default -> json.skipValue();
            }
        }
        json.endObject();
        return new ReportedFinding.Fix(strategy, sql, before, after, reason, hint);
    }
}
