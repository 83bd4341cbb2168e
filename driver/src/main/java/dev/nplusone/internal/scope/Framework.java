package dev.nplusone.internal.scope;

/**
 * Data-access frameworks recognised on the call stack, as bits, so the fix can be said in their idiom. Which
 * frames belong to which framework is in {@link FrameworkFrames}.
 */
public enum Framework {
    HIBERNATE,
    SPRING_DATA,
    JOOQ,
    MYBATIS;

    public int bit() {
        return 1 << ordinal();
    }

    public boolean in(int bits) {
        return (bits & bit()) != 0;
    }
}
