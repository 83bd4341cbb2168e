package dev.nplusone.agent;

import dev.nplusone.internal.TestScopeNames;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Names the scope of a method a test framework invokes: the test's name for a test method, {@code ClassName
 * [fixture]} for everything else it invokes around tests ({@code @BeforeEach}, {@code @BeforeAll}, argument
 * sources). The frameworks' types are in the application's class loader, not the agent's, so they are read by
 * reflection on their public API, looked up once per class.
 */
final class TestInvocations {
    private static final String EXTENSION_CONTEXT = "org.junit.jupiter.api.extension.ExtensionContext";
    private static final String FRAMEWORK_METHOD = "org.junit.runners.model.FrameworkMethod";
    private static final String JUNIT4_TEST = "org.junit.Test";

    private static final ClassValue<Method[]> JUPITER_CONTEXT = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> contextClass) {
            Class<?> api = publicType(EXTENSION_CONTEXT, contextClass);
            return new Method[] {method(api, "getTestClass"), method(api, "getTestMethod"),
                    method(api, "getDisplayName")};
        }
    };
    private static final ClassValue<Method> JUNIT4_GET_METHOD = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> frameworkMethodClass) {
            return method(publicType(FRAMEWORK_METHOD, frameworkMethodClass), "getMethod");
        }
    };

    private TestInvocations() {
    }

    /** Jupiter: {@code invoked} is the test method of {@code context}, or a fixture of its class. */
    static String jupiter(Object invoked, Object context) throws ReflectiveOperationException {
        Method[] api = JUPITER_CONTEXT.get(context.getClass());
        Class<?> testClass = ((Optional<?>) api[0].invoke(context)).map(Class.class::cast).orElse(null);
        Object testMethod = ((Optional<?>) api[1].invoke(context)).orElse(null);
        if (testClass == null) {
            return null;
        }
        if (invoked.equals(testMethod)) {
            return TestScopeNames.test(testClass, ((Method) invoked).getName(), (String) api[2].invoke(context));
        }
        return TestScopeNames.fixture(testClass);
    }

    /** JUnit 4 (its own runners and the Vintage engine): an {@code @Test} method, else a fixture. */
    static String junit4(Object frameworkMethod, Object target) throws ReflectiveOperationException {
        Method invoked = (Method) JUNIT4_GET_METHOD.get(frameworkMethod.getClass()).invoke(frameworkMethod);
        Class<?> testClass = target == null ? invoked.getDeclaringClass() : target.getClass();
        for (var annotation : invoked.getAnnotations()) {
            if (annotation.annotationType().getName().equals(JUNIT4_TEST)) {
                return TestScopeNames.test(testClass, invoked.getName(), null);
            }
        }
        return TestScopeNames.fixture(testClass);
    }

    /** The framework's public type, from the loader of its implementation class. */
    private static Class<?> publicType(String name, Class<?> implementation) {
        try {
            return Class.forName(name, false, implementation.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name + " is not visible from " + implementation, e);
        }
    }

    private static Method method(Class<?> type, String name) {
        try {
            return type.getMethod(name);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type + " has no " + name + "()", e);
        }
    }
}
