package dev.nplusone.internal.scope;

/**
 * The first application frame below a statement execution, and the frameworks seen between it and JDBC.
 * Instances are interned, so the hot path compares them by identity first.
 */
public record CallSite(String className, String methodName, String fileName, int line, int frameworks) {
    public static final CallSite UNKNOWN = new CallSite("unknown", "unknown", null, -1, 0);

    @Override
    public String toString() {
        String location = fileName == null ? "Unknown Source" : line >= 0 ? fileName + ":" + line : fileName;
        return className + "." + methodName + "(" + location + ")";
    }
}
