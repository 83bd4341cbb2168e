package dev.nplusone.internal.sql;

import dev.nplusone.StatementType;
import dev.nplusone.internal.Faults;

import java.util.Set;

/**
 * Single-pass lexer that turns SQL into its shape: comments dropped, whitespace collapsed, unquoted words
 * lower-cased, every literal and parameter ({@code ?}, {@code $1}, {@code :name}) replaced by {@code ?},
 * IN lists of values collapsed to {@code in (?+)}. Quoted identifiers and strings are scanned exactly, so a
 * quote or comment marker inside a string never changes the shape.
 *
 * <p>No regular expressions and no backtracking: each character is looked at a bounded number of times, so
 * time is linear in the length of the input whatever it holds. Unterminated strings or comments simply run
 * to the end of the input.
 */
public final class SqlNormalizer {
    /** Literal hashes kept per statement for parent linking; keys rarely have more columns than this. */
    public static final int MAX_LITERAL_VALUES = 8;

    /** Words after which a {@code -} starts a negative number rather than a subtraction. */
    private static final Set<String> OPERATOR_WORDS = Set.of("select", "where", "and", "or", "not", "when",
            "then", "else", "values", "in", "by", "between", "like", "is", "limit", "offset", "return", "set",
            "having", "on", "case", "any", "all", "some");

    /** Words followed by a space before {@code (}; any other word before {@code (} is a function call. */
    private static final Set<String> SPACED_BEFORE_PAREN = Set.of("in", "values", "exists", "and", "or", "not",
            "from", "join", "on", "where", "as", "any", "all", "some", "using", "select", "over", "when", "then",
            "else", "by", "having", "union", "intersect", "except", "into", "set", "with", "between", "is",
            "like", "case", "distinct", "returning", "lateral", "filter", "within");

    private enum Token { NONE, WORD, QUOTED, VALUE, OPEN, CLOSE, COMMA, DOT, OPERATOR }

    private final String sql;
    private final int length;
    private final StringBuilder out;
    private Token previous = Token.NONE;
    private String previousWord = "";
    private boolean previousCast;
    private String firstWord;

    private long literalHash;
    private final long[] literalValues = new long[MAX_LITERAL_VALUES];
    private int literalCount;

    // IN-list collapsing: where "in (" started in the output, and what we have seen since.
    private int inListStart = -1;
    private int inListValues;
    private boolean inListExpectValue;
    private int maxInListSize;
    private int inListStartSlot;
    private boolean inListAllLiterals;

    // Value slots in text order, as JSqlParser numbers the parameters of the shape.
    private int slots;
    private long literalSlots;

    // Template mode: what each value is written as, instead of ?.
    private final ValueWriter writer;
    private int tokenStart;
    private int binds;
    private int inListRawStart;
    private int inListFirstBind;

    /**
     * Writes the values of a statement for {@link #template}: a literal kept as written, a named parameter,
     * or {@code ?}.
     */
    public interface ValueWriter {
        /**
         * @param slot      the value's slot in the shape (0-based, text order; an IN list of values is one)
         * @param literal   whether the statement wrote it as a literal (else it is bound)
         * @param bindIndex for a bound value, which bound value it is (1-based, as JDBC counts); else 0
         * @param original  the value as the statement wrote it
         */
        String write(int slot, boolean literal, int bindIndex, String original);
    }

    private SqlNormalizer(String sql, ValueWriter writer) {
        this.sql = sql;
        this.length = sql.length();
        this.out = new StringBuilder(Math.min(length, 4096));
        this.writer = writer;
    }

    private SqlNormalizer(String sql) {
        this(sql, null);
    }

    /**
     * {@code sql} written as its shape is (comments dropped, whitespace collapsed, words lower-cased, IN lists of
     * values as one value), but with each value as {@code writer} says: how a rewrite keeps the literals that
     * are part of the query and names the parameters the application binds.
     */
    public static String template(String sql, ValueWriter writer) {
        return new SqlNormalizer(sql == null ? "" : sql, writer).run().shape();
    }

    public static NormalizedSql normalize(String sql) {
        Faults.check(Faults.Stage.NORMALIZER);
        if (sql == null) {
            sql = "";
        }
        return new SqlNormalizer(sql).run();
    }

    private NormalizedSql run() {
        int i = 0;
        while (i < length) {
            char c = sql.charAt(i);
            tokenStart = i;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && peek(i + 1) == '-') {
                i = skipLineComment(i);
            } else if (c == '/' && peek(i + 1) == '*') {
                i = skipBlockComment(i);
            } else if (c == '\'') {
                int end = endOfString(i, false);
                stringLiteral(i + 1, end);
                i = end;
            } else if (c == '"' || c == '`') {
                int end = endOfQuoted(i, c, false);
                emit(Token.QUOTED, sql.substring(i, end));
                i = end;
            } else if (c == '?') {
                parameter("?");
                i++;
            } else if (c == '$') {
                i = dollar(i);
            } else if (c == ':' && peek(i + 1) == ':') {
                emit(Token.OPERATOR, "::");
                i += 2;
            } else if (c == ':' && isWordStart(peek(i + 1)) && previous != Token.NONE) {
                int end = endOfWord(i + 1);
                parameter(sql.substring(i, end));
                i = end;
            } else if (isDigit(c) || (c == '.' && isDigit(peek(i + 1)))) {
                int end = endOfNumber(i);
                numberLiteral(i, end);
                i = end;
            } else if (c == '-' && startsNegativeNumber(i)) {
                int end = endOfNumber(i + 1);
                numberLiteral(i, end);
                i = end;
            } else if (isWordStart(c)) {
                i = word(i);
            } else {
                i = punctuation(i, c);
            }
        }
        dropTrailingSemicolons();
        StatementType kind = firstWord == null ? StatementType.OTHER : StatementType.ofFirstKeyword(firstWord);
        long[] values = java.util.Arrays.copyOf(literalValues, Math.min(literalCount, MAX_LITERAL_VALUES));
        return new NormalizedSql(out.toString(), kind, literalHash, values, maxInListSize, slots, literalSlots);
    }

    private char peek(int index) {
        return index < length ? sql.charAt(index) : '\0';
    }

    private int skipLineComment(int i) {
        int newline = sql.indexOf('\n', i);
        return newline < 0 ? length : newline + 1;
    }

    private int skipBlockComment(int i) {
        int depth = 0;
        while (i < length) {
            char c = sql.charAt(i);
            if (c == '/' && peek(i + 1) == '*') {
                depth++;
                i += 2;
            } else if (c == '*' && peek(i + 1) == '/') {
                i += 2;
                if (--depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return length;
    }

    /** End (exclusive) of a '...' string starting at {@code start}; '' is an escaped quote. */
    private int endOfString(int start, boolean backslashEscapes) {
        return endOfQuoted(start, '\'', backslashEscapes);
    }

    /**
     * End (exclusive) of text quoted with {@code quote} from {@code start}: a doubled quote stands for itself,
     * and with {@code backslashEscapes} a backslash escapes the next character. Unterminated: the end of input.
     */
    private int endOfQuoted(int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < length) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (peek(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return length;
    }

    private int dollar(int i) {
        if (isDigit(peek(i + 1))) {
            int end = i + 1;
            while (end < length && isDigit(sql.charAt(end))) {
                end++;
            }
            parameter(sql.substring(i, end));
            return end;
        }
        // PostgreSQL dollar quoting: $$...$$ or $tag$...$tag$
        int tagEnd = i + 1;
        while (tagEnd < length && isWordPart(sql.charAt(tagEnd)) && sql.charAt(tagEnd) != '$') {
            tagEnd++;
        }
        if (tagEnd < length && sql.charAt(tagEnd) == '$') {
            String tag = sql.substring(i, tagEnd + 1);
            int close = sql.indexOf(tag, tagEnd + 1);
            int contentEnd = close < 0 ? length : close;
            int end = close < 0 ? length : close + tag.length();
            literal(ValueHash.ofString(sql.subSequence(tagEnd + 1, contentEnd)), end);
            return end;
        }
        emit(Token.OPERATOR, "$");
        return i + 1;
    }

    private int endOfNumber(int i) {
        if (sql.charAt(i) == '0' && (peek(i + 1) == 'x' || peek(i + 1) == 'X') && isHexDigit(peek(i + 2))) {
            i += 2;
            while (i < length && isHexDigit(sql.charAt(i))) {
                i++;
            }
            return i;
        }
        while (i < length && isDigit(sql.charAt(i))) {
            i++;
        }
        if (i < length && sql.charAt(i) == '.') {
            i++;
            while (i < length && isDigit(sql.charAt(i))) {
                i++;
            }
        }
        if (i < length && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')) {
            int exponent = i + 1;
            if (exponent < length && (sql.charAt(exponent) == '+' || sql.charAt(exponent) == '-')) {
                exponent++;
            }
            if (exponent < length && isDigit(sql.charAt(exponent))) {
                i = exponent;
                while (i < length && isDigit(sql.charAt(i))) {
                    i++;
                }
            }
        }
        return i;
    }

    private boolean startsNegativeNumber(int i) {
        char next = peek(i + 1);
        if (!(isDigit(next) || (next == '.' && isDigit(peek(i + 2))))) {
            return false;
        }
        switch (previous) {
            case NONE:
            case OPEN:
            case COMMA:
            case OPERATOR:
                return true;
            case WORD:
                return OPERATOR_WORDS.contains(previousWord);
            default:
                return false;
        }
    }

    private int word(int start) {
        int end = endOfWord(start);
        // Prefixed strings: N'..', E'..' (backslash escapes), X'..', B'..'
        if (end - start == 1 && peek(end) == '\'') {
            char prefix = Character.toLowerCase(sql.charAt(start));
            if (prefix == 'n' || prefix == 'e' || prefix == 'x' || prefix == 'b') {
                int stringEnd = endOfString(end, prefix == 'e');
                stringLiteral(end + 1, stringEnd);
                return stringEnd;
            }
        }
        String word = lowerCase(start, end);
        if (firstWord == null) {
            firstWord = word;
        }
        emit(Token.WORD, word);
        return end;
    }

    private int endOfWord(int i) {
        while (i < length && isWordPart(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    private String lowerCase(int start, int end) {
        for (int i = start; i < end; i++) {
            char c = sql.charAt(i);
            if (c >= 'A' && c <= 'Z' || c > 127) {
                return sql.substring(start, end).toLowerCase(java.util.Locale.ROOT);
            }
        }
        return sql.substring(start, end);
    }

    private int punctuation(int i, char c) {
        switch (c) {
            case '(':
                emit(Token.OPEN, "(");
                return i + 1;
            case ')':
                emit(Token.CLOSE, ")");
                return i + 1;
            case ',':
                emit(Token.COMMA, ",");
                return i + 1;
            case '.':
                emit(Token.DOT, ".");
                return i + 1;
            default:
                break;
        }
        char next = peek(i + 1);
        String two = twoCharOperator(c, next);
        if (two != null) {
            if (two.equals("->") && peek(i + 2) == '>') {
                emit(Token.OPERATOR, "->>");
                return i + 3;
            }
            emit(Token.OPERATOR, two);
            return i + 2;
        }
        emit(Token.OPERATOR, String.valueOf(c));
        return i + 1;
    }

    private static String twoCharOperator(char c, char next) {
        switch (c) {
            case '<':
                return next == '=' ? "<=" : next == '>' ? "<>" : next == '@' ? "<@" : null;
            case '>':
                return next == '=' ? ">=" : null;
            case '!':
                return next == '=' ? "!=" : null;
            case '|':
                return next == '|' ? "||" : null;
            case '-':
                return next == '>' ? "->" : null;
            case '=':
                return next == '>' ? "=>" : null;
            case '@':
                return next == '>' ? "@>" : null;
            case '&':
                return next == '&' ? "&&" : null;
            default:
                return null;
        }
    }

    private void stringLiteral(int contentStart, int end) {
        int contentEnd = end > contentStart && sql.charAt(end - 1) == '\'' && end - 1 >= contentStart ? end - 1 : end;
        literal(hashUnescaped(contentStart, contentEnd), end);
    }

    private long hashUnescaped(int start, int end) {
        for (int i = start; i < end; i++) {
            if (sql.charAt(i) == '\'') {
                return ValueHash.ofString(sql.substring(start, end).replace("''", "'"));
            }
        }
        return ValueHash.ofString(sql.subSequence(start, end));
    }

    private void numberLiteral(int start, int end) {
        literal(ValueHash.ofNumericLiteral(sql.substring(start, end)), end);
    }

    private void literal(long valueHash, int end) {
        if (literalCount < MAX_LITERAL_VALUES) {
            literalValues[literalCount] = valueHash;
        }
        literalCount++;
        literalHash = ValueHash.combine(literalHash, valueHash);
        emitValue(true, writer == null ? null : sql.substring(tokenStart, end));
    }

    private void parameter(String original) {
        binds++;
        emitValue(false, original);
    }

    private void emitValue(boolean literal, String original) {
        if (literal && slots < 64) {
            literalSlots |= 1L << slots;
        }
        if (inListStart >= 0) {
            inListAllLiterals &= literal;
            if (inListValues == 0) {
                inListFirstBind = literal ? 0 : binds;
            }
        }
        // inside a possible IN list the writer sees the whole list once it is complete
        String text = writer == null ? "?" : inListStart >= 0 ? original
                : writer.write(slots, literal, literal ? 0 : binds, original);
        slots++;
        emit(Token.VALUE, text);
    }

    private void emit(Token token, String text) {
        trackInList(token);
        if (needsSpace(token, text)) {
            out.append(' ');
        }
        out.append(text);
        previousCast = token == Token.OPERATOR && text.equals("::");
        previous = token;
        previousWord = token == Token.WORD ? text : "";
        if (token == Token.CLOSE) {
            collapseInListIfComplete();
        }
    }

    private boolean needsSpace(Token token, String text) {
        if (previous == Token.NONE || previous == Token.OPEN || previous == Token.DOT || previousCast) {
            return false;
        }
        if (token == Token.OPERATOR && text.equals("::")) {
            return false; // a cast binds tightly: id::text
        }
        switch (token) {
            case CLOSE:
            case COMMA:
            case DOT:
                return false;
            case OPEN:
                return previous != Token.WORD && previous != Token.QUOTED || SPACED_BEFORE_PAREN.contains(previousWord);
            default:
                return true;
        }
    }

    /** Watches tokens after {@code in (}: only values separated by commas make a collapsible list. */
    private void trackInList(Token token) {
        if (token == Token.OPEN && previous == Token.WORD && previousWord.equals("in")) {
            inListStart = out.length();
            inListRawStart = tokenStart;
            inListStartSlot = slots;
            inListAllLiterals = true;
            inListValues = 0;
            inListExpectValue = true;
            return;
        }
        if (inListStart < 0) {
            return;
        }
        if (inListExpectValue && token == Token.VALUE) {
            inListValues++;
            inListExpectValue = false;
        } else if (!inListExpectValue && token == Token.COMMA) {
            inListExpectValue = true;
        } else if (!(token == Token.CLOSE && !inListExpectValue)) {
            inListStart = -1;
        }
    }

    private void collapseInListIfComplete() {
        if (inListStart >= 0 && !inListExpectValue) {
            out.setLength(inListStart);
            if (writer == null) {
                out.append(" (?+)");
            } else {
                String list = writer.write(inListStartSlot, inListAllLiterals, inListAllLiterals ? 0 : inListFirstBind,
                        sql.substring(inListRawStart, tokenStart + 1));
                out.append(' ').append(list.startsWith("(") ? list : "(" + list + ")");
            }
            maxInListSize = Math.max(maxInListSize, inListValues);
            inListStart = -1;
            // the whole list is one slot of the shape
            long below = inListStartSlot >= 64 ? -1L : (1L << inListStartSlot) - 1;
            literalSlots &= below;
            if (inListAllLiterals && inListStartSlot < 64) {
                literalSlots |= 1L << inListStartSlot;
            }
            slots = inListStartSlot + 1;
        }
    }

    private void dropTrailingSemicolons() {
        int end = out.length();
        while (end > 0 && (out.charAt(end - 1) == ';' || out.charAt(end - 1) == ' ')) {
            end--;
        }
        out.setLength(end);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isWordStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c > 127 && Character.isLetter(c));
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || isDigit(c) || c == '$' || c == '#' || (c > 127 && Character.isLetterOrDigit(c));
    }
}
