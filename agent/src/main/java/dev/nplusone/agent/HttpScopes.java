package dev.nplusone.agent;

import dev.nplusone.ScopeReport;
import dev.nplusone.internal.Failures;
import dev.nplusone.internal.OpenScope;

/**
 * Called from the request advice inside servlet containers (hence public): one scope per HTTP request,
 * opened by the outermost {@code Servlet.service} or {@code Filter.doFilter} on the thread and closed when
 * it returns. The scope's final name is decided at the end, when frameworks have published the route
 * pattern; scopes opened inside it (explicit, JUnit) still win while they are open, being innermost.
 */
public final class HttpScopes {
    /** The scope kind of HTTP requests, as in the JSON report. */
    public static final String KIND = "http";
    /** Spring MVC's {@code HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE}: the matched route, set on the request. */
    public static final String SPRING_ROUTE = "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);
    /** Returned for nested calls and non-HTTP requests: leave them without closing anything. */
    private static final Object NESTED = new Object();

    private HttpScopes() {
    }

    /** An open request scope and what its name is made of. */
    private record Request(OpenScope scope, String method, String requestUri, String contextPath) {
    }

    /**
     * Entering service/doFilter; {@code method} is null for a non-HTTP request. Returns the token to give to
     * {@link #exit}. Never throws.
     */
    public static Object enter(String method, String requestUri, String contextPath) {
        if (DEPTH.get()[0]++ != 0 || method == null) {
            return NESTED;
        }
        try {
            if (AgentRuntime.reporter() == null) {
                return NESTED;
            }
            String name = Routes.name(method, null, requestUri, contextPath);
            return new Request(OpenScope.open(name, KIND, 0), method, requestUri, contextPath);
        } catch (Throwable t) {
            Failures.record("agent request scope", t);
            return NESTED;
        }
    }

    /** Leaving it, with the request's route pattern attribute (or null). Never throws. */
    public static void exit(Object token, Object routePattern) {
        DEPTH.get()[0]--;
        if (token instanceof Request request) {
            try {
                request.scope().close();
                ScopeReport report = request.scope().report();
                String name = Routes.name(request.method(), routePattern, request.requestUri(), request.contextPath());
                AgentRuntime.reporter().publish(new ScopeReport(name, report.kind(), report.statements(),
                        report.findings(), report.shapes(), report.truncated()));
            } catch (Throwable t) {
                Failures.record("agent request scope", t);
            }
        }
    }
}
