package dev.nplusone.matrix;

import dev.nplusone.matrix.spring.SpringPages;
import dev.nplusone.matrix.web.WebScenario;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The application every cell of the matrix runs, knowing nothing about nplusone. Arguments, as {@code key=value}:
 * {@code database} ({@link Database}), {@code pool} ({@link Pools}), {@code container} ({@code none}, {@code tomcat},
 * {@code jetty}, {@code undertow}, {@code spring}), {@code threads} ({@code platform} or {@code virtual}),
 * {@code async} (also serve the N+1 page asynchronously), {@code url} ({@code plain}, or {@code nplusone} for the
 * {@code jdbc:nplusone:} form of the database's URL), {@code requests} (for measuring: request the N+1 and the clean
 * page that many times more each, and print their median latencies to standard error). It seeds the blog, renders
 * the N+1 page and the clean page (each on a connection of its own, or as HTTP requests to itself), prints every
 * page, and drops the blog.
 */
public final class MatrixProgram {
    private MatrixProgram() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("pool", "none", "container", "none", "threads", "platform",
                "async", "false", "url", "plain", "requests", "0"));
        for (String arg : args) {
            options.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Database database = Database.named(options.get("database"));
        String url = database.url(Path.of("").toAbsolutePath());
        if (options.get("url").equals("nplusone")) {
            url = url.replaceFirst("^jdbc:", "jdbc:nplusone:");
        }
        Blog blog = new Blog("m" + ProcessHandle.current().pid());
        boolean virtual = options.get("threads").equals("virtual");
        List<String> paths = new ArrayList<>(List.of(Pages.N_PLUS_ONE, Pages.CLEAN));
        String container = options.get("container");
        if (container.equals("spring")) {
            if (Boolean.parseBoolean(options.get("async"))) {
                paths.addAll(List.of("/callable" + Pages.N_PLUS_ONE, "/deferred" + Pages.N_PLUS_ONE));
            }
            int requests = Integer.parseInt(options.get("requests"));
            SpringPages.serve(database, url, blog, virtual, port -> {
                fetch(port, paths);
                Latencies.measure(port, List.of(Pages.N_PLUS_ONE, Pages.CLEAN), requests);
            });
        } else {
            try (ConnectionSource source = Pools.open(options.get("pool"), database, url)) {
                blog.seed(source);
                Pages pages = new Pages(blog, source);
                try {
                    if (container.equals("none")) {
                        renderDirectly(pages, paths, virtual);
                    } else {
                        if (Boolean.parseBoolean(options.get("async"))) {
                            paths.add("/async" + Pages.N_PLUS_ONE);
                        }
                        int requests = Integer.parseInt(options.get("requests"));
                        WebScenario.serve(container, pages, virtual, port -> {
                            fetch(port, paths);
                            Latencies.measure(port, List.of(Pages.N_PLUS_ONE, Pages.CLEAN), requests);
                        });
                    }
                } finally {
                    blog.drop(source);
                }
            }
        }
        System.out.flush();
        // Pools and containers may leave threads behind; the shutdown hooks (the agent's summary) still run.
        System.exit(0);
    }

    private static void renderDirectly(Pages pages, List<String> paths, boolean virtual) throws Exception {
        ExecutorService threads = virtual ? virtualThreads() : Executors.newSingleThreadExecutor();
        try {
            for (String path : paths) {
                Future<String> page = threads.submit(() -> pages.render(path));
                print("page " + path, page.get());
            }
        } finally {
            threads.shutdown();
        }
    }

    /** Requests every path in turn and prints the responses. */
    public static void fetch(int port, List<String> paths) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            for (String path : paths) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
                print("GET " + path + " " + response.statusCode(), response.body());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void print(String heading, String body) {
        System.out.println("== " + heading);
        System.out.print(body);
    }

    /** JDK 21's virtual threads, reached by name: the program is compiled for Java 17. */
    public static ExecutorService virtualThreads() throws ReflectiveOperationException {
        return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    }
}
