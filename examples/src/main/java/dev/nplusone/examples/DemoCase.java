package dev.nplusone.examples;

import dev.nplusone.Finding;
import java.util.List;

/**
 * One trap of the seeds, as the demo runs it: the N+1 version in plain JDBC and in Hibernate, the findings
 * nplusone must report for each, and the fixed versions, which must report nothing and return the same page.
 */
record DemoCase(String title, String seed, Side jdbc, Side hibernate) {

    /** Loads a page through a watched DataSource or SessionFactory. */
    interface Page {
        Object load() throws Exception;
    }

    /**
     * One way of writing the page.
     *
     * @param how        the code that does it, as the reader finds it
     * @param page       runs it
     * @param statements statements it must take
     */
    record Version(String strategy, String how, Page page, int statements) {
    }

    /**
     * A finding the N+1 version must produce.
     *
     * @param table        the table the repeated lookup reads (its first FROM table)
     * @param strategy     the cure nplusone must suggest
     * @param executions   how many times the lookup ran
     * @param distinctKeys with how many different keys
     */
    record Expected(Finding.Kind kind, String table, Finding.Strategy strategy, int executions, int distinctKeys) {
        boolean matches(Finding finding) {
            String from = finding.sql().replace("insert into ", " from ").replace("update ", " from ")
                    .replace("(", " ");
            return finding.kind() == kind && from.contains(" from " + table + " ")
                    && finding.suggestion() != null && finding.suggestion().strategy() == strategy
                    && finding.executions() == executions && finding.distinctKeys() == distinctKeys
                    && finding.confidence() == Finding.Confidence.CONFIRMED;
        }

        @Override
        public String toString() {
            String name = kind == Finding.Kind.N_PLUS_ONE ? "N+1" : kind.name();
            return name + " on " + table + " (" + executions + " executions, " + distinctKeys + " keys) -> " + strategy;
        }
    }

    /** The case in one data-access style: the loop, what nplusone must say about it, and the cures. */
    record Side(String style, Version loop, List<Expected> expected, List<Version> fixes) {
    }

    static Version version(String how, int statements, Page page) {
        return new Version("N+1", how, page, statements);
    }

    static Version fix(String strategy, String how, int statements, Page page) {
        return new Version(strategy, how, page, statements);
    }

    static Expected expect(String table, Finding.Strategy strategy, int executions, int distinctKeys) {
        return new Expected(Finding.Kind.N_PLUS_ONE, table, strategy, executions, distinctKeys);
    }

    /** A finding of another kind than N+1: a write loop on the table written, an unused join on the FROM table. */
    static Expected expect(Finding.Kind kind, String table, Finding.Strategy strategy, int executions, int distinctKeys) {
        return new Expected(kind, table, strategy, executions, distinctKeys);
    }
}
