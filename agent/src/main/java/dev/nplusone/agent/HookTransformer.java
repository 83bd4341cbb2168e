package dev.nplusone.agent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The agent's class file transformer. Almost every class is turned away after a walk over its constant pool
 * ({@link ClassFileHeader}); a class that declares a hooked method and implements the interface it belongs to
 * ({@link Supertypes}) is woven ({@link HookWeaver}), and so are the few test-framework classes
 * {@link NamedClassHook} names. Nothing here may throw into the class loading of the
 * application: a class the agent cannot handle is loaded as it is.
 */
final class HookTransformer implements ClassFileTransformer {
    /** Not the JDK's, nor our own classes. */
    private static final List<String> IGNORED_PACKAGES = List.of("java/", "jdk/", "sun/", "com/sun/",
            NPlusOneAgent.class.getPackageName().replace('.', '/') + "/");
    private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();

    private final Instrumentation instrumentation;

    HookTransformer(Instrumentation instrumentation) {
        this.instrumentation = instrumentation;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classFile) {
        if (loader == null || loader == PLATFORM || className == null || ignored(className)) {
            return null;
        }
        String unwatched = "what it does is not watched";
        try {
            HookWeaver.MethodSelector named = NamedClassHook.of(className);
            if (named != null) {
                unwatched = "the tests or asynchronous requests it runs are not in their scopes";
                return seesHooks(loader) ? woven(module, HookWeaver.weave(classFile, named)) : null;
            }
            ClassFileHeader header = ClassFileHeader.readIfHookable(classFile);
            if (header == null || header.hooks().isEmpty() || !seesHooks(loader)
                    || !header.dataSourceShaped() && !implementsHookedInterface(loader, header)) {
                return null;
            }
            unwatched = Hook.unwatched(header.hooks());
            return woven(module, HookWeaver.weave(classFile));
        } catch (Throwable t) {
            AgentHealth.notInstrumented(className.replace('/', '.'), unwatched, t);
            return null;
        }
    }

    private static boolean ignored(String className) {
        for (String prefix : IGNORED_PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean implementsHookedInterface(ClassLoader loader, ClassFileHeader header) throws Exception {
        Set<String> wanted = new HashSet<>();
        header.hooks().forEach(hook -> wanted.addAll(hook.supertypes()));
        return Supertypes.implementsAny(loader, header, wanted);
    }

    /** A class loader that does not delegate to the system class loader (OSGi) cannot link the woven calls: leave it alone. */
    private static boolean seesHooks(ClassLoader loader) {
        try {
            return Class.forName(ConnectionHooks.class.getName(), false, loader) == ConnectionHooks.class;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** A class in a named module must read the agent's (unnamed) module to call the hooks. */
    private byte[] woven(Module module, byte[] wovenClassFile) {
        AgentHealth.exitLineAtShutdown();
        Module hooks = ConnectionHooks.class.getModule();
        if (module != null && module.isNamed() && !module.canRead(hooks)) {
            instrumentation.redefineModule(module, Set.of(hooks), Map.of(), Map.of(), Set.of(), Map.of());
        }
        return wovenClassFile;
    }
}
