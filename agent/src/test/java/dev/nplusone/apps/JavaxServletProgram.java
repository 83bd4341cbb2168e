package dev.nplusone.apps;

import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.SeedDatabase;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.sql.DataSource;

/**
 * A {@code javax.servlet} application without a container: the program calls its servlet's
 * {@code service} itself, with requests for {@code GET /legacy/posts/1} and {@code /legacy/posts/2}, the way
 * a container would. Each request loads every post's author (N+1).
 */
public final class JavaxServletProgram {
    private JavaxServletProgram() {
    }

    public static void main(String[] args) throws Exception {
        Watchdog.exitAfterSeconds(60);
        Posts servlet = new Posts(SeedDatabase.create().raw());
        for (int id = 1; id <= 2; id++) {
            servlet.service(request("/legacy/posts/" + id), response());
        }
    }

    static final class Posts extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient DataSource dataSource;

        Posts(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException {
            try {
                BlogPages.authorsInLoop(dataSource);
            } catch (SQLException e) {
                throw new ServletException(e);
            }
        }
    }

    private static HttpServletRequest request(String uri) {
        return (HttpServletRequest) Proxy.newProxyInstance(JavaxServletProgram.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, arguments) -> switch (method.getName()) {
                    case "getMethod" -> "GET";
                    case "getRequestURI" -> uri;
                    case "getContextPath" -> "/legacy";
                    case "getProtocol" -> "HTTP/1.1";
                    default -> null;
                });
    }

    private static HttpServletResponse response() throws IOException {
        return (HttpServletResponse) Proxy.newProxyInstance(JavaxServletProgram.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, arguments) -> null);
    }
}
