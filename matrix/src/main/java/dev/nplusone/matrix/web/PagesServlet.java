package dev.nplusone.matrix.web;

import dev.nplusone.matrix.Pages;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The blog's pages over HTTP: {@code /posts} (N+1), {@code /posts/joined} (clean), and {@code /async/posts}, the
 * N+1 page rendered after {@code startAsync} on a thread of the container's, once {@code service} has returned.
 */
public final class PagesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient Pages pages;

    public PagesServlet(Pages pages) {
        this.pages = pages;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        response.setContentType("text/plain;charset=UTF-8");
        if (path.startsWith("/async/")) {
            AsyncContext async = request.startAsync();
            async.start(() -> {
                try {
                    async.getResponse().getWriter().write(pages.render(path.substring("/async".length())));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                } finally {
                    async.complete();
                }
            });
            return;
        }
        response.getWriter().write(pages.render(path));
    }
}
