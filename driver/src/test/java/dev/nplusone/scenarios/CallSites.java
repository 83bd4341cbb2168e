package dev.nplusone.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The expected call site of a lookup, found by its {@code // site:NAME} marker in the scenario source. */
public final class CallSites {
    private CallSites() {
    }

    public static String of(Class<?> type, String method, String marker) {
        // Other modules running these scenarios point scenarios.sources at this module's src/test/java.
        return of(Path.of(System.getProperty("scenarios.sources", "src/test/java")), type, method, marker);
    }

    /** The call site marked in a class whose source is under {@code sourceRoot}, not among the scenarios. */
    public static String of(Path sourceRoot, Class<?> type, String method, String marker) {
        Path source = sourceRoot.resolve(type.getName().replace('.', '/') + ".java");
        try {
            List<String> lines = Files.readAllLines(source);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).trim().endsWith("// site:" + marker)) {
                    return type.getName() + "." + method + "(" + type.getSimpleName() + ".java:" + (i + 1) + ")";
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("no // site:" + marker + " in " + source);
    }

    public static String of(Class<?> type, String method) {
        return of(type, method, method);
    }
}
