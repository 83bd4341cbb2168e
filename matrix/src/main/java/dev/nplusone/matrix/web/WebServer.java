package dev.nplusone.matrix.web;

import jakarta.servlet.http.HttpServlet;
import java.util.concurrent.ExecutorService;

/** A servlet container serving one servlet at {@code /*} on 127.0.0.1; each container's adapter is loaded by name. */
public interface WebServer {
    /** Starts on a free port, request threads from {@code executor} when not null; returns the port. */
    int start(HttpServlet servlet, ExecutorService executor) throws Exception;

    void stop() throws Exception;
}
