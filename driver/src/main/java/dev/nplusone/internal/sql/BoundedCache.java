package dev.nplusone.internal.sql;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * A concurrent map that forgets everything when it grows past its bounds: a number of entries and, when a
 * weigher is given, a total weight of keys (for SQL, its length: ten thousand distinct 7 KB strings would
 * otherwise keep 70 MB). Dynamic SQL with inlined literals can produce unbounded distinct strings;
 * clearing is cheap, rare for applications that reuse SQL strings, and keeps memory flat for those that do
 * not. A key heavier than a sixteenth of the weight bound is not kept at all: its value is computed each
 * time, which costs time in proportion to a string the application built and the database parses anyway.
 */
public final class BoundedCache<K, V> {
    private final ConcurrentHashMap<K, V> map = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong weight = new AtomicLong();
    private final int maxSize;
    private final long maxWeight;
    private final ToIntFunction<K> weigher;

    public BoundedCache(int maxSize) {
        this(maxSize, Long.MAX_VALUE, key -> 0);
    }

    public BoundedCache(int maxSize, long maxWeight, ToIntFunction<K> weigher) {
        this.maxSize = maxSize;
        this.maxWeight = maxWeight;
        this.weigher = weigher;
    }

    public V get(K key, Function<K, V> compute) {
        V value = map.get(key);
        if (value != null) {
            return value;
        }
        value = compute.apply(key);
        int keyWeight = weigher.applyAsInt(key);
        if (keyWeight > maxWeight / 16) {
            return value;
        }
        V raced = map.putIfAbsent(key, value);
        if (raced != null) {
            return raced;
        }
        long totalWeight = weight.addAndGet(keyWeight);
        if (size.incrementAndGet() > maxSize || totalWeight > maxWeight) {
            map.clear();
            size.set(0);
            weight.set(0);
        }
        return value;
    }

    public int size() {
        return map.size();
    }
}
