package dev.nplusone.agent;

import static net.bytebuddy.matcher.ElementMatchers.any;
import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isExtensionClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.nplusone.internal.Failures;
import java.lang.instrument.Instrumentation;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.dynamic.loading.ClassInjector;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/** What the agent instruments, in one place. */
final class Instrumentations {
    private Instrumentations() {
    }

    /**
     * At start-up, registers a filtering transformer at once and sets ByteBuddy up in the background
     * ({@link CandidateFilter}); attached to a running application, installs ByteBuddy and transforms the
     * classes already loaded.
     */
    static void install(Instrumentation instrumentation, boolean attachedLate) {
        if (attachedLate) {
            agent(instrumentation, true).installOn(instrumentation);
        } else {
            new CandidateFilter(instrumentation, () -> agent(instrumentation, false).makeRaw()).install();
        }
    }

    private static AgentBuilder agent(Instrumentation instrumentation, boolean attachedLate) {
        // Advice is inlined, nothing is injected: keep ByteBuddy away from sun.misc.Unsafe, which JDK 24+ warns
        // about on standard error. The property name is relocated with ByteBuddy, so the application's own
        // ByteBuddy is not affected.
        if (System.getProperty(ClassInjector.UsingUnsafe.SAFE_PROPERTY) == null) {
            System.setProperty(ClassInjector.UsingUnsafe.SAFE_PROPERTY, "true");
        }
        AgentBuilder.Transformer advice = new AgentBuilder.Transformer.ForAdvice()
                .include(Instrumentations.class.getClassLoader())
                .advice(connectionMethods(), ConnectionAdvice.class.getName())
                .advice(requestMethods("jakarta.servlet"), JakartaRequestAdvice.class.getName())
                .advice(requestMethods("javax.servlet"), JavaxRequestAdvice.class.getName());
        AgentBuilder agent = new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
                .disableClassFormatChanges()
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
                // At start-up none of these classes is loaded yet; attached later, they may be.
                .with(attachedLate ? AgentBuilder.RedefinitionStrategy.RETRANSFORMATION
                        : AgentBuilder.RedefinitionStrategy.DISABLED)
                .with(new FailureListener())
                .ignore(any(), isBootstrapClassLoader().or(isExtensionClassLoader()))
                .or(nameStartsWith("java.").or(nameStartsWith("jdk.")).or(nameStartsWith("sun."))
                        .or(nameStartsWith("com.sun.")).or(nameStartsWith("dev.nplusone.agent."))
                        .or(nameStartsWith("net.bytebuddy.")).or(isSynthetic()))
                // Instrumented classes in named modules must be able to call the hooks.
                .assureReadEdgeTo(instrumentation, ConnectionHooks.class, HttpScopes.class)
                // Declared methods first: cheap, and it spares resolving the type hierarchy of almost every class.
                .type(not(isInterface()).and(declaresMethod(connectionMethods().or(requestMethods("jakarta.servlet"))
                        .or(requestMethods("javax.servlet")))).and(hasSuperType(namedOneOf("java.sql.Driver",
                        "javax.sql.DataSource", "jakarta.servlet.Servlet", "jakarta.servlet.Filter",
                        "javax.servlet.Servlet", "javax.servlet.Filter"))))
                .transform(advice);
        return agent;
    }

    /** {@code Connection connect(String, Properties)} and {@code Connection getConnection([String, String])}. */
    static ElementMatcher.Junction<MethodDescription> connectionMethods() {
        ElementMatcher.Junction<MethodDescription> connect = named("connect").and(takesArguments(2))
                .and(takesArgument(0, String.class));
        ElementMatcher.Junction<MethodDescription> getConnection = named("getConnection")
                .and(takesArguments(0).or(takesArguments(2)));
        return not(isAbstract()).and(returns(named("java.sql.Connection"))).and(connect.or(getConnection));
    }

    /** {@code service(ServletRequest, ServletResponse)} and {@code doFilter(ServletRequest, ServletResponse, FilterChain)}. */
    static ElementMatcher.Junction<MethodDescription> requestMethods(String servletPackage) {
        ElementMatcher.Junction<MethodDescription> service = named("service").and(takesArguments(2));
        ElementMatcher.Junction<MethodDescription> doFilter = named("doFilter").and(takesArguments(3))
                .and(takesArgument(2, named(servletPackage + ".FilterChain")));
        return not(isAbstract()).and(takesArgument(0, named(servletPackage + ".ServletRequest")))
                .and(takesArgument(1, named(servletPackage + ".ServletResponse"))).and(service.or(doFilter));
    }

    /**
     * Reports failures to transform a class we matched. Types that cannot be resolved while matching (an
     * optional dependency missing from the class path) are normal in large applications and not reported.
     */
    static final class FailureListener extends AgentBuilder.Listener.Adapter {
        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                            Throwable throwable) {
            boolean unresolvable = throwable instanceof IllegalStateException
                    && String.valueOf(throwable.getMessage()).startsWith("Cannot resolve");
            if (!unresolvable) {
                Failures.record("class instrumentation",
                        new IllegalStateException("could not instrument " + typeName, throwable));
            }
        }
    }
}
