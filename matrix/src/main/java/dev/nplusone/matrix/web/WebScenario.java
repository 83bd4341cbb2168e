package dev.nplusone.matrix.web;

import dev.nplusone.matrix.MatrixProgram;
import dev.nplusone.matrix.Pages;
import java.util.Map;
import java.util.function.IntConsumer;

/** The pages served by a servlet container, kept apart from the program's main class so a cell without one loads no servlet API. */
public final class WebScenario {
    private static final Map<String, String> SERVERS = Map.of("tomcat", "TomcatServer", "jetty", "JettyServer",
            "undertow", "UndertowServer");

    private WebScenario() {
    }

    /** Serves {@code pages} on {@code container}, lets {@code client} call it on its port, and stops. */
    public static void serve(String container, Pages pages, boolean virtual, IntConsumer client) throws Exception {
        WebServer server = (WebServer) Class.forName(WebServer.class.getPackageName() + "." + SERVERS.get(container))
                .getDeclaredConstructor().newInstance();
        int port = server.start(new PagesServlet(pages), virtual ? MatrixProgram.virtualThreads() : null);
        try {
            client.accept(port);
        } finally {
            server.stop();
        }
    }
}
