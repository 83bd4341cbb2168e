package dev.nplusone.examples.hibernate;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * A DataSource between nplusone and H2 that records what each prepared statement was executed with: how
 * many parameters were bound, and how many of them with {@code setNull}. Shows what Hibernate sends.
 */
final class BindRecorder {
    /** One execution: its SQL, the parameters bound, the ones bound to null. */
    record Execution(String sql, int binds, int nulls) {
    }

    final List<Execution> executions = new CopyOnWriteArrayList<>();

    DataSource around(DataSource target) {
        return proxy(DataSource.class, target, (method, args, result) -> method.getName().equals("getConnection")
                ? proxy(Connection.class, result, (m, a, r) -> m.getName().equals("prepareStatement")
                        ? statement((PreparedStatement) r, (String) a[0]) : r)
                : result);
    }

    private PreparedStatement statement(PreparedStatement target, String sql) {
        int[] counts = new int[2];
        return proxy(PreparedStatement.class, target, (method, args, result) -> {
            String name = method.getName();
            if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer) {
                counts[0]++;
                if (name.equals("setNull")) {
                    counts[1]++;
                }
            } else if (name.startsWith("execute")) {
                executions.add(new Execution(sql, counts[0], counts[1]));
                counts[0] = 0;
                counts[1] = 0;
            }
            return result;
        });
    }

    private interface After {
        Object apply(Method method, Object[] args, Object result) throws Exception;
    }

    private static <T> T proxy(Class<T> type, Object target, After after) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().startsWith("execute") && type == PreparedStatement.class) {
                after.apply(method, args, null); // record before the call: binds are cleared by some drivers after
                return invoke(method, target, args);
            }
            return after.apply(method, args, invoke(method, target, args));
        };
        return type.cast(Proxy.newProxyInstance(BindRecorder.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
