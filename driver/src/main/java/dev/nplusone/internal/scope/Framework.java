package dev.nplusone.internal.scope;

/** Data-access frameworks recognised on the call stack, as bits, so the fix can be said in their idiom. */
public enum Framework {
    HIBERNATE("org.hibernate."),
    SPRING_DATA("org.springframework.data."),
    JOOQ("org.jooq."),
    MYBATIS("org.apache.ibatis.");

    private final String packagePrefix;

    Framework(String packagePrefix) {
        this.packagePrefix = packagePrefix;
    }

    public int bit() {
        return 1 << ordinal();
    }

    public boolean in(int bits) {
        return (bits & bit()) != 0;
    }

    static int bitsOf(String className) {
        for (Framework framework : values()) {
            if (className.startsWith(framework.packagePrefix)) {
                return framework.bit();
            }
        }
        return 0;
    }
}
