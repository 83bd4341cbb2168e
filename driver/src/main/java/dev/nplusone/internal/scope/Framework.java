package dev.nplusone.internal.scope;

/**
 * Data-access frameworks recognised on the call stack, as bits, so the fix can be said in their idiom. Which
 * frames belong to which framework is in {@link FrameworkFrames}.
 */
public enum Framework {
    HIBERNATE,
    SPRING_DATA,
    JOOQ,
    MYBATIS,
    /**
     * Hibernate initialising a lazy proxy or collection: the loop touches an association, rather than running
     * a query of its own, and the fix is a fetch plan on the parent's query rather than a different query.
     */
    HIBERNATE_LAZY,
    /**
     * A schema or seed script runner (Spring's ScriptUtils, Flyway, Liquibase): its statements are the script's
     * lines, one after another, not a loop of the application's.
     */
    SCHEMA_SCRIPTS;

    public int bit() {
        return 1 << ordinal();
    }

    public boolean in(int bits) {
        return (bits & bit()) != 0;
    }
}
