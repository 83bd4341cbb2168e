package dev.nplusone.internal.jdbc;

import java.sql.SQLException;
import java.sql.Wrapper;
import net.ttddyy.dsproxy.proxy.ProxyConfig;
import net.ttddyy.dsproxy.proxy.ProxyJdbcObject;

/**
 * What every nplusone JDBC wrapper answers the way datasource-proxy's own proxies do, so that code written
 * against those (pools, tests, the agent's {@code AppCopies}) sees no difference: {@code unwrap} and
 * {@code isWrapperFor} ask the driver's object, {@code equals} and {@code hashCode} are the driver object's,
 * and {@link ProxyJdbcObject} gives the driver's object and the configuration. Subclasses are plain
 * delegating classes: no reflection, no JDK proxy, nothing allocated on a call that records nothing.
 */
abstract class WatchedJdbcObject<T extends Wrapper> implements ProxyJdbcObject, Wrapper {
    final T target;
    final ProxyConfig config;

    WatchedJdbcObject(T target, ProxyConfig config) {
        this.target = target;
        this.config = config;
    }

    @Override
    public final <I> I unwrap(Class<I> iface) throws SQLException {
        I unwrapped = target.unwrap(iface);
        leftUnwatched();
        return unwrapped;
    }

    /** The application took the driver's own object: what it does with it from now on goes unseen. */
    void leftUnwatched() {
    }

    @Override
    public final boolean isWrapperFor(Class<?> iface) throws SQLException {
        return target.isWrapperFor(iface);
    }

    @Override
    public final Object getTarget() {
        return target;
    }

    @Override
    public final ProxyConfig getProxyConfig() {
        return config;
    }

    /** Equal to the driver's object, and to any proxy of it. */
    @Override
    public final boolean equals(Object other) {
        return target.equals(other) || other instanceof ProxyJdbcObject proxy && target.equals(proxy.getTarget());
    }

    @Override
    public final int hashCode() {
        return target.hashCode();
    }

    @Override
    public final String toString() {
        return target.getClass().getSimpleName() + " [" + target + "]";
    }
}
