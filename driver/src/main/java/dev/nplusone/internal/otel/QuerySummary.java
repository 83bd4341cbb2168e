package dev.nplusone.internal.otel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code db.query.summary} of a fingerprint: the operation and the tables it names, for example
 * {@code SELECT blog_post blog_author}, as OpenTelemetry's database conventions describe it (a low-cardinality
 * name for dashboards). Read from the fingerprint's words, which the normaliser has already lower-cased and
 * spaced, so no parser runs: a table is the word after {@code from}, {@code join}, {@code into} or {@code update}.
 */
final class QuerySummary {
    private static final int MAX_TABLES = 4;

    private QuerySummary() {
    }

    static String of(String fingerprint) {
        if (fingerprint == null || fingerprint.isBlank()) {
            return "";
        }
        String[] words = fingerprint.trim().split("[\\s(),]+");
        String operation = words[0].toUpperCase(Locale.ROOT);
        List<String> tables = new ArrayList<>();
        for (int i = 0; i + 1 < words.length && tables.size() < MAX_TABLES; i++) {
            if (introducesTable(words[i]) && isName(words[i + 1]) && !tables.contains(words[i + 1])) {
                tables.add(words[i + 1]);
            }
        }
        return tables.isEmpty() ? operation : operation + " " + String.join(" ", tables);
    }

    private static boolean introducesTable(String word) {
        return switch (word) {
            case "from", "join", "into", "update" -> true;
            default -> false;
        };
    }

    /** A table name, possibly schema-qualified or quoted; not a subquery's {@code select} or a placeholder. */
    private static boolean isName(String word) {
        return !word.isEmpty() && !word.equals("select") && !word.equals("?") && !word.equals("lateral");
    }
}
