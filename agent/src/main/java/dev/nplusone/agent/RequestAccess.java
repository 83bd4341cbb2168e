package dev.nplusone.agent;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads an HTTP request of either servlet namespace. The hooks live on the system class path and cannot link
 * against the servlet API the application's container brings, so its {@code HttpServletRequest} interface is
 * found among the request class's supertypes, once per request class, and called through method handles.
 */
final class RequestAccess {
    private static final Set<String> HTTP_REQUEST_TYPES = Set.of("jakarta.servlet.http.HttpServletRequest",
            "javax.servlet.http.HttpServletRequest");
    /** For requests that are not HTTP requests. */
    private static final RequestAccess NONE = new RequestAccess(null, null, null, null, null);
    private static final ClassValue<RequestAccess> BY_REQUEST_CLASS = new ClassValue<>() {
        @Override
        protected RequestAccess computeValue(Class<?> requestClass) {
            Class<?> http = httpRequestInterface(requestClass);
            return http == null ? NONE : of(http);
        }
    };
    private static final MethodType STRING_GETTER = MethodType.methodType(String.class);

    private final MethodHandle method;
    private final MethodHandle requestUri;
    private final MethodHandle contextPath;
    private final MethodHandle attribute;
    /** The servlet 3 async API of the request's namespace, or null (a servlet 2.5 container has none). */
    private final AsyncAccess async;

    /** {@code isAsyncStarted}, {@code getAsyncContext}, {@code AsyncContext.addListener} and the listener interface. */
    private record AsyncAccess(MethodHandle started, MethodHandle context, MethodHandle addListener, Class<?> listener) {
    }

    private RequestAccess(MethodHandle method, MethodHandle requestUri, MethodHandle contextPath, MethodHandle attribute,
                          AsyncAccess async) {
        this.method = method;
        this.requestUri = requestUri;
        this.contextPath = contextPath;
        this.attribute = attribute;
        this.async = async;
    }

    static RequestAccess of(Object request) {
        return request == null ? NONE : BY_REQUEST_CLASS.get(request.getClass());
    }

    /** "jakarta servlet" or "javax servlet": the package of the request's {@code HttpServletRequest}. */
    String namespace() {
        return method.type().parameterType(0).getPackageName().replace(".http", "").replace('.', ' ');
    }

    boolean isHttp() {
        return method != null;
    }

    String method(Object request) throws Throwable {
        return (String) method.invoke(request);
    }

    String requestUri(Object request) throws Throwable {
        return (String) requestUri.invoke(request);
    }

    String contextPath(Object request) throws Throwable {
        return (String) contextPath.invoke(request);
    }

    Object attribute(Object request, String name) throws Throwable {
        return attribute.invoke(request, name);
    }

    /**
     * Whether the request went asynchronous ({@code startAsync}) and is still so: its scope outlives {@code service}.
     * A request that cannot say (a hand-made one) is taken as synchronous, so its scope is reported as it returns.
     */
    boolean asyncStarted(Object request) {
        try {
            return async != null && Boolean.TRUE.equals(async.started().invoke(request));
        } catch (Throwable t) {
            return false;
        }
    }

    /**
     * Calls {@code done} once the asynchronous request completes, times out or fails, through an
     * {@code AsyncListener} of the request's own namespace (a proxy: the agent cannot link against the servlet API).
     */
    void whenAsyncEnds(Object request, Runnable done) throws Throwable {
        Object context = async.context().invoke(request);
        InvocationHandler handler = new InvocationHandler() {
            @Override
            public Object invoke(Object listener, Method called, Object[] arguments) throws Throwable {
                switch (called.getName()) {
                    case "onComplete", "onTimeout", "onError" -> done.run();
                    case "onStartAsync" -> async.addListener().invoke(context, listener);
                    case "hashCode" -> {
                        return System.identityHashCode(listener);
                    }
                    case "equals" -> {
                        return listener == arguments[0];
                    }
                    case "toString" -> {
                        return "nplusone request scope listener";
                    }
                    default -> {
                        return null;
                    }
                }
                return null;
            }
        };
        Object listener = Proxy.newProxyInstance(async.listener().getClassLoader(), new Class<?>[] {async.listener()},
                handler);
        async.addListener().invoke(context, listener);
    }

    private static RequestAccess of(Class<?> http) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            return new RequestAccess(lookup.findVirtual(http, "getMethod", STRING_GETTER),
                    lookup.findVirtual(http, "getRequestURI", STRING_GETTER),
                    lookup.findVirtual(http, "getContextPath", STRING_GETTER),
                    lookup.findVirtual(http, "getAttribute", MethodType.methodType(Object.class, String.class)),
                    asyncAccess(lookup, http));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return NONE;
        }
    }

    private static AsyncAccess asyncAccess(MethodHandles.Lookup lookup, Class<?> http) {
        try {
            String servletPackage = http.getPackageName().substring(0, http.getPackageName().lastIndexOf('.'));
            Class<?> context = Class.forName(servletPackage + ".AsyncContext", false, http.getClassLoader());
            Class<?> listener = Class.forName(servletPackage + ".AsyncListener", false, http.getClassLoader());
            return new AsyncAccess(lookup.findVirtual(http, "isAsyncStarted", MethodType.methodType(boolean.class)),
                    lookup.findVirtual(http, "getAsyncContext", MethodType.methodType(context)),
                    lookup.findVirtual(context, "addListener", MethodType.methodType(void.class, listener)), listener);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Class<?> httpRequestInterface(Class<?> requestClass) {
        Deque<Class<?>> pending = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        pending.push(requestClass);
        while (!pending.isEmpty()) {
            Class<?> type = pending.pop();
            if (HTTP_REQUEST_TYPES.contains(type.getName())) {
                return type;
            }
            if (seen.add(type)) {
                if (type.getSuperclass() != null) {
                    pending.push(type.getSuperclass());
                }
                for (Class<?> implemented : type.getInterfaces()) {
                    pending.push(implemented);
                }
            }
        }
        return null;
    }
}
