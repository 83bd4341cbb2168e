package dev.nplusone.agent;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code jakarta.servlet} {@code Servlet.service} and {@code Filter.doFilter} implementations:
 * the request's scope, see {@link HttpScopes}. Reads the request here, where the servlet API is visible.
 * The same as {@link JavaxRequestAdvice} for the other namespace: inlined advice is typed bytecode, one class each.
 */
final class JakartaRequestAdvice {
    private JakartaRequestAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Advice.Argument(0) ServletRequest request) {
        if (request instanceof HttpServletRequest http) {
            return HttpScopes.enter(http.getMethod(), http.getRequestURI(), http.getContextPath());
        }
        return HttpScopes.enter(null, null, null);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object token, @Advice.Argument(0) ServletRequest request) {
        if (token != null) {
            HttpScopes.exit(token, request.getAttribute(HttpScopes.SPRING_ROUTE));
        }
    }
}
