package dev.nplusone.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nplusone.Finding;
import org.junit.jupiter.api.Test;

class KindWordsTest {
    @Test
    void a_kind_is_called_the_same_in_the_log_the_html_and_sarif_reports_and_a_junit_failure() {
        assertEquals("N+1 QUERY", KindWords.label(Finding.Kind.N_PLUS_ONE));
        assertEquals("DUPLICATE QUERY", KindWords.label(Finding.Kind.DUPLICATE));
        assertEquals("N+1 query", KindWords.title("N_PLUS_ONE"));
        assertEquals("Write loop", KindWords.title("WRITE_LOOP"));
        assertEquals("N+1 queries", KindWords.plural(Finding.Kind.N_PLUS_ONE));
        assertEquals("unused joins", KindWords.plural(Finding.Kind.UNUSED_JOIN));
        for (Finding.Kind kind : Finding.Kind.values()) {
            assertEquals(KindWords.label(kind), KindWords.title(kind.name()).toUpperCase(java.util.Locale.ROOT));
        }
    }

    @Test
    void a_kind_from_a_newer_version_in_json_lines_reads_as_its_name() {
        assertEquals("SLOW_SCAN", KindWords.title("SLOW_SCAN"));
    }
}
