package dev.nplusone.internal.detect;

import dev.nplusone.Finding;
import dev.nplusone.ShapeStats;
import dev.nplusone.ScopeReport;
import dev.nplusone.StatementType;
import dev.nplusone.internal.Faults;
import dev.nplusone.internal.Failures;
import dev.nplusone.internal.config.Config;
import dev.nplusone.internal.scope.Framework;
import dev.nplusone.internal.scope.ScopeRecorder;
import dev.nplusone.internal.scope.ShapeGroup;
import dev.nplusone.internal.sql.JoinedColumns;
import dev.nplusone.internal.sql.ValueHash;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The detect stage: turns a closed scope's counters into findings. A group (one shape from one call site)
 * is a finding when its single-key executions reach the threshold: {@code DUPLICATE} when they all used the
 * same key, {@code N_PLUS_ONE} when the shape is a lookup by key and the keys differ, {@code WRITE_LOOP} when
 * the shape writes one row each time. Batched executions (IN lists with several values, arrays,
 * {@code executeBatch}) never count towards any. A joining select is also judged for {@code UNUSED_JOIN}
 * (see {@link UnusedJoins}).
 */
public final class Detector {
    /** Turns a finding's evidence into its suggestion; the suggest stage plugs in here. */
    public interface SuggestionMaker {
        Finding.Suggestion suggest(ShapeGroup group, ParentLink parent, ScopeRecorder.Snapshot scope);

        /** The cure of a write loop (batching, one statement for all rows), or null. */
        default Finding.Suggestion suggestWrites(ShapeGroup group, ScopeRecorder.Snapshot scope) {
            return null;
        }

        /** The statement without {@code join}, whose columns nobody read, or null. */
        default Finding.Suggestion suggestDropJoin(ShapeGroup group, JoinedColumns.Joined join, int columns) {
            return null;
        }
    }

    private Detector() {
    }

    public static ScopeReport detect(ScopeRecorder.Snapshot scope, Config config, SuggestionMaker suggestions) {
        Faults.check(Faults.Stage.DETECTION);
        List<Finding> findings = new ArrayList<>();
        for (ShapeGroup group : scope.groups()) {
            try {
                Finding finding = judge(group, scope, config, suggestions);
                if (finding != null && !ignored(finding, config)) {
                    findings.add(finding);
                }
                for (Finding unused : UnusedJoins.judge(group, scope.threshold(), suggestions)) {
                    if (!ignored(unused, config)) {
                        findings.add(unused);
                    }
                }
            } catch (Throwable t) {
                if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
                    throw t;
                }
                // One shape the analysis cannot handle must not hide the scope's other findings.
                Failures.record("detection of one shape", t);
            }
        }
        findings.sort(Comparator.comparingInt(Finding::executions).reversed());
        List<ShapeStats> shapes = new ArrayList<>(scope.shapes().size());
        for (ScopeRecorder.ShapeSummary summary : scope.shapes()) {
            shapes.add(new ShapeStats(summary.shape().sql(), summary.type(), summary.executions(),
                    summary.distinctKeys(), summary.callSites()));
        }
        return new ScopeReport(scope.name(), scope.kind(), scope.statements(), findings, shapes, scope.truncated());
    }

    private static Finding judge(ShapeGroup group, ScopeRecorder.Snapshot scope, Config config,
                                 SuggestionMaker suggestions) {
        if (group.shape().writes()) {
            return writeLoop(group, scope, config, suggestions);
        }
        if (group.shape().kind() != StatementType.SELECT || group.lookupExecutions() < scope.threshold()) {
            return null;
        }
        List<String> samples = config.captureValues() ? group.samples() : List.of();
        if (group.distinctKeys() <= 1 && !group.keysSaturated()) {
            return finding(group, Finding.Kind.DUPLICATE, Finding.Confidence.CONFIRMED, null, null, samples);
        }
        if (!group.shape().analysis().isKeyLookup()) {
            return null;
        }
        ParentLink link = ParentLinker.link(group, scope);
        Finding.Suggestion suggestion = suggestions.suggest(group, link, scope);
        return finding(group, Finding.Kind.N_PLUS_ONE, link.confidence(), link.parent(), suggestion, samples);
    }

    /**
     * One INSERT, UPDATE or DELETE shape run at least threshold times from one call site, one row each, not
     * through {@code executeBatch} (batched executions do not count). A write that changed several rows is a
     * bulk statement, not a per-row habit; the lines of a schema or seed script run one by one are a script.
     */
    private static Finding writeLoop(ShapeGroup group, ScopeRecorder.Snapshot scope, Config config,
                                     SuggestionMaker suggestions) {
        if (group.lookupExecutions() < scope.threshold() || group.maxRows() > 1
                || Framework.SCHEMA_SCRIPTS.in(group.callSite().frameworks())) {
            return null;
        }
        List<String> samples = config.captureValues() ? group.samples() : List.of();
        return new Finding(findingId(Finding.Kind.WRITE_LOOP.name(), group.shape().sql(), group.callSite().toString()),
                Finding.Kind.WRITE_LOOP, Finding.Confidence.CONFIRMED, group.lookupExecutions(), group.distinctKeys(),
                group.maxRows(), group.shape().sql(), group.callSite().toString(), null,
                suggestions.suggestWrites(group, scope), group.nanos(), samples, group.executionsEstimated(),
                Math.min(group.walkedExecutions(), group.lookupExecutions()));
    }

    private static Finding finding(ShapeGroup group, Finding.Kind kind, Finding.Confidence confidence,
                                   Finding.Parent parent, Finding.Suggestion suggestion, List<String> samples) {
        String id = findingId(parent == null ? "" : parent.sql(), group.shape().sql(), group.callSite().toString());
        return new Finding(id, kind, confidence, group.executions(), group.distinctKeys(), group.maxRows(),
                group.shape().sql(), group.callSite().toString(), parent, suggestion, group.nanos(), samples,
                group.executionsEstimated(), group.walkedExecutions());
    }

    static String findingId(String parentSql, String childSql, String callSite) {
        long hash = ValueHash.combine(ValueHash.combine(ValueHash.ofString(parentSql), ValueHash.ofString(childSql)),
                ValueHash.ofString(callSite));
        return hex16(hash);
    }

    /** {@code String.format("%016x", value)} without the formatter, which is most of an id's cost. */
    static String hex16(long value) {
        String digits = Long.toHexString(value);
        return digits.length() == 16 ? digits : "0".repeat(16 - digits.length()) + digits;
    }

    private static boolean ignored(Finding finding, Config config) {
        return config.ignore() != null && (config.ignore().matcher(finding.sql()).find()
                || config.ignore().matcher(finding.callSite()).find());
    }


}
