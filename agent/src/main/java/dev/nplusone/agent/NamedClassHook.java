package dev.nplusone.agent;

import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * The framework methods the agent hooks in classes known by name. Test frameworks: each method is in one class, so
 * a test suite run with the agent gets a scope per test without any change to the project ({@link TestScopes},
 * {@link TestPlans}). Spring MVC: the two calls around an asynchronous request's {@code Callable}, on the thread that
 * runs it, carry the request's scope there ({@link HttpScopes#enterAsyncWork}).
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
enum NamedClassHook implements WovenCalls {
    /** {@code invoke(Method, Object target, ExtensionContext, ...)}: {@code TestScopes.enterJupiter(method, context)}. */
    JUPITER_INVOCATION("org/junit/jupiter/engine/execution/InterceptingExecutableInvoker", "invoke",
            "(Ljava/lang/reflect/Method;Ljava/lang/Object;Lorg/junit/jupiter/api/extension/ExtensionContext;",
            TestScopes.class, "enterJupiter", 1, 3),
    /** {@code invokeExplosively(Object target, Object...)}: {@code TestScopes.enterJUnit4(this, target)}. */
    JUNIT4_INVOCATION("org/junit/runners/model/FrameworkMethod", "invokeExplosively",
            "(Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;", TestScopes.class, "enterJUnit4", 0, 1),
    /** Every {@code execute(...)}: {@code TestPlans.enter()}. */
    TEST_PLAN("org/junit/platform/launcher/core/DefaultLauncher", "execute", "(", TestPlans.class, "enter"),
    /**
     * {@code applyPreProcess(NativeWebRequest, Callable)}, called on the executor's thread right before the
     * controller's {@code Callable} (the same in Spring 6.2 and 7.0): {@code HttpScopes.enterAsyncWork(request)}.
     */
    SPRING_CALLABLE_START("org/springframework/web/context/request/async/CallableInterceptorChain", "applyPreProcess", "(Lorg/springframework/web/context/request/NativeWebRequest;",
            HttpScopes.class, "enterAsyncWork", null, 1),
    /** {@code applyPostProcess(NativeWebRequest, Callable, Object)}, right after it: {@code HttpScopes.exitAsyncWork()}. */
    SPRING_CALLABLE_END("org/springframework/web/context/request/async/CallableInterceptorChain", "applyPostProcess", "(Lorg/springframework/web/context/request/NativeWebRequest;",
            HttpScopes.class, "exitAsyncWork", (String) null);

    private static final List<NamedClassHook> ALL = List.of(values());

    private final String className;
    private final String methodName;
    private final String descriptorStart;
    /** The class of the static {@code enter...(Object...)} and {@code exit()} calls woven in. */
    private final String hooks;
    private final String enter;
    /** The static no-argument call before each return, or null for none. */
    private final String exit;
    /** The local variable slots passed to {@link #enter}, each as an {@code Object}. */
    private final int[] enterArguments;

    NamedClassHook(String className, String methodName, String descriptorStart, Class<?> hooks, String enter,
                   int... enterArguments) {
        this(className, methodName, descriptorStart, hooks, enter, "exit", enterArguments);
    }

    NamedClassHook(String className, String methodName, String descriptorStart, Class<?> hooks, String enter,
                   String exit, int... enterArguments) {
        this.exit = exit;
        this.className = className;
        this.methodName = methodName;
        this.descriptorStart = descriptorStart;
        this.hooks = hooks.getName().replace('.', '/');
        this.enter = enter;
        this.enterArguments = enterArguments;
    }

    /** Which methods of a class (internal name) the agent weaves by name, or null for a class it does not know by name. */
    static HookWeaver.MethodSelector of(String className) {
        List<NamedClassHook> hooks = null;
        for (NamedClassHook hook : ALL) {
            if (hook.className.equals(className)) {
                hooks = hooks == null ? new ArrayList<>() : hooks;
                hooks.add(hook);
            }
        }
        List<NamedClassHook> found = hooks;
        return found == null ? null : (access, name, descriptor) -> {
            for (NamedClassHook hook : found) {
                WovenCalls calls = hook.select(access, name, descriptor);
                if (calls != null) {
                    return calls;
                }
            }
            return null;
        };
    }

    /** This hook for a declared method it applies to, else null. */
    private WovenCalls select(int access, String name, String descriptor) {
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
        if (exit != null) {
            code.visitMethodInsn(Opcodes.INVOKESTATIC, hooks, exit, "()V", false);
        }
    }
}
