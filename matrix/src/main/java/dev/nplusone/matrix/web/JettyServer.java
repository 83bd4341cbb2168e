package dev.nplusone.matrix.web;

import jakarta.servlet.http.HttpServlet;
import java.util.concurrent.ExecutorService;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Jetty 12 with its ee10 (jakarta servlet 6) environment. */
public final class JettyServer implements WebServer {
    private Server server;

    @Override
    public int start(HttpServlet servlet, ExecutorService executor) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool();
        if (executor != null) {
            threads.setVirtualThreadsExecutor(executor);
        }
        server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder holder = new ServletHolder(servlet);
        holder.setAsyncSupported(true);
        context.addServlet(holder, "/*");
        server.setHandler(context);
        server.start();
        return connector.getLocalPort();
    }

    @Override
    public void stop() throws Exception {
        server.stop();
    }
}
