package dev.nplusone.internal.jdbc;

import java.sql.Array;
import java.util.List;
import java.util.StringJoiner;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;

/** Reading the values an application bound to a statement. */
final class BoundValues {
    private static final int MAX_SAMPLE_LENGTH = 200;

    private BoundValues() {
    }

    /** Arrays and collections bound as one parameter carry many keys ({@code = any (?)}). */
    static boolean isArray(Object value) {
        return value instanceof Array || (value != null && value.getClass().isArray() && !(value instanceof byte[]))
                || value instanceof java.util.Collection;
    }

    /** The bound values as text, for reports only when the user opted in with captureValues. */
    static String describe(List<ParameterSetOperation> parameters) {
        StringJoiner joiner = new StringJoiner(", ", "[", "]");
        for (ParameterSetOperation operation : parameters) {
            Object[] args = operation.getArgs();
            if (args == null || args.length < 2 || ParameterSetOperation.isRegisterOutParameterOperation(operation)) {
                continue;
            }
            Object value = ParameterSetOperation.isSetNullParameterOperation(operation) ? null : args[1];
            joiner.add(value instanceof CharSequence ? "'" + value + "'" : String.valueOf(value));
        }
        String text = joiner.toString();
        return text.length() > MAX_SAMPLE_LENGTH ? text.substring(0, MAX_SAMPLE_LENGTH) + "...]" : text;
    }
}
