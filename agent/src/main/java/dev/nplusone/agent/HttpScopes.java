package dev.nplusone.agent;

import dev.nplusone.internal.Failures;
import dev.nplusone.internal.OpenScope;
import dev.nplusone.internal.RouteNames;

/**
 * Called from the code {@link HookWeaver} weaves into servlet containers (hence public): one scope per HTTP request,
 * opened by the outermost {@code Servlet.service} or {@code Filter.doFilter} on the thread and closed when
 * it returns. The scope's final name is decided at the end, when frameworks have published the route
 * pattern; scopes opened inside it (explicit, JUnit) still win while they are open, being innermost.
 */
public final class HttpScopes {
    /** The scope kind of HTTP requests, as in the JSON report. */
    public static final String KIND = "http";
    /** Spring MVC's {@code HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE}: the matched route, set on the request. */
    public static final String SPRING_ROUTE = "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";

    private static final ThreadLocal<OnThread> CURRENT = ThreadLocal.withInitial(OnThread::new);

    private HttpScopes() {
    }

    /** The request scope open on a thread, if any, and how deep in service/doFilter calls the thread is. */
    private static final class OnThread {
        int depth;
        Request request;
    }

    /** An open request scope and what its name is made of. */
    private record Request(OpenScope scope, Object request, RequestAccess access, String method, String requestUri,
                           String contextPath) {
    }

    /** Entering service/doFilter with its request. Never throws. */
    public static void enter(Object request) {
        try {
            OnThread current = CURRENT.get();
            if (current.depth++ != 0) {
                return;
            }
            RequestAccess access = RequestAccess.of(request);
            if (!access.isHttp() || AgentRuntime.reporter() == null) {
                return;
            }
            String method = access.method(request);
            String requestUri = access.requestUri(request);
            String contextPath = access.contextPath(request);
            String name = RouteNames.name(method, null, requestUri, contextPath);
            current.request = new Request(OpenScope.open(name, KIND, 0), request, access, method, requestUri, contextPath);
        } catch (Throwable t) {
            Failures.record("agent request scope", t);
        }
    }

    /** Leaving service/doFilter, by a return or an exception. Never throws. */
    public static void exit() {
        try {
            OnThread current = CURRENT.get();
            if (--current.depth != 0 || current.request == null) {
                return;
            }
            Request request = current.request;
            current.request = null;
            // Named before it closes, so that everything its close reports (OpenTelemetry too) carries the route.
            Object routePattern = request.access().attribute(request.request(), SPRING_ROUTE);
            request.scope().rename(
                    RouteNames.name(request.method(), routePattern, request.requestUri(), request.contextPath()));
            request.scope().close();
            AgentRuntime.reporter().publish(request.scope().report(), request.scope().recorder());
        } catch (Throwable t) {
            Failures.record("agent request scope", t);
        }
    }
}
