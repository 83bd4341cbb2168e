package dev.nplusone.agent;

import dev.nplusone.internal.Failures;
import dev.nplusone.internal.OpenScope;
import dev.nplusone.internal.RouteNames;
import dev.nplusone.internal.scope.ThreadState;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Called from the code {@link HookWeaver} weaves into servlet containers (hence public): one scope per HTTP request,
 * opened by the outermost {@code Servlet.service} or {@code Filter.doFilter} on the thread and closed when
 * it returns. The scope's final name is decided at the end, when frameworks have published the route
 * pattern; scopes opened inside it (explicit, JUnit) still win while they are open, being innermost.
 *
 * <p>A request that went asynchronous ({@code startAsync}) keeps its scope past {@code service}: the scope leaves
 * the container's thread, goes with each task given to {@code AsyncContext.start} ({@link #asyncTask}) and to
 * Spring MVC's {@code Callable} processing ({@link #enterAsyncWork}), comes back with the async dispatch, and is
 * closed and reported when the container says the request completed, timed out or failed.
 */
public final class HttpScopes {
    /** The scope kind of HTTP requests, as in the JSON report. */
    public static final String KIND = "http";
    /** Spring MVC's {@code HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE}: the matched route, set on the request. */
    public static final String SPRING_ROUTE = "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";

    private static final ThreadLocal<OnThread> CURRENT = ThreadLocal.withInitial(OnThread::new);
    /**
     * Requests whose scope outlives the thread that opened it, by the container's request object: asynchronous
     * ones, and any whose {@code service} is still running (Spring may run a Callable before it returns).
     */
    private static final Map<Identity, Request> OPEN = new ConcurrentHashMap<>();
    /** Spring's {@code NativeWebRequest.getNativeRequest()}: the container's request behind Spring's. */
    private static final ClassValue<MethodHandle> NATIVE_REQUEST = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> webRequestClass) {
            try {
                return MethodHandles.publicLookup().findVirtual(webRequestClass, "getNativeRequest",
                        MethodType.methodType(Object.class));
            } catch (ReflectiveOperationException e) {
                return MethodHandles.dropArguments(MethodHandles.constant(Object.class, null), 0, Object.class);
            }
        }
    };
    /** The scope carried to a thread working for an asynchronous request (Spring MVC's Callable), if any. */
    private static final ThreadLocal<OpenScope> ASYNC_WORK = new ThreadLocal<>();

    private HttpScopes() {
    }

    /** The request scope open on a thread, if any, and how deep in service/doFilter calls the thread is. */
    private static final class OnThread {
        int depth;
        Request request;
    }

    /**
     * A request object by identity: requests are the container's (or a test's) objects, whose {@code equals} and
     * {@code hashCode} the agent must not call.
     */
    private static final class Identity {
        private final Object target;

        Identity(Object target) {
            this.target = target;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Identity identity && identity.target == target;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(target);
        }
    }

    /** An open request scope and what its name is made of; {@code async} once the container said so. */
    private static final class Request {
        final OpenScope scope;
        final Object request;
        final RequestAccess access;
        final String method;
        final String requestUri;
        final String contextPath;
        volatile boolean async;
        final AtomicBoolean published = new AtomicBoolean();

        Request(OpenScope scope, Object request, RequestAccess access, String method, String requestUri,
                String contextPath) {
            this.scope = scope;
            this.request = request;
            this.access = access;
            this.method = method;
            this.requestUri = requestUri;
            this.contextPath = contextPath;
        }
    }

    /** Entering service/doFilter with its request. Never throws. */
    public static void enter(Object request) {
        try {
            OnThread current = CURRENT.get();
            if (current.depth++ != 0) {
                return;
            }
            Request dispatched = request == null ? null : OPEN.get(new Identity(request));
            if (dispatched != null) {
                ThreadState.current().push(dispatched.scope.recorder());
                current.request = dispatched;
                return;
            }
            RequestAccess access = RequestAccess.of(request);
            if (!access.isHttp() || AgentRuntime.reporter() == null) {
                return;
            }
            AgentHealth.watchedRequest(access.namespace());
            String method = access.method(request);
            String requestUri = access.requestUri(request);
            String contextPath = access.contextPath(request);
            String name = RouteNames.name(method, null, requestUri, contextPath);
            Request opened = new Request(OpenScope.open(name, KIND, 0), request, access, method, requestUri, contextPath);
            current.request = opened;
            OPEN.put(new Identity(request), opened);
        } catch (Throwable t) {
            Failures.record("agent request scope", t);
        }
    }

    /**
     * Leaving service/doFilter, by a return or an exception: the request's scope is reported, unless the request
     * is asynchronous, whose scope leaves this thread and is reported when the container says the request ended.
     * Never throws.
     */
    public static void exit() {
        try {
            OnThread current = CURRENT.get();
            if (--current.depth != 0 || current.request == null) {
                return;
            }
            Request request = current.request;
            current.request = null;
            if (request.async) {
                ThreadState.current().remove(request.scope.recorder());
            } else if (request.access.asyncStarted(request.request)) {
                request.async = true;
                ThreadState.current().remove(request.scope.recorder());
                request.access.whenAsyncEnds(request.request, () -> asyncEnded(request));
            } else {
                publish(request);
            }
        } catch (Throwable t) {
            Failures.record("agent request scope", t);
        }
    }

    /** {@code AsyncContext.start(task)} from a request's thread: the task records into the request's scope. Never throws. */
    public static Runnable asyncTask(Runnable task) {
        try {
            Request request = CURRENT.get().request;
            return request == null || task == null ? task : request.scope.wrap(task);
        } catch (Throwable t) {
            Failures.record("agent request scope", t);
            return task;
        }
    }

    /** A thread starts work for an asynchronous request (Spring MVC's {@code NativeWebRequest}). Never throws. */
    public static void enterAsyncWork(Object webRequest) {
        try {
            Object request = webRequest == null ? null : (Object) NATIVE_REQUEST.get(webRequest.getClass()).invoke(webRequest);
            Request pending = request == null ? null : OPEN.get(new Identity(request));
            if (pending != null && ASYNC_WORK.get() == null) {
                ThreadState.current().push(pending.scope.recorder());
                ASYNC_WORK.set(pending.scope);
            }
        } catch (Throwable t) {
            Failures.record("agent request scope", t);
        }
    }

    /** The thread's work for an asynchronous request is done. Never throws. */
    public static void exitAsyncWork() {
        try {
            OpenScope scope = ASYNC_WORK.get();
            if (scope != null) {
                ASYNC_WORK.remove();
                ThreadState.current().remove(scope.recorder());
            }
        } catch (Throwable t) {
            Failures.record("agent request scope", t);
        }
    }

    private static void asyncEnded(Request request) {
        try {
            publish(request);
        } catch (Throwable t) {
            Failures.record("agent request scope", t);
        }
    }

    /** Closes and reports the request's scope, once, under its final name. */
    private static void publish(Request request) throws Throwable {
        if (!request.published.compareAndSet(false, true)) {
            return;
        }
        OPEN.remove(new Identity(request.request), request);
        // Named before it closes, so that everything its close reports (OpenTelemetry too) carries the route.
        Object routePattern = request.access.attribute(request.request, SPRING_ROUTE);
        request.scope.rename(
                RouteNames.name(request.method, routePattern, request.requestUri, request.contextPath));
        request.scope.close();
        AgentRuntime.reporter().publish(request.scope.report(), request.scope.recorder());
    }
}
