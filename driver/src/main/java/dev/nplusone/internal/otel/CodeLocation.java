package dev.nplusone.internal.otel;

/**
 * A finding's call site, {@code com.acme.PostService.render(PostService.java:57)}, split the way OpenTelemetry's
 * code attributes want it: the fully qualified function, the source file's path relative to a source root (derived
 * from the package: {@code com/acme/PostService.java}) and the line.
 *
 * @param filePath null when the frame had no source file
 * @param line     0 when unknown
 */
record CodeLocation(String function, String filePath, int line) {
    private static final String UNKNOWN_FUNCTION = "unknown.unknown";

    /** The parts of a call site as {@code Finding.callSite()} writes it, or null when it names no frame. */
    static CodeLocation parse(String callSite) {
        if (callSite == null) {
            return null;
        }
        int open = callSite.lastIndexOf('(');
        if (open <= 0 || !callSite.endsWith(")")) {
            return null;
        }
        String function = callSite.substring(0, open);
        if (function.equals(UNKNOWN_FUNCTION)) {
            return null;
        }
        String location = callSite.substring(open + 1, callSite.length() - 1);
        int colon = location.lastIndexOf(':');
        String file = colon < 0 ? location : location.substring(0, colon);
        int line = colon < 0 ? 0 : lineNumber(location.substring(colon + 1));
        if (file.isEmpty() || file.equals("Unknown Source") || file.equals("Native Method")) {
            return new CodeLocation(function, null, line);
        }
        return new CodeLocation(function, packagePath(function) + file, line);
    }

    private static int lineNumber(String text) {
        try {
            return Math.max(0, Integer.parseInt(text));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    /** {@code com/acme/} for {@code com.acme.PostService.render}: the class's package as folders. */
    private static String packagePath(String function) {
        int method = function.lastIndexOf('.');
        int type = method <= 0 ? -1 : function.lastIndexOf('.', method - 1);
        return type <= 0 ? "" : function.substring(0, type).replace('.', '/') + "/";
    }
}
