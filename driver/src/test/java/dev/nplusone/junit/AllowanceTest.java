package dev.nplusone.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nplusone.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

class AllowanceTest {
    static final Finding BATCH_LOOKUP = new Finding("1", Finding.Kind.N_PLUS_ONE, Finding.Confidence.UNPARENTED, 10, 10,
            1, "select t.id from blog_tag t where t.id in (?+) and t.name = ?", "com.acme.Tags.load(Tags.java:12)", null,
            null, 0, List.of());

    static Allowance allowance(String sql, String callSite, String reason) {
        return Allowance.of(new AllowNPlusOne() {
            @Override
            public String sql() {
                return sql;
            }

            @Override
            public String callSite() {
                return callSite;
            }

            @Override
            public String reason() {
                return reason;
            }

            @Override
            public Class<AllowNPlusOne> annotationType() {
                return AllowNPlusOne.class;
            }
        }, "Tests.test()");
    }

    @Test
    void matches_sql_full_of_regex_characters_as_a_plain_substring() {
        assertTrue(allowance("where t.id in (?+)", "", "r").allows(BATCH_LOOKUP));
        assertTrue(allowance("T.NAME = ?", "", "r").allows(BATCH_LOOKUP));
    }

    @Test
    void matches_a_regular_expression_found_anywhere() {
        assertTrue(allowance("from blog_\\w+ t", "", "r").allows(BATCH_LOOKUP));
        assertTrue(allowance("", "Tags\\.load\\(Tags\\.java:\\d+\\)", "r").allows(BATCH_LOOKUP));
        assertFalse(allowance("^from blog_tag", "", "r").allows(BATCH_LOOKUP));
    }

    @Test
    void requires_sql_and_call_site_both_to_match_when_both_are_set() {
        assertTrue(allowance("blog_tag", "com.acme.Tags", "r").allows(BATCH_LOOKUP));
        assertFalse(allowance("blog_tag", "com.acme.Posts", "r").allows(BATCH_LOOKUP));
    }

    @Test
    void rejects_a_blank_reason() {
        ExtensionConfigurationException error = assertThrows(ExtensionConfigurationException.class,
                () -> allowance("blog_tag", "", "  "));

        assertEquals("@AllowNPlusOne(sql = \"blog_tag\", reason = \"\") on Tests.test(): the reason must say why this"
                + " loop is acceptable", error.getMessage());
    }
}
