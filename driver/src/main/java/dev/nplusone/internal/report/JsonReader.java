package dev.nplusone.internal.report;

import java.io.IOException;
import java.io.Reader;

/**
 * A pull parser for JSON, one token at a time from a {@link Reader}: what the CLI reads JSON Lines and baselines
 * with, so memory stays bounded by the largest value the caller keeps, not by the input. Unknown members are
 * skipped with {@link #skipValue()}, which builds nothing. Malformed input throws {@link IOException} with the
 * character offset.
 */
final class JsonReader {
    enum Token { BEGIN_OBJECT, END_OBJECT, BEGIN_ARRAY, END_ARRAY, NAME, STRING, NUMBER, BOOLEAN, NULL, END }

    private final Reader in;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private long consumed;
    /** Per open container, innermost last: true for an object. */
    private final boolean[] objects = new boolean[256];
    /** Per open container: whether a value (or name, for objects awaiting its value) came already. */
    private final boolean[] started = new boolean[256];
    private int depth;
    private boolean expectingValueAfterName;
    private Token peeked;
    private final StringBuilder text = new StringBuilder();

    JsonReader(Reader in) {
        this.in = in;
    }

    Token peek() throws IOException {
        if (peeked != null) {
            return peeked;
        }
        int c = nextNonSpace();
        if (depth > 0 && !expectingValueAfterName) {
            boolean object = objects[depth - 1];
            if (c == (object ? '}' : ']')) {
                return peeked = object ? Token.END_OBJECT : Token.END_ARRAY;
            }
            if (started[depth - 1]) {
                if (c != ',') {
                    throw error("expected ',' or '" + (object ? '}' : ']') + "'");
                }
                position++;
                c = nextNonSpace();
            }
            if (object) {
                if (c != '"') {
                    throw error("expected a member name");
                }
                return peeked = Token.NAME;
            }
        }
        if (c == -1) {
            if (depth > 0) {
                throw error("unexpected end of input");
            }
            return peeked = Token.END;
        }
        return peeked = switch (c) {
            case '{' -> Token.BEGIN_OBJECT;
            case '[' -> Token.BEGIN_ARRAY;
            case '"' -> Token.STRING;
            case 't', 'f' -> Token.BOOLEAN;
            case 'n' -> Token.NULL;
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    yield Token.NUMBER;
                }
                throw error("unexpected character '" + (char) c + "'");
            }
        };
    }

    void beginObject() throws IOException {
        open(Token.BEGIN_OBJECT, true);
    }

    void beginArray() throws IOException {
        open(Token.BEGIN_ARRAY, false);
    }

    void endObject() throws IOException {
        close(Token.END_OBJECT);
    }

    void endArray() throws IOException {
        close(Token.END_ARRAY);
    }

    boolean hasNext() throws IOException {
        Token token = peek();
        return token != Token.END_OBJECT && token != Token.END_ARRAY && token != Token.END;
    }

    String nextName() throws IOException {
        expect(Token.NAME);
        String name = readString();
        if (nextNonSpace() != ':') {
            throw error("expected ':'");
        }
        position++;
        started[depth - 1] = true;
        expectingValueAfterName = true;
        return name;
    }

    /** A string, or null for a JSON null. */
    String nextString() throws IOException {
        if (peek() == Token.NULL) {
            nextNull();
            return null;
        }
        expect(Token.STRING);
        String value = readString();
        valueDone();
        return value;
    }

    long nextLong() throws IOException {
        expect(Token.NUMBER);
        text.setLength(0);
        while (true) {
            int c = peekChar();
            if (c == -1 || "+-0123456789.eE".indexOf(c) < 0) {
                break;
            }
            text.append((char) c);
            position++;
        }
        valueDone();
        try {
            return Long.parseLong(text.toString());
        } catch (NumberFormatException e) {
            try {
                return (long) Double.parseDouble(text.toString());
            } catch (NumberFormatException notANumber) {
                throw error("bad number '" + text + "'");
            }
        }
    }

    boolean nextBoolean() throws IOException {
        expect(Token.BOOLEAN);
        boolean value = peekChar() == 't';
        literal(value ? "true" : "false");
        valueDone();
        return value;
    }

    void nextNull() throws IOException {
        expect(Token.NULL);
        literal("null");
        valueDone();
    }

    /** Whether the next value is null; consumes it if so. */
    boolean nextIfNull() throws IOException {
        if (peek() == Token.NULL) {
            nextNull();
            return true;
        }
        return false;
    }

    /** Skips the next value, however deep, building nothing. */
    void skipValue() throws IOException {
        int level = 0;
        do {
            switch (peek()) {
                case BEGIN_OBJECT -> { beginObject(); level++; }
                case BEGIN_ARRAY -> { beginArray(); level++; }
                case END_OBJECT -> { endObject(); level--; }
                case END_ARRAY -> { endArray(); level--; }
                case NAME -> { nextName(); continue; }
                case STRING -> skipString();
                case NUMBER -> nextLong();
                case BOOLEAN -> nextBoolean();
                case NULL -> nextNull();
                case END -> throw error("unexpected end of input");
                default -> throw error("unexpected token");
            }
        } while (level > 0);
    }

    private void open(Token token, boolean object) throws IOException {
        expect(token);
        position++;
        if (depth == objects.length) {
            throw error("nested too deeply");
        }
        objects[depth] = object;
        started[depth] = false;
        depth++;
        expectingValueAfterName = false;
    }

    private void close(Token token) throws IOException {
        expect(token);
        position++;
        depth--;
        valueDone();
    }

    private void valueDone() {
        peeked = null;
        expectingValueAfterName = false;
        if (depth > 0) {
            started[depth - 1] = true;
        }
    }

    private void expect(Token token) throws IOException {
        Token actual = peek();
        if (actual != token) {
            throw error("expected " + token + " but found " + actual);
        }
        peeked = null;
    }

    private void literal(String word) throws IOException {
        for (int i = 0; i < word.length(); i++) {
            if (peekChar() != word.charAt(i)) {
                throw error("expected '" + word + "'");
            }
            position++;
        }
    }

    private void skipString() throws IOException {
        expect(Token.STRING);
        position++;
        while (true) {
            int c = readChar();
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                readChar();
            } else if (c == -1) {
                throw error("unterminated string");
            }
        }
        valueDone();
    }

    private String readString() throws IOException {
        position++; // the opening quote
        text.setLength(0);
        while (true) {
            int c = readChar();
            if (c == '"') {
                return text.toString();
            }
            if (c == -1) {
                throw error("unterminated string");
            }
            if (c != '\\') {
                text.append((char) c);
                continue;
            }
            int escaped = readChar();
            switch (escaped) {
                case '"', '\\', '/' -> text.append((char) escaped);
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> {
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int digit = Character.digit(readChar(), 16);
                        if (digit < 0) {
                            throw error("bad \\u escape");
                        }
                        code = code * 16 + digit;
                    }
                    text.append((char) code);
                }
                default -> throw error("bad escape");
            }
        }
    }

    private int nextNonSpace() throws IOException {
        while (true) {
            int c = peekChar();
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                position++;
            } else {
                return c;
            }
        }
    }

    private int peekChar() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position];
    }

    private int readChar() throws IOException {
        int c = peekChar();
        if (c != -1) {
            position++;
        }
        return c;
    }

    private boolean fill() throws IOException {
        consumed += limit;
        position = 0;
        limit = 0;
        int read = in.read(buffer, 0, buffer.length);
        if (read <= 0) {
            return false;
        }
        limit = read;
        return true;
    }

    private IOException error(String message) {
        return new IOException(message + " at character " + (consumed + position));
    }
}
