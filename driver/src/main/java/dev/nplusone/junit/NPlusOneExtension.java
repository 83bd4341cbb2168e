package dev.nplusone.junit;

import dev.nplusone.Finding;
import dev.nplusone.ScopeReport;
import dev.nplusone.internal.OpenScope;
import dev.nplusone.internal.TestScopeNames;
import dev.nplusone.internal.report.LiveReports;
import dev.nplusone.internal.scope.ScopeRecorder;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Gives every test method its own nplusone scope, on the test's thread, around the method body only; fails
 * the test on N+1 findings when {@link NoNPlusOne} applies, and resolves {@link RecordedQueries} parameters.
 * Registered by {@link NoNPlusOne}. Registered alone ({@code @ExtendWith(NPlusOneExtension.class)}) it only
 * records: tests can read {@link RecordedQueries}, findings go to the log and the JSON report, nothing fails.
 *
 * <p>The scope is opened in {@link #interceptTestMethod} rather than in a before-each callback so that
 * statements of {@code @BeforeEach} methods stay out of it. Per-test state lives in the test's own store,
 * so tests running in parallel never share a scope. Parameterized and repeated tests get a scope per
 * invocation; {@code @TestFactory} dynamic tests are not scoped (use {@link NPlusOneAssertions} in them).
 */
public final class NPlusOneExtension implements InvocationInterceptor, ParameterResolver, AfterAllCallback {
    /** JUnit configuration parameter: the threshold of {@link NoNPlusOne} tests that do not set one. */
    public static final String THRESHOLD_PARAMETER = "nplusone.threshold";
    /**
     * JUnit configuration parameter: {@code true} fails every class whose {@link NoNPlusOne} tests saw no statement,
     * as {@link NoNPlusOne#requireStatements()} does for one class.
     */
    public static final String REQUIRE_STATEMENTS_PARAMETER = "nplusone.junit.requireStatements";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NPlusOneExtension.class);
    private static final System.Logger LOG = System.getLogger("dev.nplusone");

    /** Instantiated by JUnit. */
    public NPlusOneExtension() {
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                    ExtensionContext context) throws Throwable {
        runInScope(invocation, context);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                            ExtensionContext context) throws Throwable {
        runInScope(invocation, context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RecordedQueries.class && context.getTestMethod().isPresent();
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return queries(context);
    }

    /**
     * Reports the class's {@link AllowNPlusOne} entries that none of its tests needed, and a class whose checked
     * tests ran no watched statement at all (failing it when {@link NoNPlusOne#requireStatements()} says so).
     */
    @Override
    public void afterAll(ExtensionContext context) {
        Class<?> type = context.getRequiredTestClass();
        ClassAllowances allowances = context.getStore(NAMESPACE).get(ClassAllowances.key(type), ClassAllowances.class);
        List<Allowance> stale = allowances == null ? List.of() : allowances.stale();
        if (!stale.isEmpty()) {
            warn(context, Messages.staleClassAllowances(stale, type));
        }
        ClassStatements statements = context.getStore(NAMESPACE).get(ClassStatements.key(type), ClassStatements.class);
        if (statements != null && statements.checkedNothing()) {
            String message = Messages.checkedNothing(type, statements.tests(), statements.required());
            if (statements.required()) {
                throw new AssertionFailedError(message);
            }
            warn(context, message);
        }
    }

    private static void warn(ExtensionContext context, String message) {
        context.publishReportEntry("nplusone", message);
        LOG.log(System.Logger.Level.WARNING, message);
    }

    private static void runInScope(Invocation<Void> invocation, ExtensionContext context) throws Throwable {
        Settings settings = Settings.of(context);
        RecordedQueries queries = queries(context);
        OpenScope scope = OpenScope.open(scopeName(context), ScopeRecorder.TEST_KIND, settings.threshold);
        ReportsAfterTestPlan.register(context);
        queries.started(scope);
        Throwable failure = null;
        try {
            invocation.proceed();
        } catch (Throwable t) {
            failure = t;
        } finally {
            scope.close();
        }
        ScopeReport report = scope.report();
        queries.finished(report);
        if (settings.check && !(failure instanceof TestAbortedException)) {
            classContext(context.getRequiredTestClass(), context).getStore(NAMESPACE)
                    .getOrComputeIfAbsent(ClassStatements.key(context.getRequiredTestClass()),
                            key -> new ClassStatements(), ClassStatements.class)
                    .tested(report.statements(), settings.requireStatements);
        }
        if (!settings.check) {
            if (failure != null) {
                throw failure;
            }
            AssertionError unaccepted = FailOn.verdict(report);
            if (unaccepted != null) {
                throw unaccepted;
            }
            return;
        }
        AssertionError verdict = settings.verdict(report, scope.recorder().threshold(), failure == null);
        if (failure != null) {
            if (verdict != null) {
                failure.addSuppressed(verdict);
            }
            throw failure;
        }
        if (verdict != null) {
            throw verdict;
        }
    }

    private static RecordedQueries queries(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(RecordedQueries.class,
                type -> new RecordedQueries(scopeName(context)), RecordedQueries.class);
    }

    /** {@code PostPageTest.renders}, plus the display name when it says more (parameterized tests). */
    static String scopeName(ExtensionContext context) {
        return TestScopeNames.test(context.getRequiredTestClass(), context.getRequiredTestMethod().getName(),
                context.getDisplayName());
    }

    /** The context of {@code type}: the test's own class or one it is nested in. */
    private static ExtensionContext classContext(Class<?> type, ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getElement().orElse(null) != type && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        return classContext;
    }

    /** What applies to one test: the annotations on its method, its class and the classes it is nested in. */
    private static final class Settings {
        final boolean check;
        final int threshold;
        final boolean requireStatements;
        final List<Allowance> methodAllowances;
        final List<ClassAllowances> classAllowances;
        /** The kinds of finding that fail the test ({@link NoNPlusOne#failOn()}). */
        Set<Finding.Kind> failOn = Set.of();

        private Settings(boolean check, int threshold, boolean requireStatements, List<Allowance> methodAllowances,
                         List<ClassAllowances> classAllowances) {
            this.check = check;
            this.threshold = threshold;
            this.requireStatements = requireStatements;
            this.methodAllowances = methodAllowances;
            this.classAllowances = classAllowances;
        }

        static Settings of(ExtensionContext context) {
            Method method = context.getRequiredTestMethod();
            List<AnnotatedElement> nearestFirst = new ArrayList<>();
            nearestFirst.add(method);
            nearestFirst.addAll(classes(context.getRequiredTestClass()));
            boolean check = false;
            boolean requireStatements = false;
            int threshold = 0;
            Set<Finding.Kind> failOn = null;
            for (AnnotatedElement element : nearestFirst) {
                Optional<NoNPlusOne> annotation = AnnotationSupport.findAnnotation(element, NoNPlusOne.class);
                if (annotation.isPresent()) {
                    check = true;
                    if (failOn == null) {
                        failOn = Set.of(annotation.get().failOn());
                    }
                    requireStatements |= annotation.get().requireStatements();
                    int value = annotation.get().threshold();
                    if (value != 0 && value < 2) {
                        throw new ExtensionConfigurationException("@NoNPlusOne(threshold = " + value + ") on "
                                + describe(element) + ": the threshold is 0 (the configured one) or at least 2");
                    }
                    threshold = threshold == 0 ? value : threshold;
                }
            }
            if (threshold == 0) {
                threshold = configuredThreshold(context);
            }
            List<Allowance> methodAllowances = new ArrayList<>();
            for (AllowNPlusOne allow : AnnotationSupport.findRepeatableAnnotations(method, AllowNPlusOne.class)) {
                methodAllowances.add(Allowance.of(allow, describe(method)));
            }
            List<ClassAllowances> classAllowances = new ArrayList<>();
            for (Class<?> type : classes(context.getRequiredTestClass())) {
                classAllowances.add(ClassAllowances.of(type, context));
            }
            requireStatements |= context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
                    REQUIRE_STATEMENTS_PARAMETER, key -> parseRequireStatements(
                            context.getConfigurationParameter(REQUIRE_STATEMENTS_PARAMETER).orElse("")), Boolean.class);
            Settings settings = new Settings(check, threshold, requireStatements, methodAllowances, classAllowances);
            settings.failOn = failOn == null ? Set.of() : failOn;
            return settings;
        }

        /** The test class, then the classes it is nested in ({@code @Nested} inner classes only). */
        private static List<Class<?>> classes(Class<?> testClass) {
            List<Class<?>> classes = new ArrayList<>();
            Class<?> type = testClass;
            classes.add(type);
            while (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
                type = type.getEnclosingClass();
                classes.add(type);
            }
            return classes;
        }

        /** The N+1 findings no entry allows, then the entries that allowed nothing; null when all is well. */
        AssertionError verdict(ScopeReport report, int effectiveThreshold, boolean bodyCompleted) {
            List<Finding> failing = new ArrayList<>();
            Set<Allowance> used = new LinkedHashSet<>();
            int allowed = 0;
            for (Finding finding : report.findings()) {
                if (!failOn.contains(finding.kind())) {
                    continue;
                }
                boolean allowedHere = false;
                for (Allowance allowance : methodAllowances) {
                    if (allowance.allows(finding)) {
                        used.add(allowance);
                        allowedHere = true;
                    }
                }
                for (ClassAllowances onClass : classAllowances) {
                    allowedHere |= onClass.allow(finding);
                }
                if (allowedHere) {
                    allowed++;
                } else {
                    failing.add(finding);
                }
            }
            List<Allowance> stale = new ArrayList<>();
            if (bodyCompleted) {
                for (Allowance allowance : methodAllowances) {
                    if (!used.contains(allowance)) {
                        stale.add(allowance);
                    }
                }
            } else {
                classAllowances.forEach(ClassAllowances::inconclusive);
            }
            if (failing.isEmpty() && stale.isEmpty()) {
                return null;
            }
            StringBuilder message = new StringBuilder();
            if (!failing.isEmpty()) {
                message.append(Messages.nPlusOneFound(report, failing, allowed, effectiveThreshold, true));
            }
            if (!stale.isEmpty()) {
                message.append(message.length() == 0 ? "" : "\n\n").append(Messages.staleAllowances(stale, report));
            }
            return new AssertionFailedError(message.toString());
        }

        private static int configuredThreshold(ExtensionContext context) {
            return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(THRESHOLD_PARAMETER,
                    key -> parseThreshold(context.getConfigurationParameter(THRESHOLD_PARAMETER).orElse("")),
                    Integer.class);
        }

        /** A bad value is reported once and ignored, as for every nplusone setting. */
        static int parseThreshold(String value) {
            String trimmed = value.trim();
            if (trimmed.isEmpty()) {
                return 0;
            }
            try {
                int threshold = Integer.parseInt(trimmed);
                if (threshold >= 2) {
                    return threshold;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            LOG.log(System.Logger.Level.ERROR, "nplusone: JUnit configuration parameter " + THRESHOLD_PARAMETER + "='"
                    + trimmed + "' is not a whole number of at least 2; using the nplusone.threshold configuration");
            return 0;
        }

        /** {@code true} or {@code false}; anything else is reported once and read as the default, false. */
        static boolean parseRequireStatements(String value) {
            String trimmed = value.trim();
            if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("false")) {
                return false;
            }
            if (trimmed.equalsIgnoreCase("true")) {
                return true;
            }
            LOG.log(System.Logger.Level.ERROR, "nplusone: JUnit configuration parameter " + REQUIRE_STATEMENTS_PARAMETER
                    + "='" + trimmed + "' is not true or false; using false");
            return false;
        }

        private static String describe(AnnotatedElement element) {
            if (element instanceof Method method) {
                return method.getDeclaringClass().getSimpleName() + "." + method.getName() + "()";
            }
            return ((Class<?>) element).getSimpleName();
        }
    }

    /**
     * The {@link AllowNPlusOne} entries of one class, read once per class and kept in the store of the class's
     * context, with the entries that some test of the class needed.
     */
    static final class ClassAllowances {
        private final List<Allowance> entries;
        private final Set<Allowance> used = ConcurrentHashMap.newKeySet();
        private volatile boolean inconclusive;

        private ClassAllowances(List<Allowance> entries) {
            this.entries = entries;
        }

        static Object key(Class<?> type) {
            return List.of(ClassAllowances.class, type);
        }

        static ClassAllowances of(Class<?> type, ExtensionContext context) {
            return classContext(type, context).getStore(NAMESPACE).getOrComputeIfAbsent(key(type), key -> {
                List<Allowance> entries = new ArrayList<>();
                for (AllowNPlusOne allow : AnnotationSupport.findRepeatableAnnotations(type, AllowNPlusOne.class)) {
                    entries.add(Allowance.of(allow, type.getSimpleName()));
                }
                return new ClassAllowances(List.copyOf(entries));
            }, ClassAllowances.class);
        }

        boolean allow(Finding finding) {
            boolean allowed = false;
            for (Allowance allowance : entries) {
                if (allowance.allows(finding)) {
                    used.add(allowance);
                    allowed = true;
                }
            }
            return allowed;
        }

        /** A test failed before its loops could run: the class's unused entries prove nothing this time. */
        void inconclusive() {
            inconclusive = true;
        }

        List<Allowance> stale() {
            if (inconclusive) {
                return List.of();
            }
            return entries.stream().filter(allowance -> !used.contains(allowance)).toList();
        }
    }

    /**
     * Writes the HTML and SARIF reports ({@code nplusone.html}, {@code nplusone.sarif}) when the engine's root store
     * closes: after the test plan, while the build still shows what the test JVM says.
     */
    @SuppressWarnings("deprecation") // CloseableResource: AutoCloseable store values are closed from JUnit 5.13 only
    static final class ReportsAfterTestPlan implements ExtensionContext.Store.CloseableResource {
        static void register(ExtensionContext context) {
            context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(ReportsAfterTestPlan.class,
                    key -> new ReportsAfterTestPlan(), ReportsAfterTestPlan.class);
        }

        @Override
        public void close() {
            LiveReports.flushAll();
        }
    }
}
