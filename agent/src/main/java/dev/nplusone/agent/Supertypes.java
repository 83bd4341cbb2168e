package dev.nplusone.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Whether a class being loaded implements one of some interfaces, found by reading its supertypes' class files
 * through its class loader: loading them as classes from inside a class file transformer could load classes
 * in an order the application never would. Runs only for the few classes that declare a hooked method.
 */
final class Supertypes {
    /** JDK types implement none of the hooked interfaces (servlet APIs are not in the JDK); not worth reading. */
    private static final String JDK_PACKAGE = "java/";

    private Supertypes() {
    }

    /** True when the class with {@code header}, defined by {@code loader}, has one of {@code wanted} among its supertypes. */
    static boolean implementsAny(ClassLoader loader, ClassFileHeader header, Set<String> wanted) throws IOException {
        Deque<String> pending = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        enqueue(header, pending);
        while (!pending.isEmpty()) {
            String type = pending.pop();
            if (wanted.contains(type)) {
                return true;
            }
            if (seen.add(type) && !type.startsWith(JDK_PACKAGE)) {
                ClassFileHeader supertype = read(loader, type);
                if (supertype != null) {
                    enqueue(supertype, pending);
                }
            }
        }
        return false;
    }

    private static void enqueue(ClassFileHeader header, Deque<String> pending) {
        if (header.superName() != null) {
            pending.push(header.superName());
        }
        header.interfaces().forEach(pending::push);
    }

    /** The supertype's header, or null when the loader cannot find it (an optional dependency that is absent). */
    private static ClassFileHeader read(ClassLoader loader, String type) throws IOException {
        try (InputStream in = loader.getResourceAsStream(type + ".class")) {
            return in == null ? null : ClassFileHeader.read(in.readAllBytes());
        }
    }
}
