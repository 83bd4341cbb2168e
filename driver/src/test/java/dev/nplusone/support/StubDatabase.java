package dev.nplusone.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A DataSource without a database: every query returns one row whose columns are all 1, at once. For tests
 * of what nplusone itself costs and keeps, at statement counts a real database would make slow.
 */
public final class StubDatabase {
    private StubDatabase() {
    }

    public static DataSource dataSource() {
        return stub(DataSource.class, (method, args) -> method.getName().equals("getConnection") ? connection() : null);
    }

    private static Connection connection() {
        return stub(Connection.class, (method, args) -> switch (method.getName()) {
            case "createStatement" -> stub(Statement.class, StubDatabase::statement);
            case "prepareStatement" -> stub(PreparedStatement.class, StubDatabase::statement);
            default -> null;
        });
    }

    private static Object statement(Method method, Object[] args) {
        return switch (method.getName()) {
            case "executeQuery", "getResultSet" -> resultSet();
            case "execute" -> true;
            case "executeUpdate" -> 1;
            default -> null;
        };
    }

    private static ResultSet resultSet() {
        boolean[] read = new boolean[1];
        return stub(ResultSet.class, (method, args) -> switch (method.getName()) {
            case "next" -> {
                boolean first = !read[0];
                read[0] = true;
                yield first;
            }
            case "getObject", "getString" -> method.getReturnType() == String.class ? "1" : (Object) 1;
            case "getMetaData" -> stub(ResultSetMetaData.class, (m, a) -> switch (m.getName()) {
                case "getColumnCount" -> 2;
                case "getColumnLabel", "getColumnName" -> "c" + a[0];
                default -> null;
            });
            default -> method.getReturnType() == int.class ? 1 : method.getReturnType() == long.class ? (Object) 1L : null;
        });
    }

    interface Answer {
        Object answer(Method method, Object[] args);
    }

    /** A proxy whose methods return the answer, or the zero value of their return type. */
    private static <T> T stub(Class<T> type, Answer answer) {
        InvocationHandler handler = (proxy, method, args) -> {
            switch (method.getName()) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "stub " + type.getSimpleName();
                case "isWrapperFor":
                    return false;
                default:
                    break;
            }
            Object result = answer.answer(method, args);
            return result != null ? result : zero(method.getReturnType());
        };
        return type.cast(Proxy.newProxyInstance(StubDatabase.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static final Map<Class<?>, Object> ZEROS = Map.of(boolean.class, false, int.class, 0, long.class, 0L,
            short.class, (short) 0, byte.class, (byte) 0, float.class, 0f, double.class, 0d);

    private static Object zero(Class<?> type) {
        return ZEROS.get(type);
    }
}
