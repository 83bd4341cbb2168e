package dev.nplusone.spring;

import dev.nplusone.NPlusOne;
import dev.nplusone.internal.Failures;
import dev.nplusone.internal.OpenScope;
import dev.nplusone.internal.RouteNames;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One scope per HTTP request, around everything the request runs (filters after this one, the controller, the view
 * and its lazy loads), named as the agent names it: {@code GET /owners/{id}} from the route Spring MVC matched, known
 * only once the request has been handled, hence the rename before the scope closes. A request that arrives inside a
 * scope (MockMvc in a {@code @NoNPlusOne} test, an explicit scope) stays in that scope, which then sees its statements.
 */
final class RequestScopeFilter extends OncePerRequestFilter implements Ordered {
    /** The scope kind of HTTP requests, as in the JSON report. */
    static final String KIND = "http";

    private final boolean opensScopes;

    RequestScopeFilter(boolean opensScopes) {
        this.opensScopes = opensScopes;
    }

    /** Before every other filter but Boot's character encoding one: a security filter's queries are the request's too. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!opensScopes || NPlusOne.current().isPresent()) {
            chain.doFilter(request, response);
            return;
        }
        String method = request.getMethod();
        OpenScope scope;
        try {
            scope = OpenScope.open(RouteNames.name(method, null, request.getRequestURI(), request.getContextPath()),
                    KIND, 0);
        } catch (Throwable t) {
            Failures.record("starter request scope", t); // nplusone never fails the request
            chain.doFilter(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            try {
                scope.rename(RouteNames.name(method, request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE),
                        request.getRequestURI(), request.getContextPath()));
            } catch (Throwable t) {
                Failures.record("starter request scope", t); // the scope keeps the name of its path
            }
            scope.close();
        }
    }
}
