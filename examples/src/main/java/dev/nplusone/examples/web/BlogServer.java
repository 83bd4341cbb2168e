package dev.nplusone.examples.web;

import dev.nplusone.NPlusOne;
import dev.nplusone.Scope;
import dev.nplusone.ScopeReport;
import dev.nplusone.examples.hibernate.HibernateBlogPages;
import dev.nplusone.scenarios.BlogPages;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.hibernate.SessionFactory;

/**
 * The first seed's blog page served by an embedded Tomcat (jakarta.servlet), in plain JDBC and in Hibernate,
 * as the N+1 loop and done right:
 * <pre>
 * GET /posts                  BlogPages.authorsAndTagsInLoop            1 + 50 + 50 statements
 * GET /posts/fixed            BlogPages.doneRight                        2 statements
 * GET /hibernate/posts        HibernateBlogPages.authorsAndTagsInLoop    1 + 20 + 50 statements
 * GET /hibernate/posts/fixed  HibernateBlogPages.doneRight               2 statements
 * </pre>
 * Watched, the server has the scope-per-request filter: each request is one {@code NPlusOne.scope("GET /posts")},
 * which is what the agent gives an application without a line of code. Unwatched (for {@code -javaagent}), it
 * has neither the filter nor a wrapped DataSource: the agent must supply both.
 */
public final class BlogServer implements AutoCloseable {
    /** Kept so that the level set on it is not lost when the logger is garbage collected. */
    private static final Logger TOMCAT_LOG = Logger.getLogger("org.apache");

    private final Tomcat tomcat;
    private final Connector connector;
    private final Path baseDir;

    /**
     * Starts the server on {@code host:port} (port 0: any free port).
     *
     * @param dataSource the blog's DataSource, as the application sees it
     * @param sessions   a SessionFactory over that DataSource
     * @param reports    receives each request's report when {@code scopePerRequest}, else never called
     */
    public BlogServer(String host, int port, DataSource dataSource, SessionFactory sessions, boolean scopePerRequest,
                      Consumer<ScopeReport> reports) throws IOException, LifecycleException {
        TOMCAT_LOG.setLevel(Level.WARNING);
        baseDir = Files.createTempDirectory("nplusone-web");
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        connector = new Connector();
        connector.setPort(port);
        connector.setProperty("address", host);
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", baseDir.toString());
        Tomcat.addServlet(context, "blog", new PostsServlet(dataSource, new HibernateBlogPages(sessions))).addMapping("/");
        if (scopePerRequest) {
            FilterDef filter = new FilterDef();
            filter.setFilterName("nplusone-scope-per-request");
            filter.setFilter(new ScopePerRequest(reports));
            context.addFilterDef(filter);
            FilterMap mapping = new FilterMap();
            mapping.setFilterName(filter.getFilterName());
            mapping.addURLPattern("/*");
            context.addFilterMap(mapping);
        }
        tomcat.start();
    }

    /** The port it listens on. */
    public int port() {
        return connector.getLocalPort();
    }

    /** Blocks until the server stops. */
    public void await() {
        tomcat.getServer().await();
    }

    @Override
    public void close() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
        try (var files = Files.walk(baseDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the operating system cleans it up
        }
    }

    /** One scope per request, named after it: {@code GET /posts}. */
    static final class ScopePerRequest implements Filter {
        private final Consumer<ScopeReport> reports;

        ScopePerRequest(Consumer<ScopeReport> reports) {
            this.reports = reports;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest http = (HttpServletRequest) request;
            Scope scope = NPlusOne.scope(http.getMethod() + " " + http.getRequestURI());
            try (scope) {
                chain.doFilter(request, response);
            }
            reports.accept(scope.report());
        }
    }

    /** Renders the post list: title, author, tags. */
    static final class PostsServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        private final transient Map<String, Page> pages = new LinkedHashMap<>();

        interface Page {
            List<BlogPages.PostView> load() throws Exception;
        }

        PostsServlet(DataSource dataSource, HibernateBlogPages hibernate) {
            pages.put("/posts", () -> BlogPages.authorsAndTagsInLoop(dataSource));
            pages.put("/posts/fixed", () -> BlogPages.doneRight(dataSource));
            pages.put("/hibernate/posts", hibernate::authorsAndTagsInLoop);
            pages.put("/hibernate/posts/fixed", hibernate::doneRight);
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String path = request.getRequestURI();
            response.setContentType("text/html; charset=utf-8");
            PrintWriter out = response.getWriter();
            out.println("<!doctype html><html><head><title>nplusone blog " + path + "</title></head><body>");
            Page page = pages.get(path);
            if (page == null) {
                if (!path.equals("/")) {
                    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                }
                out.println("<h1>The seed's blog page, four ways</h1><ul>");
                pages.keySet().forEach(p -> out.println("<li><a href=\"" + p + "\">" + p + "</a></li>"));
                out.println("</ul></body></html>");
                return;
            }
            List<BlogPages.PostView> posts;
            try {
                posts = page.load();
            } catch (Exception e) {
                throw new IOException("could not load " + path, e);
            }
            out.println("<h1>" + posts.size() + " posts</h1><ul>");
            for (BlogPages.PostView view : posts) {
                out.println("<li>" + view.post().title() + " by " + view.author().name() + " - "
                        + String.join(", ", view.tags().stream().map(BlogPages.Tag::name).toList()) + "</li>");
            }
            out.println("</ul></body></html>");
        }
    }
}
