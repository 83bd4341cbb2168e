package dev.nplusone.internal.scope;

import dev.nplusone.internal.Faults;
import dev.nplusone.internal.sql.BoundedCache;
import java.util.Iterator;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Finds the first frame outside JDBC, connection pools, ORMs and nplusone: the line of application code
 * that caused the statement. StackWalker reads frames lazily, so the cost grows with the depth of that
 * frame, not with the whole stack.
 */
public final class CallSiteLocator {
    private static final String[] SKIPPED_PREFIXES = {
        "java.", "javax.", "jakarta.", "jdk.", "sun.", "com.sun.",
        "dev.nplusone.internal.", "dev.nplusone.agent.", "net.ttddyy.dsproxy.", "net.bytebuddy.",
        "org.h2.", "org.postgresql.", "org.mariadb.", "com.mysql.", "oracle.jdbc.", "com.microsoft.sqlserver.",
        "org.hsqldb.", "org.apache.derby.", "org.sqlite.",
        "com.zaxxer.hikari.", "org.apache.commons.dbcp", "org.apache.tomcat.jdbc.", "com.mchange.",
        "org.hibernate.", "org.springframework.", "org.apache.ibatis.", "org.mybatis.", "org.jooq.",
        "org.eclipse.persistence.", "io.micrometer.", "io.opentelemetry.", "org.junit.", "kotlin.", "scala.",
    };
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final BoundedCache<FrameKey, CallSite> INTERNED = new BoundedCache<>(8_192);
    private static final Function<Stream<StackWalker.StackFrame>, CallSite> FIRST_APPLICATION_FRAME =
            CallSiteLocator::firstApplicationFrame;

    private record FrameKey(String className, String methodName, int line, int frameworks) {
    }

    private CallSiteLocator() {
    }

    public static CallSite locate() {
        Faults.check(Faults.Stage.CALL_SITE);
        return WALKER.walk(FIRST_APPLICATION_FRAME);
    }

    private static CallSite firstApplicationFrame(Stream<StackWalker.StackFrame> frames) {
        int frameworks = 0;
        Iterator<StackWalker.StackFrame> iterator = frames.iterator();
        while (iterator.hasNext()) {
            StackWalker.StackFrame frame = iterator.next();
            String className = frame.getClassName();
            if (isSkipped(className)) {
                frameworks |= Framework.bitsOf(className);
                continue;
            }
            FrameKey key = new FrameKey(className, frame.getMethodName(), frame.getLineNumber(), frameworks);
            return INTERNED.get(key, k -> new CallSite(k.className(), k.methodName(), frame.getFileName(), k.line(),
                    k.frameworks()));
        }
        return frameworks == 0 ? CallSite.UNKNOWN
                : new CallSite(CallSite.UNKNOWN.className(), CallSite.UNKNOWN.methodName(), null, -1, frameworks);
    }

    static boolean isSkipped(String className) {
        for (String prefix : SKIPPED_PREFIXES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        // Generated proxies and enhanced classes: Spring CGLIB ($$), Hibernate and ByteBuddy proxies.
        return className.contains("$$") || className.contains("$HibernateProxy") || className.contains("$ByteBuddy$");
    }
}
