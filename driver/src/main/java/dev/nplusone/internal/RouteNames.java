package dev.nplusone.internal;

/**
 * Names an HTTP request scope {@code METHOD route}, the same wherever it is opened (the agent's servlet hooks, the
 * Spring Boot starter's filter): the framework's route pattern when it exposes one (Spring MVC's best matching
 * pattern), else the path within the application with every numeric segment collapsed to {@code {id}}, so that
 * {@code GET /owners/7} and {@code GET /owners/8} are one route.
 */
public final class RouteNames {
    private RouteNames() {
    }

    public static String name(String method, Object routePattern, String requestUri, String contextPath) {
        if (routePattern instanceof String pattern && !pattern.isEmpty()) {
            return method + " " + pattern;
        }
        return method + " " + collapse(withinApplication(requestUri, contextPath));
    }

    static String withinApplication(String requestUri, String contextPath) {
        String path = requestUri == null ? "/" : requestUri;
        if (contextPath != null && !contextPath.isEmpty() && path.startsWith(contextPath)) {
            path = path.substring(contextPath.length());
        }
        return path.isEmpty() ? "/" : path;
    }

    /** {@code /posts/12;jsessionid=x/comments} becomes {@code /posts/{id}/comments}. */
    static String collapse(String path) {
        StringBuilder out = new StringBuilder(path.length());
        int start = 0;
        while (start <= path.length()) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? path.length() : slash;
            String segment = path.substring(start, end);
            int parameters = segment.indexOf(';');
            if (parameters >= 0) {
                segment = segment.substring(0, parameters);
            }
            out.append(isNumber(segment) ? "{id}" : segment);
            if (slash < 0) {
                break;
            }
            out.append('/');
            start = slash + 1;
        }
        return out.toString();
    }

    private static boolean isNumber(String segment) {
        if (segment.isEmpty()) {
            return false;
        }
        for (int i = 0; i < segment.length(); i++) {
            if (!Character.isDigit(segment.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
