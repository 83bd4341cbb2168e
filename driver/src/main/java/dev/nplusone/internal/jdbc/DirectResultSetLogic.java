package dev.nplusone.internal.jdbc;

import java.lang.reflect.Method;
import java.sql.ResultSet;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.dsproxy.proxy.ProxyLogicSupport;
import net.ttddyy.dsproxy.proxy.ResultSetProxyLogic;

/**
 * Behind every ResultSet proxy nplusone makes: the proxy-identity methods ({@code unwrap}, {@code getTarget},
 * {@code equals}, {@code toString}...) answered as datasource-proxy answers them, every other call made
 * directly on the driver's ResultSet, then shown to {@link #observe}.
 *
 * <p>datasource-proxy's own {@code SimpleResultSetProxyLogic} runs each call through its method-execution
 * path: a context object and its builder, a stopwatch and two method-listener notifications, on every
 * {@code next()} and getter. nplusone registers no method listener, so that work buys nothing; skipping it
 * removes about 760 bytes of garbage per row of four columns (JdbcBenchmark.readRows, {@code -prof gc}). A
 * method listener added to nplusone's ProxyConfig would not see ResultSet calls.
 */
abstract class DirectResultSetLogic extends ProxyLogicSupport implements ResultSetProxyLogic {
    final ResultSet resultSet;
    private final ProxyConfig config;

    DirectResultSetLogic(ResultSet resultSet, ProxyConfig config) {
        this.resultSet = resultSet;
        this.config = config;
    }

    /** Passes every call through, watching nothing: the ResultSet of a statement that is not recorded. */
    static DirectResultSetLogic passThrough(ResultSet resultSet, ProxyConfig config) {
        return new DirectResultSetLogic(resultSet, config) {
            @Override
            void observe(String method, Object[] args, Object result) {
                // nothing recorded
            }
        };
    }

    @Override
    public final Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        return performProxyLogic(proxy, method, args, null);
    }

    @Override
    protected final Object performProxyLogic(Object proxy, Method method, Object[] args,
                                             MethodExecutionContext unused) throws Throwable {
        String name = method.getName();
        if (isCommonMethod(name)) {
            return handleCommonMethod(name, resultSet, config, args);
        }
        Object result = proceedExecution(method, resultSet, args);
        observe(name, args, result);
        return result;
    }

    /** Sees each call's method name, arguments and result after the driver answered; must not throw. */
    abstract void observe(String method, Object[] args, Object result);
}
