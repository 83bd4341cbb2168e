package dev.nplusone.matrix;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

/**
 * For measuring a cell by hand (not in tests): requests each page {@code count} times, alternating, and prints
 * each page's median latency to standard error, so the output the tests compare stays as it is.
 */
final class Latencies {
    private Latencies() {
    }

    static void measure(int port, List<String> paths, int count) {
        if (count <= 0) {
            return;
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long[][] nanos = new long[paths.size()][count];
        try {
            for (int i = 0; i < count; i++) {
                for (int p = 0; p < paths.size(); p++) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + paths.get(p)))
                            .build();
                    long start = System.nanoTime();
                    client.send(request, HttpResponse.BodyHandlers.ofString());
                    nanos[p][i] = System.nanoTime() - start;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (int p = 0; p < paths.size(); p++) {
            long[] sorted = nanos[p].clone();
            Arrays.sort(sorted);
            System.err.printf("latency GET %s: median %.3f ms of %d%n", paths.get(p), sorted[count / 2] / 1e6, count);
        }
    }
}
