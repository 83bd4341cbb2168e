package dev.nplusone.apps;

import com.zaxxer.hikari.HikariDataSource;
import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.CompanyPages;
import dev.nplusone.scenarios.SeedDatabase;
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
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * A small web application on embedded Tomcat (jakarta namespace) that knows nothing about nplusone:
 * <ul>
 *   <li>{@code GET /posts}: every post with its author, one author query per post (N+1);</li>
 *   <li>{@code GET /posts/{n}}: the same page done right, a JOIN and one IN query (clean);</li>
 *   <li>{@code GET /companies/{name}/employees}: the employee, city, country chain (two N+1 loops), with the
 *       route pattern published the way Spring MVC does.</li>
 * </ul>
 * Listens on 127.0.0.1 on a free port, prints {@code port=N}, and stops when standard input closes.
 */
public final class WebProgram {
    static final Pattern POST = Pattern.compile("/posts/\\d+");
    static final Pattern COMPANY_EMPLOYEES = Pattern.compile("/companies/[^/]+/employees");

    private WebProgram() {
    }

    public static void main(String[] args) throws Exception {
        Watchdog.exitAfterSeconds(120);
        SeedDatabase database = SeedDatabase.create();
        try (HikariDataSource pool = JdbcProgram.hikari(database)) {
            Tomcat tomcat = new Tomcat();
            tomcat.setBaseDir(Files.createTempDirectory("nplusone-web").toString());
            tomcat.setPort(0);
            tomcat.getConnector().setProperty("address", "127.0.0.1");
            Context context = tomcat.addContext("", null);
            Tomcat.addServlet(context, "pages", new Pages(pool));
            context.addServletMappingDecoded("/*", "pages");
            FilterDef header = new FilterDef();
            header.setFilterName("header");
            header.setFilter(new HeaderFilter());
            context.addFilterDef(header);
            FilterMap everything = new FilterMap();
            everything.setFilterName("header");
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
    }

    static final class Pages extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient DataSource dataSource;

        Pages(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
            String path = request.getRequestURI();
            try {
                int items;
                if (path.equals("/posts")) {
                    items = BlogPages.authorsInLoop(dataSource).size();
                } else if (POST.matcher(path).matches()) {
                    items = BlogPages.doneRight(dataSource).size();
                } else if (COMPANY_EMPLOYEES.matcher(path).matches()) {
                    request.setAttribute("org.springframework.web.servlet.HandlerMapping.bestMatchingPattern",
                            "/companies/{name}/employees");
                    items = CompanyPages.cityAndCountryChain(dataSource).size();
                } else {
                    response.sendError(HttpServletResponse.SC_NOT_FOUND);
                    return;
                }
                response.setContentType("text/plain");
                response.getWriter().print(items + " items\n");
            } catch (java.sql.SQLException e) {
                throw new ServletException(e);
            }
        }
    }

    /** A filter in front of the servlet: the request scope is opened by it, once. */
    static final class HeaderFilter implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            ((HttpServletResponse) response).setHeader("X-Program", "nplusone-web");
            chain.doFilter(request, response);
        }
    }
}
