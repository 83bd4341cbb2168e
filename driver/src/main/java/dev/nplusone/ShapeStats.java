package dev.nplusone;

/**
 * What one statement shape did in a scope, whatever the verdict: the raw counts behind count assertions.
 *
 * @param sql          the fingerprint
 * @param type         SELECT, INSERT, ...
 * @param executions   how many times it ran
 * @param distinctKeys how many different key tuples it ran with (at most a bounded number are tracked)
 * @param callSites    from how many call sites
 */
public record ShapeStats(String sql, StatementType type, int executions, int distinctKeys, int callSites) {
}
