package dev.nplusone.internal.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/** Escaping and small formatting helpers of the HTML report: every string from outside goes through {@link #text}. */
final class Html {
    private Html() {
    }

    /** Appends {@code value} escaped for both text and quoted attribute values; null appends nothing. */
    static StringBuilder text(StringBuilder out, String value) {
        if (value == null) {
            return out;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' || c == '\u2028' || c == '\u2029'
                            || Character.isSurrogate(c) && !pairedSurrogate(value, i)) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out;
    }

    private static boolean pairedSurrogate(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
    }

    /** The CSP source for an inline block: {@code 'sha256-...'} of its exact text. */
    static String cspHash(String inlineBlock) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(inlineBlock.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** A time for people: {@code 850 µs}, {@code 1.5 ms}, {@code 38 ms}, {@code 2.4 s}. */
    static String time(long nanos) {
        if (nanos < 1_000_000) {
            return (nanos + 500) / 1000 + " µs";
        }
        return FindingText.millis(nanos);
    }

    static String decimal(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    /** A finding id made safe for an element id (ids are hex already; this keeps hostile JSON Lines harmless). */
    static String idPart(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length() && i < 64; i++) {
            char c = value.charAt(i);
            out.append(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' ? c : '_');
        }
        return out.toString();
    }
}
