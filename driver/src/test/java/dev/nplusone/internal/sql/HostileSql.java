package dev.nplusone.internal.sql;

import java.util.Random;
import java.util.function.IntFunction;

/**
 * Generates SQL an application should never send but sometimes does, from a seed (the same seed gives the
 * same strings): token soup, real statements of several dialects cut at any point (unterminated strings,
 * quoted names and comments), dollar quoting, JDBC escapes, unicode with and without valid surrogate pairs,
 * control characters, and, rarely, gigantic statements.
 */
final class HostileSql {
    static final String[] TOKENS = {
        "select", "SELECT", "from", "where", "and", "or", "not", "in", "IN", "(", ")", "((", "))", ",", ".", ";",
        "=", "<>", "!=", "<=", ">=", "<", ">", "+", "-", "*", "/", "%", "||", "::", ":", "->", "->>", "@>", "<@",
        "?", "?+", "$1", "$23", ":name", ":x1", "@p1", "#temp", "'", "''", "'it''s'", "'a", "\"", "\"Q\"", "`", "`b`",
        "--", "-- c\n", "/*", "*/", "/* c */", "/*/", "$$", "$tag$", "$a", "$", "E'\\'", "E'\\\\'", "N'x'", "X'FF'",
        "B'01'", "0x1F", "0x", "1", "-1", "1.5", ".5", "1e10", "1e-3", "1e999999999", "9".repeat(30), "-.5e+7",
        "{fn ucase(x)}", "{ts '2020-01-01'}", "{call p(?)}", "{", "}", "[dbo]", "[", "]", "limit", "offset",
        "top", "fetch first ? rows only", "for update", "any(?)", "= any (?)", "case", "when", "then", "else", "end",
        "join", "left join", "on", "using", "as", "t", "a.id", "p.author_id", "null", "is", "like", "between",
        "exists", "union", "with", "recursive", "values", "insert into", "update", "set", "delete", "merge into",
        "returning", "on conflict do nothing", "on duplicate key update", "connect by prior", "start with",
        "\u00e9", "\u4e2d\u6587", "\u00df", "\u0130", "\ud83d\ude00", "\ud800", "\udfff", "\udbff\udfff", "\u0000",
        "\u0007", "\t", "\n", "\r\n", "\u2028", "\u00a0", "\u200b", "\ufeff", "\\", "\\'", "\\\\", " ", "  ",
    };

    static final String[] STATEMENTS = {
        "select a.id, a.name from blog_author a where a.id = ?",
        "select p.id, p.title from blog_post p where p.author_id in (1, 2, 3) order by p.id limit 10 offset 20",
        "SELECT TOP 10 [id], [name] FROM [dbo].[Author] WHERE [id] = @p1 AND [name] LIKE N'%x%'",
        "select * from t where body = $tag$ it's -- not a comment $tag$ and id = $1::int",
        "select x ->> 'a', y #> '{a,b}' from docs where tags @> array['x'] and id = any(?)",
        "insert into t (a, b) values (1, 'x'), (2, 'y'), (3, E'z\\'z') on conflict (a) do update set b = excluded.b",
        "update `blog post` set `title` = 'It''s' where `id` = 7 /* trailing */",
        "delete from t where id in (select id from u where u.x = 'a' -- comment\n and u.y = ?)",
        "with recursive r(n) as (select 1 union all select n + 1 from r where n < 10) select * from r",
        "merge into t using s on (t.id = s.id) when matched then update set t.v = s.v",
        "select level from dual connect by prior id = parent_id start with id = :root",
        "{call compute_totals(?, ?)}",
        "select {fn concat(first_name, last_name)} from person where birth > {d '1990-01-01'}",
        "select * from t where c = 'multi\nline' and d = \"Quoted \"\"Name\"\"\" for update skip locked",
        "select \u540d\u524d from \u8868 where \u00e9t\u00e9 = '\ud83d\ude00' and x = -1.5e-3",
    };

    private final Random random;

    HostileSql(long seed) {
        this.random = new Random(seed);
    }

    /** The next generated string: mostly short, one in a few thousand very long. */
    String next() {
        int pick = random.nextInt(100);
        if (pick < 40) {
            return soup(1 + random.nextInt(40));
        }
        if (pick < 75) {
            String statement = STATEMENTS[random.nextInt(STATEMENTS.length)];
            return statement.substring(0, random.nextInt(statement.length() + 1));
        }
        if (pick < 90) {
            return mutate(STATEMENTS[random.nextInt(STATEMENTS.length)]);
        }
        if (pick < 99 || random.nextInt(100) != 0) {
            return chars(random.nextInt(80));
        }
        return gigantic(random.nextInt(GIGANTIC.length), 50_000 + random.nextInt(150_000));
    }

    private String soup(int tokens) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < tokens; i++) {
            if (random.nextBoolean()) {
                out.append(' ');
            }
            out.append(TOKENS[random.nextInt(TOKENS.length)]);
        }
        return out.toString();
    }

    private String mutate(String statement) {
        StringBuilder out = new StringBuilder(statement);
        for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
            int at = random.nextInt(out.length() + 1);
            if (random.nextBoolean() && at < out.length()) {
                out.deleteCharAt(at);
            } else {
                out.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
            }
        }
        return out.toString();
    }

    /** Any UTF-16 code units, lone surrogates and control characters included. */
    private String chars(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(4);
            out[i] = kind == 0 ? (char) random.nextInt(0x10000) : kind == 1 ? (char) (0xd800 + random.nextInt(0x800))
                    : (char) (32 + random.nextInt(95));
        }
        return new String(out);
    }

    /** Families of very long input, each a function of the length wanted. */
    static final IntFunction<String>[] GIGANTIC = families();

    static String gigantic(int family, int length) {
        String sql = GIGANTIC[family].apply(length);
        return sql.length() > length ? sql.substring(0, length) : sql;
    }

    @SuppressWarnings("unchecked")
    private static IntFunction<String>[] families() {
        return new IntFunction[] {
            n -> "select * from t where id in (" + "12345, ".repeat(n / 7) + "1)",
            n -> "select * from t where id in (" + "?, ".repeat(n / 3) + "?)",
            n -> "select * from t where name in (" + "'a''b', ".repeat(n / 8) + "'c')",
            n -> "select * from t where id in (" + "1, ".repeat(n / 3),
            n -> "select '" + "x".repeat(n),
            n -> "select \"" + "x".repeat(n),
            n -> "select E'" + "\\'".repeat(n / 2),
            n -> "select 1 /* " + "x".repeat(n),
            n -> "/*".repeat(n / 2),
            n -> "select 1 -- " + "x".repeat(n),
            n -> "select $$" + "x".repeat(n),
            n -> "select $tag$" + "$ta".repeat(n / 3),
            n -> "$".repeat(n),
            n -> "$x".repeat(n / 2),
            n -> "select " + "7".repeat(n),
            n -> "select " + "1.5e7 ".repeat(n / 6),
            n -> "select " + "a".repeat(n),
            n -> "select " + "\u00e9\u4e2d".repeat(n / 2),
            n -> "select " + "\ud83d\ude00\ud800".repeat(n / 3),
            n -> "select " + "(".repeat(n),
            n -> "select " + "x::".repeat(n / 3),
            n -> "select " + ":a ".repeat(n / 3),
            n -> "select " + "- -1".repeat(n / 4),
            n -> "select * from t where " + "a = ? or ".repeat(n / 9) + "a = ?",
            n -> "insert into t values " + "(1, 'x'), ".repeat(n / 11) + "(2, 'y')",
            n -> " ".repeat(n),
            n -> "'".repeat(n),
            n -> "\"".repeat(n),
        };
    }
}
