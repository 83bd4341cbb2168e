package dev.nplusone.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Woven classes are loaded by a class loader of their own, so the JVM verifies them as it would an application's. */
class HookWeaverTest {
    /** The methods a woven fixture is called through, from this class loader. */
    public interface Sources {
        Connection CONNECTION = (Connection) Proxy.newProxyInstance(Sources.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, arguments) -> null);

        Connection getConnection() throws SQLException;

        Connection getConnection(String user, String password) throws SQLException;

        Connection connect(String url, Properties properties) throws SQLException;
    }

    /** Hooked methods in the shapes that matter to the weaving: handlers, branches from the first instruction, throws. */
    public static final class Fixture implements Sources {
        private int calls;

        @Override
        public Connection getConnection() {
            try {
                if (calls++ < 0) {
                    throw new IllegalStateException("never");
                }
                return CONNECTION;
            } catch (IllegalStateException e) {
                return null;
            }
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            throw new SQLException("refused for " + user);
        }

        @Override
        public Connection connect(String url, Properties properties) {
            while (calls < 3) {
                calls++;
            }
            return url.isEmpty() ? null : getConnection();
        }
    }

    private static Sources woven() throws Exception {
        String name = Fixture.class.getName();
        byte[] woven = HookWeaver.weave(ClassFileHeaderTest.classFile(name));
        ClassLoader loader = new ClassLoader(HookWeaverTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
                if (!className.equals(name)) {
                    return super.loadClass(className, resolve);
                }
                synchronized (getClassLoadingLock(className)) {
                    Class<?> loaded = findLoadedClass(className);
                    return loaded != null ? loaded : defineClass(className, woven, 0, woven.length);
                }
            }
        };
        return (Sources) loader.loadClass(name).getConstructor().newInstance();
    }

    @Test
    void woven_methods_return_what_they_returned_and_leave_the_call_depth_as_they_found_it() throws Exception {
        Sources sources = woven();

        assertSame(Sources.CONNECTION, sources.getConnection(), "no engine in this JVM: the connection is passed through");
        assertSame(Sources.CONNECTION, sources.connect("jdbc:h2:mem:", new Properties()), "nested in a hooked method");
        assertEquals(null, sources.connect("", new Properties()));
        assertEquals(0, ConnectionHooks.depth());
    }

    @Test
    void woven_methods_throw_what_they_threw_and_leave_the_call_depth_as_they_found_it() throws Exception {
        Sources sources = woven();

        SQLException thrown = assertThrows(SQLException.class, () -> sources.getConnection("sa", ""));

        assertEquals("refused for sa", thrown.getMessage());
        assertEquals(0, ConnectionHooks.depth());
    }

    @Test
    void the_fixture_is_hooked_at_all() throws Exception {
        assertEquals(java.util.Set.of(Hook.CONNECTION),
                ClassFileHeader.read(ClassFileHeaderTest.classFile(Fixture.class.getName())).hooks());
    }
}
