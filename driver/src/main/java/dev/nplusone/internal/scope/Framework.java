package dev.nplusone.internal.scope;

/** Data-access frameworks recognised on the call stack, as bits, so the fix can be said in their idiom. */
public enum Framework {
    HIBERNATE("org.hibernate."),
    SPRING_DATA("org.springframework.data."),
    JOOQ("org.jooq."),
    MYBATIS("org.apache.ibatis."),
    /**
     * Hibernate initialising a lazy proxy or collection: the loop touches an association, rather than running
     * a query of its own, and the fix is a fetch plan on the parent's query rather than a different query.
     */
    HIBERNATE_LAZY("org.hibernate.proxy.", "org.hibernate.collection.");

    private final String[] packagePrefixes;

    Framework(String... packagePrefixes) {
        this.packagePrefixes = packagePrefixes;
    }

    public int bit() {
        return 1 << ordinal();
    }

    public boolean in(int bits) {
        return (bits & bit()) != 0;
    }

    static int bitsOf(String className) {
        int bits = 0;
        for (Framework framework : values()) {
            for (String prefix : framework.packagePrefixes) {
                if (className.startsWith(prefix)) {
                    bits |= framework.bit();
                }
            }
        }
        return bits;
    }
}
