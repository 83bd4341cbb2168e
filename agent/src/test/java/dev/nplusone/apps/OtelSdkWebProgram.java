package dev.nplusone.apps;

import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.EntryPoint;
import dev.nplusone.scenarios.SeedDatabase;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * A web application with its own OpenTelemetry: the SDK, set up by autoconfigure from {@code otel.*} system
 * properties ({@code otel.java.global-autoconfigure.enabled=true}), and a filter that opens the request's server
 * span, as library instrumentation would. Its JDBC URL is {@code jdbc:nplusone:...}, or with the argument
 * {@code plain} the database's own DataSource (for nplusone's agent to watch). {@code GET /posts}
 * is the N+1 page, {@code GET /posts/{n}} the same page done right. Prints {@code port=N}; stops when standard input
 * closes.
 */
public final class OtelSdkWebProgram {
    private OtelSdkWebProgram() {
    }

    public static void main(String[] args) throws Exception {
        Watchdog.exitAfterSeconds(120);
        SeedDatabase database = SeedDatabase.create();
        DataSource dataSource = args.length > 0 && args[0].equals("plain") ? database.raw()
                : EntryPoint.DRIVER_MANAGER.open(database).dataSource();
        Tracer tracer = GlobalOpenTelemetry.get().getTracer("blog");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("nplusone-otel-sdk").toString());
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "pages", new Pages(dataSource));
        context.addServletMappingDecoded("/*", "pages");
        FilterDef tracing = new FilterDef();
        tracing.setFilterName("tracing");
        tracing.setFilter(new ServerSpans(tracer));
        context.addFilterDef(tracing);
        FilterMap everything = new FilterMap();
        everything.setFilterName("tracing");
        everything.addURLPattern("/*");
        context.addFilterMap(everything);
        tomcat.start();
        System.out.println("port=" + tomcat.getConnector().getLocalPort());
        System.out.flush();
        while (System.in.read() != -1) {
            // the test closes our standard input to stop us
        }
        tomcat.stop();
        tomcat.destroy();
    }

    static final class Pages extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient DataSource dataSource;

        Pages(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
            try {
                int items = request.getRequestURI().equals("/posts") ? BlogPages.authorsInLoop(dataSource).size()
                        : BlogPages.doneRight(dataSource).size();
                response.setContentType("text/plain");
                response.getWriter().print(items + " items\n");
            } catch (SQLException e) {
                throw new ServletException(e);
            }
        }
    }

    /** The request's server span, current while the request is handled. */
    static final class ServerSpans implements Filter {
        private final Tracer tracer;

        ServerSpans(Tracer tracer) {
            this.tracer = tracer;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest http = (HttpServletRequest) request;
            String route = http.getRequestURI().equals("/posts") ? "/posts" : "/posts/{id}";
            Span span = tracer.spanBuilder(http.getMethod() + " " + route).setSpanKind(SpanKind.SERVER).startSpan();
            try (Scope current = span.makeCurrent()) {
                chain.doFilter(request, response);
            } finally {
                span.end();
            }
        }
    }
}
