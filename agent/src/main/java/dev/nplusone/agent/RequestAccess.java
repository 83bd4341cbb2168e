package dev.nplusone.agent;

import java.lang.invoke.MethodHandle;
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
    private static final RequestAccess NONE = new RequestAccess(null, null, null, null);
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

    private RequestAccess(MethodHandle method, MethodHandle requestUri, MethodHandle contextPath, MethodHandle attribute) {
        this.method = method;
        this.requestUri = requestUri;
        this.contextPath = contextPath;
        this.attribute = attribute;
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

    private static RequestAccess of(Class<?> http) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            return new RequestAccess(lookup.findVirtual(http, "getMethod", STRING_GETTER),
                    lookup.findVirtual(http, "getRequestURI", STRING_GETTER),
                    lookup.findVirtual(http, "getContextPath", STRING_GETTER),
                    lookup.findVirtual(http, "getAttribute", MethodType.methodType(Object.class, String.class)));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return NONE;
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
