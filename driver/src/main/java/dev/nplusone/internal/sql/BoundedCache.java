package dev.nplusone.internal.sql;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A concurrent map that forgets everything when it grows past its bound. Dynamic SQL with inlined literals
 * can produce unbounded distinct strings; clearing is cheap, rare for applications that reuse SQL strings,
 * and keeps memory flat for those that do not.
 */
public final class BoundedCache<K, V> {
    private final ConcurrentHashMap<K, V> map = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int maxSize;

    public BoundedCache(int maxSize) {
        this.maxSize = maxSize;
    }

    public V get(K key, Function<K, V> compute) {
        V value = map.get(key);
        if (value != null) {
            return value;
        }
        value = compute.apply(key);
        V raced = map.putIfAbsent(key, value);
        if (raced != null) {
            return raced;
        }
        if (size.incrementAndGet() > maxSize) {
            map.clear();
            size.set(0);
        }
        return value;
    }

    public int size() {
        return map.size();
    }
}
