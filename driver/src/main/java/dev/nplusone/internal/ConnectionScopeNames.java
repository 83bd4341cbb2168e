package dev.nplusone.internal;

/**
 * A connection scope is named after its checkout ({@code connection 17 (orders)}), unique per checkout; wherever
 * scopes are grouped by name (metric series, the HTML report's rows and timelines) it stands for its data source
 * only, so that a pool's thousands of checkouts are one group rather than a flood that pushes the routes out.
 */
public final class ConnectionScopeNames {
    public static final String KIND = "connection";

    private ConnectionScopeNames() {
    }

    /** The name scopes of this kind are grouped under: a connection scope's without its number, any other as is. */
    public static String grouped(String name, String kind) {
        return KIND.equals(kind) ? withoutConnectionNumber(name) : name;
    }

    /**
     * {@code connection 17 (orders)} becomes {@code connection (orders)}; {@code connection 17}, {@code connection}. A
     * DriverManager connection is named after its JDBC URL, which may hold a host, a user or a password: grouped it
     * is just {@code connection}.
     */
    static String withoutConnectionNumber(String name) {
        int space = name.indexOf(' ');
        if (space < 0) {
            return name;
        }
        int end = space + 1;
        while (end < name.length() && Character.isDigit(name.charAt(end))) {
            end++;
        }
        String source = name.substring(end).trim();
        return name.substring(0, space) + (source.isEmpty() || source.startsWith("(jdbc:") ? "" : " " + source);
    }
}
