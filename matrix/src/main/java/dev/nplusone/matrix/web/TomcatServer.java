package dev.nplusone.matrix.web;

import jakarta.servlet.http.HttpServlet;
import java.nio.file.Files;
import java.util.concurrent.ExecutorService;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;

/** Embedded Tomcat, the same code for 10.1 and 11. */
public final class TomcatServer implements WebServer {
    private final Tomcat tomcat = new Tomcat();

    @Override
    public int start(HttpServlet servlet, ExecutorService executor) throws Exception {
        tomcat.setBaseDir(Files.createTempDirectory("matrix-tomcat").toString());
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        if (executor != null) {
            tomcat.getConnector().getProtocolHandler().setExecutor(executor);
        }
        Context context = tomcat.addContext("", null);
        Wrapper wrapper = Tomcat.addServlet(context, "pages", servlet);
        wrapper.setAsyncSupported(true);
        context.addServletMappingDecoded("/*", "pages");
        tomcat.start();
        return tomcat.getConnector().getLocalPort();
    }

    @Override
    public void stop() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }
}
