package dev.nplusone.internal.scope;

import dev.nplusone.internal.Engine;
import dev.nplusone.internal.Faults;
import dev.nplusone.internal.sql.BoundedCache;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Finds the first application frame below a statement: the line of code that caused it. StackWalker reads
 * frames lazily, so a walk costs in proportion to the depth of that frame, not of the whole stack.
 *
 * <p>A frame is identified by class, method and bytecode index, which StackWalker gives without building a
 * {@link StackTraceElement}; the file and line are worked out once, the first time that frame is seen.
 */
public final class CallSiteLocator {
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final BoundedCache<FrameKey, CallSite> BY_FRAME = new BoundedCache<>(8_192);
    /** Frames on one line (two calls in one expression) are one call site: one instance, one group. */
    private static final BoundedCache<CallSite, CallSite> BY_LINE = new BoundedCache<>(8_192);
    private static final Function<Stream<StackWalker.StackFrame>, CallSite> FIRST_APPLICATION_FRAME =
            CallSiteLocator::firstApplicationFrame;
    private static volatile FrameClassifier classifier = new FrameClassifier(List.of());

    private record FrameKey(String className, String methodName, int bytecodeIndex, int frameworks) {
    }

    private CallSiteLocator() {
    }

    public static CallSite locate() {
        Faults.check(Faults.Stage.CALL_SITE);
        return WALKER.walk(FIRST_APPLICATION_FRAME);
    }

    private static CallSite firstApplicationFrame(Stream<StackWalker.StackFrame> frames) {
        FrameClassifier frameClassifier = currentClassifier();
        int frameworks = 0;
        StackWalker.StackFrame proxiedGetter = null;
        Iterator<StackWalker.StackFrame> iterator = frames.iterator();
        while (iterator.hasNext()) {
            StackWalker.StackFrame frame = iterator.next();
            int kind = frameClassifier.classify(frame.getClassName());
            if (kind == FrameClassifier.APPLICATION) {
                if (!frame.getMethodName().startsWith(FrameworkFrames.ENHANCED_ACCESSOR_PREFIX)) {
                    return callSite(frame, frameworks);
                }
                kind = Framework.HIBERNATE.bit();
            } else if (proxiedGetter == null && Framework.HIBERNATE.in(kind)
                    && frame.getClassName().contains(FrameworkFrames.HIBERNATE_PROXY_MARKER)) {
                proxiedGetter = frame;
            }
            frameworks |= kind;
        }
        if (proxiedGetter != null) {
            return proxiedEntityGetter(proxiedGetter, frameworks);
        }
        return frameworks == 0 ? CallSite.UNKNOWN
                : new CallSite(CallSite.UNKNOWN.className(), CallSite.UNKNOWN.methodName(), null, -1, frameworks);
    }

    /**
     * No application frame below a lazy proxy's getter: the entity was read by framework code alone, as when
     * Jackson serialises a response after the controller returned. The getter the proxy intercepted, on the
     * entity's own class, is the best name for where the association was touched (no line: generated code).
     */
    private static CallSite proxiedEntityGetter(StackWalker.StackFrame frame, int frameworks) {
        String proxyClass = frame.getClassName();
        String entityClass = proxyClass.substring(0, proxyClass.indexOf(FrameworkFrames.HIBERNATE_PROXY_MARKER));
        return BY_LINE.get(new CallSite(entityClass, frame.getMethodName(), null, -1, frameworks), same -> same);
    }

    private static CallSite callSite(StackWalker.StackFrame frame, int frameworks) {
        FrameKey key = new FrameKey(frame.getClassName(), frame.getMethodName(), frame.getByteCodeIndex(), frameworks);
        return BY_FRAME.get(key, firstSeen -> BY_LINE.get(new CallSite(firstSeen.className(), firstSeen.methodName(),
                frame.getFileName(), frame.getLineNumber(), firstSeen.frameworks()), same -> same));
    }

    /** The classifier for the configured application packages, rebuilt when they change. */
    private static FrameClassifier currentClassifier() {
        FrameClassifier current = classifier;
        List<String> packages = Engine.get().config().applicationPackages();
        if (current.applicationPackages() != packages) {
            current = new FrameClassifier(packages);
            classifier = current;
        }
        return current;
    }
}
