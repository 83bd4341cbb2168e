package dev.nplusone.agent;

import java.util.List;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The test-framework methods the agent hooks, each in one class known by name, so a test suite run with the
 * agent gets a scope per test without any change to the project ({@link TestScopes}, {@link TestPlans}).
 *
 * <p>Why these: each is the one place a framework invokes every test method and fixture method, with what
 * names them at hand, and has kept its name and signature across many releases. Jupiter's
 * {@code InterceptingExecutableInvoker.invoke(Method, Object, ExtensionContext, ...)} (checked in 5.10, 5.14, 6.1) runs
 * extensions' interceptors inside it, so a project's own {@code @NoNPlusOne} scope is innermost and wins.
 * JUnit 4's {@code FrameworkMethod.invokeExplosively} serves its own runners and the Vintage engine alike. A
 * {@code TestExecutionListener} would be public API, but it is told of a test before its {@code @BeforeEach}
 * methods run and cannot keep them out of the test's scope. {@code DefaultLauncher.execute} ends the test
 * plan while a forked test JVM's output still reaches the build.
 */
enum TestFrameworkHook implements WovenCalls {
    /** {@code invoke(Method, Object target, ExtensionContext, ...)}: {@code TestScopes.enterJupiter(method, context)}. */
    JUPITER_INVOCATION("org/junit/jupiter/engine/execution/InterceptingExecutableInvoker", "invoke",
            "(Ljava/lang/reflect/Method;Ljava/lang/Object;Lorg/junit/jupiter/api/extension/ExtensionContext;",
            TestScopes.class, "enterJupiter", 1, 3),
    /** {@code invokeExplosively(Object target, Object...)}: {@code TestScopes.enterJUnit4(this, target)}. */
    JUNIT4_INVOCATION("org/junit/runners/model/FrameworkMethod", "invokeExplosively",
            "(Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;", TestScopes.class, "enterJUnit4", 0, 1),
    /** Every {@code execute(...)}: {@code TestPlans.enter()}. */
    TEST_PLAN("org/junit/platform/launcher/core/DefaultLauncher", "execute", "(", TestPlans.class, "enter");

    private static final List<TestFrameworkHook> ALL = List.of(values());

    private final String className;
    private final String methodName;
    private final String descriptorStart;
    /** The class of the static {@code enter...(Object...)} and {@code exit()} calls woven in. */
    private final String hooks;
    private final String enter;
    /** The local variable slots passed to {@link #enter}, each as an {@code Object}. */
    private final int[] enterArguments;

    TestFrameworkHook(String className, String methodName, String descriptorStart, Class<?> hooks, String enter,
                      int... enterArguments) {
        this.className = className;
        this.methodName = methodName;
        this.descriptorStart = descriptorStart;
        this.hooks = hooks.getName().replace('.', '/');
        this.enter = enter;
        this.enterArguments = enterArguments;
    }

    /** The hook of a class (internal name) the agent weaves for test frameworks, or null. */
    static TestFrameworkHook of(String className) {
        for (TestFrameworkHook hook : ALL) {
            if (hook.className.equals(className)) {
                return hook;
            }
        }
        return null;
    }

    /** This hook for a declared method it applies to, else null. */
    WovenCalls select(int access, String name, String descriptor) {
        boolean instanceMethod = (access & (Opcodes.ACC_STATIC | Opcodes.ACC_ABSTRACT)) == 0;
        return instanceMethod && name.equals(methodName) && descriptor.startsWith(descriptorStart) ? this : null;
    }

    @Override
    public void enter(MethodVisitor code) {
        for (int slot : enterArguments) {
            code.visitVarInsn(Opcodes.ALOAD, slot);
        }
        code.visitMethodInsn(Opcodes.INVOKESTATIC, hooks, enter,
                "(" + "Ljava/lang/Object;".repeat(enterArguments.length) + ")V", false);
    }

    @Override
    public void beforeReturn(MethodVisitor code) {
        code.visitMethodInsn(Opcodes.INVOKESTATIC, hooks, "exit", "()V", false);
    }
}
