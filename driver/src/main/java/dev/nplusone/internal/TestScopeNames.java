package dev.nplusone.internal;

/**
 * How scopes opened for tests are named, the same whether the JUnit extension or the agent opens them, so a
 * finding reads the same in both and a project can move from one to the other.
 */
public final class TestScopeNames {
    /** What follows the class name of a scope of fixture methods ({@code @BeforeEach}, {@code @BeforeAll}). */
    public static final String FIXTURE_SUFFIX = " [fixture]";

    private TestScopeNames() {
    }

    /** {@code PostPageTest.renders}, plus the display name when it says more (parameterized tests). */
    public static String test(Class<?> testClass, String method, String displayName) {
        String name = testClass.getSimpleName() + "." + method;
        return displayName == null || displayName.startsWith(method + "(") ? name : name + " " + displayName;
    }

    /** {@code PostPageTest [fixture]}. */
    public static String fixture(Class<?> testClass) {
        return testClass.getSimpleName() + FIXTURE_SUFFIX;
    }
}
