package dev.nplusone.agent;

import dev.nplusone.internal.Failures;
import dev.nplusone.internal.OpenScope;
import dev.nplusone.internal.scope.ScopeRecorder;

/**
 * Called from the code {@link HookWeaver} weaves into test frameworks ({@link NamedClassHook}, hence
 * public): one scope of kind {@code test} around each test method the framework invokes, named like the JUnit
 * extension's, and one named {@code ClassName [fixture]} around each fixture method, so a loop in
 * {@code @BeforeEach} is not blamed on the test. Only the outermost invocation on a thread opens a scope; a
 * scope the project opens inside it ({@code @NoNPlusOne}, {@code NPlusOne.scope}) is innermost and wins.
 */
public final class TestScopes {
    private static final ThreadLocal<OnThread> CURRENT = ThreadLocal.withInitial(OnThread::new);

    private TestScopes() {
    }

    private static final class OnThread {
        int depth;
        OpenScope scope;
    }

    /** Jupiter invoking {@code method} (a test or lifecycle method) in {@code extensionContext}. Never throws. */
    public static void enterJupiter(Object method, Object extensionContext) {
        enter(() -> TestInvocations.jupiter(method, extensionContext));
    }

    /** JUnit 4 invoking a {@code FrameworkMethod} on {@code target} (null for static methods). Never throws. */
    public static void enterJUnit4(Object frameworkMethod, Object target) {
        enter(() -> TestInvocations.junit4(frameworkMethod, target));
    }

    @FunctionalInterface
    private interface ScopeName {
        /** The name of the invocation's scope, or null for none. */
        String read() throws ReflectiveOperationException;
    }

    private static void enter(ScopeName name) {
        try {
            OnThread current = CURRENT.get();
            if (current.depth++ == 0) {
                String scopeName = name.read();
                if (scopeName != null && AgentRuntime.reporter() != null) {
                    AgentHealth.watchedScopes("test scopes on JUnit");
                    current.scope = OpenScope.open(scopeName, ScopeRecorder.TEST_KIND, 0);
                }
            }
        } catch (Throwable t) {
            Failures.record("agent test scope", t);
        }
    }

    /** The invocation returned or threw. Never throws. */
    public static void exit() {
        try {
            OnThread current = CURRENT.get();
            if (--current.depth != 0 || current.scope == null) {
                return;
            }
            OpenScope scope = current.scope;
            current.scope = null;
            scope.close();
        } catch (Throwable t) {
            Failures.record("agent test scope", t);
        }
    }
}
