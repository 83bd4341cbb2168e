package dev.nplusone.internal.report;

import dev.nplusone.Finding;
import java.util.Locale;

/**
 * What each finding kind is called, in one table: the log's and CLI's headline ({@code N+1 QUERY}), the HTML and
 * SARIF title ({@code N+1 query}) and the JUnit failure's plural ({@code N+1 queries}) all read it.
 */
public final class KindWords {
    private KindWords() {
    }

    private record Words(String singular, String plural) {
    }

    private static Words words(Finding.Kind kind) {
        return switch (kind) {
            case N_PLUS_ONE -> new Words("N+1 query", "N+1 queries");
            case DUPLICATE -> new Words("duplicate query", "duplicate queries");
            case WRITE_LOOP -> new Words("write loop", "write loops");
            case UNUSED_JOIN -> new Words("unused join", "unused joins");
        };
    }

    /** The headline of a finding of {@code kind}, as logs and the console name it: {@code N+1 QUERY}. */
    public static String label(Finding.Kind kind) {
        return words(kind).singular().toUpperCase(Locale.ROOT);
    }

    /** As a title: {@code N+1 query}, {@code Duplicate query}; a kind this version does not know reads as its name. */
    public static String title(String kindName) {
        Finding.Kind kind;
        try {
            kind = Finding.Kind.valueOf(kindName);
        } catch (IllegalArgumentException e) {
            return kindName;
        }
        String singular = words(kind).singular();
        return Character.toUpperCase(singular.charAt(0)) + singular.substring(1);
    }

    /** In a sentence about several: {@code N+1 queries}, {@code write loops}. */
    public static String plural(Finding.Kind kind) {
        return words(kind).plural();
    }
}
