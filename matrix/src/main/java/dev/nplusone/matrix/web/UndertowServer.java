package dev.nplusone.matrix.web;

import io.undertow.Undertow;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import io.undertow.servlet.api.InstanceHandle;
import io.undertow.servlet.util.ImmediateInstanceHandle;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;

/** Undertow's servlet container (jakarta). */
public final class UndertowServer implements WebServer {
    private Undertow server;
    private DeploymentManager manager;

    @Override
    public int start(HttpServlet servlet, ExecutorService executor) throws Exception {
        InstanceHandle<Servlet> instance = new ImmediateInstanceHandle<>(servlet);
        DeploymentInfo deployment = Servlets.deployment()
                .setClassLoader(UndertowServer.class.getClassLoader())
                .setContextPath("/")
                .setDeploymentName("matrix")
                .addServlet(Servlets.servlet("pages", servlet.getClass(), () -> instance)
                        .addMapping("/*").setAsyncSupported(true));
        if (executor != null) {
            deployment.setExecutor(executor);
        }
        manager = Servlets.defaultContainer().addDeployment(deployment);
        manager.deploy();
        server = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(manager.start()).build();
        server.start();
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    @Override
    public void stop() throws Exception {
        server.stop();
        manager.stop();
        manager.undeploy();
    }
}
