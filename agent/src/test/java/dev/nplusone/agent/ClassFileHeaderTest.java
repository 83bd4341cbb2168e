package dev.nplusone.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.apps.JdbcProgram;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.h2.Driver;
import org.junit.jupiter.api.Test;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

class ClassFileHeaderTest {
    static byte[] classFile(String className) throws IOException {
        try (InputStream in = ClassLoader.getSystemResourceAsStream(className.replace('.', '/') + ".class")) {
            return in.readAllBytes();
        }
    }

    @Test
    void finds_the_hooks_of_classes_that_declare_a_connection_or_request_method() throws IOException {
        assertEquals(Set.of(Hook.CONNECTION), ClassFileHeader.read(classFile("org.h2.Driver")).hooks());
        assertEquals(Set.of(Hook.CONNECTION), ClassFileHeader.read(classFile("com.zaxxer.hikari.HikariDataSource")).hooks());
        assertEquals(Set.of(Hook.REQUEST), ClassFileHeader.read(classFile("dev.nplusone.apps.WebProgram$HeaderFilter")).hooks());
        assertEquals(Set.of(Hook.REQUEST), ClassFileHeader.read(classFile("javax.servlet.http.HttpServlet")).hooks());
    }

    @Test
    void an_async_context_is_read_for_its_start_method_and_a_class_that_only_calls_a_start_method_is_not()
            throws IOException {
        assertEquals(Set.of(Hook.ASYNC_TASK),
                ClassFileHeader.readIfHookable(classFile("org.apache.catalina.core.AsyncContextImpl")).hooks());
        assertEquals(null, ClassFileHeader.readIfHookable(classFile("java.lang.ProcessBuilder")),
                "it declares start() and calls Thread.start, but names no AsyncContext");
    }

    @Test
    void a_class_declaring_both_data_source_methods_is_data_source_shaped_as_a_base_class_of_a_data_source_may_be()
            throws IOException {
        assertTrue(ClassFileHeader.read(classFile("com.zaxxer.hikari.HikariDataSource")).dataSourceShaped());
        assertEquals(false, ClassFileHeader.read(classFile("org.h2.Driver")).dataSourceShaped(),
                "a driver's connect(String, Properties) is not DataSource-shaped");
    }

    @Test
    void a_class_that_only_calls_get_connection_has_no_hook() throws IOException {
        assertEquals(Set.of(), ClassFileHeader.read(classFile(JdbcProgram.class.getName())).hooks());
        assertEquals(Set.of(), ClassFileHeader.read(classFile("java.lang.String")).hooks());
    }

    @Test
    void turns_away_a_class_without_a_hooked_method_name_before_reading_its_members() throws IOException {
        assertEquals(null, ClassFileHeader.readIfHookable(classFile("java.lang.String")));
        assertEquals(Set.of(Hook.CONNECTION), ClassFileHeader.readIfHookable(classFile("org.h2.Driver")).hooks());
        assertEquals(Set.of(), ClassFileHeader.readIfHookable(classFile(JdbcProgram.class.getName())).hooks(),
                "it calls getConnection, so it is read, and declares none");
    }

    @Test
    void reads_supertypes_and_hooks_as_asm_does_for_every_class_of_h2_and_tomcat() throws IOException {
        int compared = 0;
        for (Class<?> inJar : List.of(Driver.class, org.apache.catalina.startup.Tomcat.class)) {
            try (JarFile jar = new JarFile(inJar.getProtectionDomain().getCodeSource().getLocation().getPath())) {
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                    JarEntry entry = entries.nextElement();
                    if (entry.getName().endsWith(".class") && !entry.getName().contains("META-INF")) {
                        byte[] bytes = jar.getInputStream(entry).readAllBytes();
                        assertEquals(AsmView.of(bytes), ClassFileHeader.read(bytes), entry.getName());
                        compared++;
                    }
                }
            }
        }
        assertTrue(compared > 1_000, "classes compared: " + compared);
    }

    /** The same header, as ASM reads it. */
    private static final class AsmView extends ClassVisitor {
        private final Set<Hook> hooks = EnumSet.noneOf(Hook.class);
        private final Set<String> dataSourceMethods = new java.util.HashSet<>();
        private String superName;
        private List<String> interfaces;

        private AsmView() {
            super(Opcodes.ASM9);
        }

        static ClassFileHeader of(byte[] bytes) {
            AsmView view = new AsmView();
            new ClassReader(bytes).accept(view, ClassReader.SKIP_CODE);
            return new ClassFileHeader(view.superName, view.interfaces, view.hooks, view.dataSourceMethods.size() == 2);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            this.superName = superName;
            this.interfaces = new ArrayList<>(Arrays.asList(interfaces));
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            Hook hook = Hook.of(access, name, descriptor);
            if (hook != null) {
                hooks.add(hook);
                if (hook == Hook.CONNECTION && (descriptor.equals("()Ljava/sql/Connection;")
                        || descriptor.equals("(Ljava/lang/String;Ljava/lang/String;)Ljava/sql/Connection;"))) {
                    dataSourceMethods.add(descriptor);
                }
            }
            return null;
        }
    }
}
