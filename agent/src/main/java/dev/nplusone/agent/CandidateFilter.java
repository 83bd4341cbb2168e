package dev.nplusone.agent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;

/**
 * Hands ByteBuddy only the classes that can declare an instrumented method. A class declaring
 * {@code connect}/{@code getConnection} returning a Connection, or {@code service}/{@code doFilter} taking
 * a ServletRequest, has that type in a method descriptor of its constant pool; a byte search over the class
 * file is far cheaper than parsing it, and almost every class an application loads has neither.
 */
final class CandidateFilter implements ClassFileTransformer {
    private static final byte[][] MARKERS = {
        "Ljava/sql/Connection;".getBytes(StandardCharsets.US_ASCII),
        "servlet/ServletRequest;".getBytes(StandardCharsets.US_ASCII),
    };

    private final ClassFileTransformer delegate;

    CandidateFilter(ClassFileTransformer delegate) {
        this.delegate = delegate;
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) throws IllegalClassFormatException {
        if (loader == null || !isCandidate(classfileBuffer)) {
            return null;
        }
        return delegate.transform(loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
    }

    static boolean isCandidate(byte[] classFile) {
        for (byte[] marker : MARKERS) {
            if (contains(classFile, marker)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(byte[] bytes, byte[] marker) {
        byte first = marker[0];
        int last = bytes.length - marker.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (bytes[i] != first) {
                continue;
            }
            for (int j = 1; j < marker.length; j++) {
                if (bytes[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
