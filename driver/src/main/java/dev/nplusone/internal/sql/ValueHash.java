package dev.nplusone.internal.sql;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/**
 * Type-neutral 64-bit hashes of key values, so that a value bound as {@code setLong(1, 7)}, read back as
 * {@code getObject} (an Integer) or written inline as {@code id = 7} hashes the same. Parent linking compares
 * these hashes, never the values, so no user data is retained.
 */
public final class ValueHash {
    public static final long NULL = 0x9E3779B97F4A7C15L;
    private static final long STRING_SEED = 0xC2B2AE3D27D4EB4FL;
    private static final long DECIMAL_SEED = 0x165667B19E3779F9L;
    /**
     * Numeric literals longer than this are hashed as written: no key is that long, and reading one as a
     * number takes time quadratic in its length (BigInteger parsing), on the application's thread.
     */
    static final int MAX_NUMERIC_LITERAL = 100;
    /** Decimals with more zeros than this before or after the point are hashed in scientific notation. */
    static final int MAX_PLAIN_SCALE = 100;

    private ValueHash() {
    }

    public static long of(Object value) {
        if (value == null) {
            return NULL;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ofLong(((Number) value).longValue());
        }
        if (value instanceof String s) {
            return ofString(s);
        }
        if (value instanceof BigDecimal d) {
            return ofDecimal(d);
        }
        if (value instanceof BigInteger i) {
            return i.bitLength() < 64 ? ofLong(i.longValue()) : ofString(i.toString()) ^ DECIMAL_SEED;
        }
        if (value instanceof Double || value instanceof Float) {
            return ofDouble(((Number) value).doubleValue());
        }
        if (value instanceof UUID u) {
            return ofString(u.toString());
        }
        if (value instanceof Character c) {
            return ofString(String.valueOf(c));
        }
        if (value instanceof Boolean b) {
            return of(b.booleanValue());
        }
        if (value instanceof byte[] bytes) {
            return mix(Arrays.hashCode(bytes) ^ 0xB17E5L);
        }
        return ofString(value.toString());
    }

    public static long ofLong(long value) {
        return mix(value);
    }

    /** A floating-point value; integral ones hash like the equal long, as {@link #of(Object)} does. */
    public static long ofDouble(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 9.0e15) {
            return ofLong((long) d);
        }
        return Double.isFinite(d) ? ofDecimal(BigDecimal.valueOf(d)) : mix(Double.doubleToLongBits(d));
    }

    public static long of(boolean value) {
        return value ? mix(0x7A11) : mix(0xFA15E);
    }

    public static long ofString(CharSequence s) {
        long h = STRING_SEED;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001B3L;
        }
        return mix(h);
    }

    /** Hash of a numeric literal as written in SQL text; integral values hash like the equal long. */
    public static long ofNumericLiteral(String text) {
        if (text.length() > MAX_NUMERIC_LITERAL) {
            return ofString(text);
        }
        String lower = text.toLowerCase(Locale.ROOT);
        try {
            if (lower.startsWith("0x")) {
                return ofLong(Long.parseUnsignedLong(lower.substring(2), 16));
            }
            return ofDecimal(new BigDecimal(lower));
        } catch (NumberFormatException | ArithmeticException e) {
            return ofString(text);
        }
    }

    private static long ofDecimal(BigDecimal d) {
        if (d.scale() == 0 && d.precision() < 19) {
            return ofLong(d.longValue()); // an integral key (NUMBER ids): no stripping, no garbage
        }
        BigDecimal stripped = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() < 19) {
            return ofLong(stripped.longValueExact());
        }
        if (Math.abs((long) stripped.scale()) > MAX_PLAIN_SCALE) {
            return ofString(stripped.toString()) ^ DECIMAL_SEED; // 1e999999999 in plain digits is a billion chars
        }
        return ofString(stripped.toPlainString()) ^ DECIMAL_SEED;
    }

    /** Order-dependent combination of two hashes. */
    public static long combine(long seed, long value) {
        return mix(seed * 31 + value);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
