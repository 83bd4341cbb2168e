package dev.nplusone.junit;

import dev.nplusone.Finding;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** One {@link AllowNPlusOne} entry, checked and ready to match findings. */
final class Allowance {
    private final String sql;
    private final String callSite;
    private final String reason;
    private final String declaredOn;
    private final Pattern sqlPattern;
    private final Pattern callSitePattern;

    private Allowance(String sql, String callSite, String reason, String declaredOn) {
        this.sql = sql;
        this.callSite = callSite;
        this.reason = reason;
        this.declaredOn = declaredOn;
        this.sqlPattern = compile(sql);
        this.callSitePattern = compile(callSite);
    }

    /** Reads an annotation; an entry without a pattern or without a reason is a mistake in the test. */
    static Allowance of(AllowNPlusOne allow, String declaredOn) {
        Allowance allowance = new Allowance(allow.sql().trim(), allow.callSite().trim(), allow.reason().trim(), declaredOn);
        if (allowance.sql.isEmpty() && allowance.callSite.isEmpty()) {
            throw new ExtensionConfigurationException(allowance + ": set sql or callSite (or both) to say which"
                    + " finding it allows");
        }
        if (allowance.reason.isEmpty()) {
            throw new ExtensionConfigurationException(allowance + ": the reason must say why this loop is acceptable");
        }
        return allowance;
    }

    boolean allows(Finding finding) {
        return matches(sql, sqlPattern, finding.sql()) && matches(callSite, callSitePattern, finding.callSite());
    }

    /** A regular expression found anywhere, or a plain substring (SQL is full of regex characters); no case. */
    private static boolean matches(String expected, Pattern pattern, String actual) {
        if (expected.isEmpty()) {
            return true;
        }
        if (actual == null) {
            return false;
        }
        return actual.toLowerCase(Locale.ROOT).contains(expected.toLowerCase(Locale.ROOT))
                || pattern != null && pattern.matcher(actual).find();
    }

    private static Pattern compile(String expression) {
        if (expression.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile(expression, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    /** For example {@code @AllowNPlusOne(sql = "...", reason = "...") on PostPageTest.renders()}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("@AllowNPlusOne(");
        if (!sql.isEmpty()) {
            out.append("sql = \"").append(sql).append("\", ");
        }
        if (!callSite.isEmpty()) {
            out.append("callSite = \"").append(callSite).append("\", ");
        }
        return out.append("reason = \"").append(reason).append("\") on ").append(declaredOn).toString();
    }
}
