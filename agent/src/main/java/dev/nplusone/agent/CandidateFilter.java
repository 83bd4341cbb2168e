package dev.nplusone.agent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.IllegalClassFormatException;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The class transformer registered at start-up. Two things keep the application's start fast:
 * <ul>
 *   <li>ByteBuddy is set up on a background thread while the application starts. A class that needs it
 *       before it is ready waits for it (at most {@link #WAIT_SECONDS}; past that it is left alone), so that
 *       even a program that queries at once is watched from its first statement.</li>
 *   <li>Only classes that can declare an instrumented method reach ByteBuddy. A class declaring
 *       {@code connect}/{@code getConnection} returning a Connection, or {@code service}/{@code doFilter}
 *       on servlet requests, has that method's descriptor in its constant pool; a byte search is far cheaper
 *       than parsing the class, and almost every class an application loads has none of them.</li>
 * </ul>
 */
final class CandidateFilter implements ClassFileTransformer {
    static final long WAIT_SECONDS = 20;
    private static final String AGENT_CLASSES = NPlusOneAgent.class.getPackageName().replace('.', '/') + "/";
    /** How the descriptors of the instrumented methods end: connect/getConnection, service, doFilter. */
    private static final byte[][] MARKERS = {
        ")Ljava/sql/Connection;".getBytes(StandardCharsets.US_ASCII),
        "servlet/ServletResponse;)V".getBytes(StandardCharsets.US_ASCII),
        "servlet/FilterChain;)V".getBytes(StandardCharsets.US_ASCII),
    };

    private final Instrumentation instrumentation;
    private final FutureTask<ClassFileTransformer> delegate;
    private final Thread builder;
    private final AtomicBoolean failureReported = new AtomicBoolean();

    CandidateFilter(Instrumentation instrumentation, Callable<ClassFileTransformer> build) {
        this.instrumentation = instrumentation;
        this.delegate = new FutureTask<>(build);
        this.builder = new Thread(delegate, "nplusone-agent-start");
        builder.setDaemon(true);
    }

    /** Registers this filter and starts setting ByteBuddy up in the background. */
    void install() {
        instrumentation.addTransformer(this);
        builder.start();
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer) throws IllegalClassFormatException {
        if (loader == null || className == null || className.startsWith(AGENT_CLASSES)
                || Thread.currentThread() == builder || !isCandidate(classfileBuffer)) {
            return null;
        }
        ClassFileTransformer transformer = ready();
        return transformer == null ? null
                : transformer.transform(loader, className, classBeingRedefined, protectionDomain, classfileBuffer);
    }

    private ClassFileTransformer ready() {
        try {
            return delegate.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            if (failureReported.compareAndSet(false, true)) {
                NPlusOneAgent.notActive(e instanceof ExecutionException ? e.getCause() : e);
            }
            return null;
        }
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
