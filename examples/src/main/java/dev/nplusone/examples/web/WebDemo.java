package dev.nplusone.examples.web;

import dev.nplusone.NPlusOne;
import dev.nplusone.examples.hibernate.HibernateBoot;
import dev.nplusone.internal.report.HumanReport;
import dev.nplusone.scenarios.SeedDatabase;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;

/**
 * The web demo: the seed's blog page per HTTP request, on 127.0.0.1.
 * <pre>
 * java -cp examples/target/nplusone-demo.jar dev.nplusone.examples.web.WebDemo [--port 8080]
 *     NPlusOne.wrap + a scope per request (what the agent does without code); reports on the console
 * java -javaagent:nplusone-agent.jar -cp examples/target/nplusone-demo.jar dev.nplusone.examples.web.WebDemo --unwatched
 *     plain H2 DataSource, no filter: the agent watches JDBC and opens the per-request scopes
 * </pre>
 * then {@code curl http://127.0.0.1:8080/posts} and {@code /posts/fixed}, {@code /hibernate/posts},
 * {@code /hibernate/posts/fixed}.
 */
public final class WebDemo {
    private WebDemo() {
    }

    public static void main(String[] args) throws Exception {
        int port = 8080;
        boolean unwatched = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--unwatched" -> unwatched = true;
                default -> {
                    System.err.println("usage: WebDemo [--port N] [--unwatched]");
                    System.exit(2);
                }
            }
        }
        if (!unwatched && System.getProperty("nplusone.log") == null) {
            System.setProperty("nplusone.log", "false"); // the filter prints each request's report below
        }
        SeedDatabase database = SeedDatabase.create();
        DataSource dataSource = unwatched ? database.raw() : NPlusOne.wrap(database.raw(), "blog");
        SessionFactory sessions = HibernateBoot.sessionFactory(dataSource);
        BlogServer server = new BlogServer("127.0.0.1", port, dataSource, sessions, !unwatched,
                report -> System.out.println(report.findings().isEmpty()
                        ? "nplusone: scope '" + report.name() + "' clean (" + report.statements() + " statements)"
                        : HumanReport.format(report)));
        String base = "http://127.0.0.1:" + server.port();
        System.out.println("nplusone web demo on " + base + (unwatched
                ? " (unwatched: run it with -javaagent to see reports)"
                : " (NPlusOne.wrap, one scope per request)"));
        for (String path : new String[] {"/posts", "/posts/fixed", "/hibernate/posts", "/hibernate/posts/fixed"}) {
            System.out.println("  curl " + base + path);
        }
        System.out.println("Ctrl-C stops it.");
        server.await();
    }
}
