package dev.nplusone.agent;

import java.lang.instrument.Instrumentation;
import java.sql.Driver;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Registers the agent's class file transformer, and on a late attach hooks the classes already loaded. */
final class Instrumentations {
    private Instrumentations() {
    }

    /**
     * At start-up only registers the transformer: none of the hooked classes is loaded yet, and the JVM need
     * not keep every class file for retransformation. Attached to a running application, also retransforms the
     * drivers, data sources, servlets and filters it already loaded.
     */
    static void install(Instrumentation instrumentation, boolean attachedLate) {
        HookTransformer transformer = new HookTransformer(instrumentation);
        if (!attachedLate) {
            instrumentation.addTransformer(transformer);
            return;
        }
        instrumentation.addTransformer(transformer, true);
        for (Class<?> loaded : hookable(instrumentation)) {
            try {
                instrumentation.retransformClasses(loaded);
            } catch (Throwable t) {
                AgentHealth.notInstrumented(loaded.getName(), "it is not watched (attached to the running JVM, the agent could not retransform it); starting the"
                        + " application with -javaagent watches it from the start", t);
            }
        }
    }

    private static List<Class<?>> hookable(Instrumentation instrumentation) {
        List<Class<?>> hookable = new ArrayList<>();
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            if (!loaded.isInterface() && instrumentation.isModifiableClass(loaded) && mayBeHooked(loaded)) {
                hookable.add(loaded);
            }
        }
        return hookable;
    }

    /** A cheap pre-selection: the transformer decides from the class file. */
    private static boolean mayBeHooked(Class<?> loaded) {
        if (Driver.class.isAssignableFrom(loaded) || DataSource.class.isAssignableFrom(loaded)) {
            return true;
        }
        for (Class<?> type = loaded; type != null; type = type.getSuperclass()) {
            for (Class<?> implemented : type.getInterfaces()) {
                if (implemented.getName().endsWith("servlet.Servlet") || implemented.getName().endsWith("servlet.Filter")) {
                    return true;
                }
            }
        }
        return false;
    }
}
