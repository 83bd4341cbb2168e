package dev.nplusone.agent;

import java.util.List;
import java.util.Set;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * The two kinds of method the agent hooks, how each is recognised from its name and descriptor alone (no type
 * resolution: this runs while classes load), and the static calls woven into it.
 */
enum Hook implements WovenCalls {
    /** {@code Connection connect(String, x)} and {@code Connection getConnection([x, y])}: {@link ConnectionHooks}. */
    CONNECTION(Set.of("java/sql/Driver", "javax/sql/DataSource")) {
        @Override
        boolean matches(String name, Type[] arguments, Type returned) {
            if (!returned.getDescriptor().equals("Ljava/sql/Connection;")) {
                return false;
            }
            return name.equals("connect") ? arguments.length == 2 && arguments[0].getDescriptor().equals("Ljava/lang/String;")
                    : name.equals("getConnection") && (arguments.length == 0 || arguments.length == 2);
        }

        @Override
        public void enter(MethodVisitor code) {
            code.visitMethodInsn(Opcodes.INVOKESTATIC, CONNECTION_HOOKS, "enter", "()V", false);
        }

        @Override
        public void beforeReturn(MethodVisitor code) {
            code.visitVarInsn(Opcodes.ALOAD, 0);
            code.visitMethodInsn(Opcodes.INVOKESTATIC, CONNECTION_HOOKS, "exit",
                    "(Ljava/sql/Connection;Ljava/lang/Object;)Ljava/sql/Connection;", false);
        }

        @Override
        public void beforeThrow(MethodVisitor code) {
            code.visitMethodInsn(Opcodes.INVOKESTATIC, CONNECTION_HOOKS, "thrown", "()V", false);
        }
    },
    /** {@code service(ServletRequest, ServletResponse)} and {@code doFilter(.., FilterChain)}, both servlet namespaces: {@link HttpScopes}. */
    REQUEST(Set.of("jakarta/servlet/Servlet", "jakarta/servlet/Filter", "javax/servlet/Servlet", "javax/servlet/Filter")) {
        @Override
        boolean matches(String name, Type[] arguments, Type returned) {
            boolean service = name.equals("service") && arguments.length == 2;
            boolean doFilter = name.equals("doFilter") && arguments.length == 3;
            if (!service && !doFilter) {
                return false;
            }
            for (String servletPackage : SERVLET_PACKAGES) {
                if (arguments[0].getInternalName().equals(servletPackage + "ServletRequest")
                        && arguments[1].getInternalName().equals(servletPackage + "ServletResponse")
                        && (service || arguments[2].getInternalName().equals(servletPackage + "FilterChain"))) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void enter(MethodVisitor code) {
            code.visitVarInsn(Opcodes.ALOAD, 1);
            code.visitMethodInsn(Opcodes.INVOKESTATIC, HTTP_SCOPES, "enter", "(Ljava/lang/Object;)V", false);
        }

        @Override
        public void beforeReturn(MethodVisitor code) {
            code.visitMethodInsn(Opcodes.INVOKESTATIC, HTTP_SCOPES, "exit", "()V", false);
        }
    },
    /** {@code AsyncContext.start(Runnable)}, both servlet namespaces: the task is wrapped to record into the request's scope. */
    ASYNC_TASK(Set.of("jakarta/servlet/AsyncContext", "javax/servlet/AsyncContext")) {
        @Override
        boolean matches(String name, Type[] arguments, Type returned) {
            return name.equals("start") && arguments.length == 1
                    && arguments[0].getDescriptor().equals("Ljava/lang/Runnable;") && returned == Type.VOID_TYPE;
        }

        @Override
        public void enter(MethodVisitor code) {
            code.visitVarInsn(Opcodes.ALOAD, 1);
            code.visitMethodInsn(Opcodes.INVOKESTATIC, HTTP_SCOPES, "asyncTask", "(Ljava/lang/Runnable;)Ljava/lang/Runnable;",
                    false);
            code.visitVarInsn(Opcodes.ASTORE, 1);
        }

        @Override
        public void beforeReturn(MethodVisitor code) {
        }
    };

    /** The names every hooked method has. */
    static final List<String> METHOD_NAMES = List.of("connect", "getConnection", "service", "doFilter", "start");
    /**
     * What a class file that may declare a hooked method holds in its constant pool: a class without any of these is
     * skipped unparsed. The hooked names, except {@code start}, which half the JDK's and the libraries' classes hold
     * (they call {@code Thread.start}, {@code Matcher.start}): an {@code AsyncContext} implementation names the
     * interface instead.
     */
    static final List<String> MARKERS = List.of("connect", "getConnection", "service", "doFilter",
            "jakarta/servlet/AsyncContext", "javax/servlet/AsyncContext");

    private static final String CONNECTION_HOOKS = ConnectionHooks.class.getName().replace('.', '/');
    private static final String HTTP_SCOPES = HttpScopes.class.getName().replace('.', '/');
    private static final List<String> SERVLET_PACKAGES = List.of("jakarta/servlet/", "javax/servlet/");
    private static final int NOT_HOOKABLE = Opcodes.ACC_STATIC | Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE;

    private final Set<String> supertypes;

    Hook(Set<String> supertypes) {
        this.supertypes = supertypes;
    }

    /** The hook for this declared method, or null when it is not one the agent hooks. */
    static Hook of(int access, String name, String descriptor) {
        if ((access & NOT_HOOKABLE) != 0 || !METHOD_NAMES.contains(name)) {
            return null;
        }
        Type[] arguments = Type.getArgumentTypes(descriptor);
        Type returned = Type.getReturnType(descriptor);
        for (Hook hook : values()) {
            if (hook.matches(name, arguments, returned)) {
                return hook;
            }
        }
        return null;
    }

    /** What goes unwatched when a class with {@code hooks} cannot be woven, and the way around it, for the line that says so. */
    static String unwatched(Set<Hook> hooks) {
        if (hooks.contains(CONNECTION)) {
            return "the connections it hands out are not watched; to watch them without the agent, put nplusone:"
                    + " after jdbc: in the JDBC URL (jdbc:nplusone:postgresql://...) with nplusone-driver on the class"
                    + " path";
        }
        return hooks.contains(REQUEST) ? "the requests it serves get no request scope (their connections are reported one by one)"
                : "the tasks it starts for asynchronous requests are not in the request's scope";
    }

    /** The interfaces (internal names) one of which a class must implement for its methods to be hooked. */
    Set<String> supertypes() {
        return supertypes;
    }

    abstract boolean matches(String name, Type[] arguments, Type returned);

    /** {@inheritDoc} For {@link #CONNECTION} the returned connection is on top and is replaced. */
    @Override
    public abstract void beforeReturn(MethodVisitor code);
}
