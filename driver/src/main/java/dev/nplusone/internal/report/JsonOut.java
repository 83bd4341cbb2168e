package dev.nplusone.internal.report;

/**
 * Writes JSON into a {@link StringBuilder} with the commas placed for the caller: {@code object().name("a").value(1)
 * .end()}. Strings are escaped as in the JSON Lines report. No library: the agent jar carries no JSON library.
 */
final class JsonOut {
    private final StringBuilder out;
    /** Per open container, its closing bracket. */
    private final char[] closing = new char[64];
    /** Per open container: whether it holds a member yet (a bit per depth, 64 levels deep at most). */
    private long nonEmpty;
    private int depth;
    private boolean afterName;

    JsonOut(StringBuilder out) {
        this.out = out;
    }

    JsonOut object() {
        return open('{');
    }

    JsonOut array() {
        return open('[');
    }

    JsonOut end() {
        nonEmpty &= ~(1L << (depth - 1));
        depth--;
        out.append(closing[depth]);
        return this;
    }

    private JsonOut open(char bracket) {
        separate();
        out.append(bracket);
        closing[depth] = bracket == '{' ? '}' : ']';
        depth++;
        return this;
    }

    JsonOut name(String name) {
        separate();
        JsonReport.string(out, name);
        out.append(':');
        afterName = true;
        return this;
    }

    JsonOut value(String value) {
        separate();
        JsonReport.string(out, value);
        return this;
    }

    JsonOut value(long value) {
        separate();
        out.append(value);
        return this;
    }

    JsonOut value(boolean value) {
        separate();
        out.append(value);
        return this;
    }

    /** A member with a string value, or null. */
    JsonOut field(String name, String value) {
        return name(name).value(value);
    }

    JsonOut field(String name, long value) {
        return name(name).value(value);
    }

    JsonOut field(String name, boolean value) {
        return name(name).value(value);
    }

    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth == 0) {
            return;
        }
        long bit = 1L << (depth - 1);
        if ((nonEmpty & bit) != 0) {
            out.append(',');
        }
        nonEmpty |= bit;
    }
}
