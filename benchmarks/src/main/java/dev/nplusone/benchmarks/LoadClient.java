package dev.nplusone.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Sequential GET requests to one server over one kept-alive HTTP/1.1 connection: one request in flight, so each
 * latency is the server's time for that request plus the loopback, never time queued behind another request.
 */
final class LoadClient {
    /** Pages of the benchmark application's blog: 1,000 posts / 50 per page; each request takes the next one. */
    private static final int PAGES = 20;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private int page;

    LoadClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Runs {@code count} requests to {@code path}; returns each one's latency in nanoseconds. */
    long[] run(String path, int count) throws IOException, InterruptedException {
        long[] latencies = new long[count];
        for (int i = 0; i < count; i++) {
            HttpRequest request = request(path);
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            latencies[i] = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IOException("GET " + request.uri() + " answered " + response.statusCode());
            }
        }
        return latencies;
    }

    /** Whether the server answered {@code path} with 200; false while it is not yet listening. */
    boolean answers(String path) throws InterruptedException {
        try {
            return http.send(request(path), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }

    private HttpRequest request(String path) {
        page = (page + 1) % PAGES;
        return HttpRequest.newBuilder(URI.create(base + path + "?page=" + page)).timeout(Duration.ofSeconds(30)).GET()
                .build();
    }
}
