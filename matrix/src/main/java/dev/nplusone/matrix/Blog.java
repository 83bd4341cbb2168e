package dev.nplusone.matrix;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenario every cell runs: a blog of {@value #POSTS} posts by {@value #AUTHORS} authors in two tables whose
 * names carry the program's process id (the server databases are shared), written in SQL every listed database
 * accepts. Both pages print the same lines: the N+1 page looks each post's author up in a loop, the clean page
 * joins. The statement counts are what a cell's report must show exactly.
 */
public final class Blog {
    public static final int AUTHORS = 4;
    public static final int POSTS = 10;
    /** Two tables created, each filled by one multi-row insert. */
    public static final int SEED_STATEMENTS = 4;
    public static final int N_PLUS_ONE_STATEMENTS = 1 + POSTS;
    public static final int CLEAN_STATEMENTS = 1;
    public static final int DROP_STATEMENTS = 2;

    private final String author;
    private final String post;

    public Blog(String tablePrefix) {
        this.author = tablePrefix + "_author";
        this.post = tablePrefix + "_post";
    }

    /** The repeated statement of the N+1 page, as the report shows it. */
    public String authorLookupSql() {
        return "select name from " + author + " where id = ?";
    }

    public void seed(ConnectionSource source) throws SQLException {
        StringBuilder authors = new StringBuilder("insert into " + author + " (id, name) values ");
        for (int a = 1; a <= AUTHORS; a++) {
            authors.append(a == 1 ? "" : ", ").append("(").append(a).append(", 'Author ").append(a).append("')");
        }
        StringBuilder posts = new StringBuilder("insert into " + post + " (id, title, author_id) values ");
        for (int p = 1; p <= POSTS; p++) {
            posts.append(p == 1 ? "" : ", ").append("(").append(p).append(", 'Post ").append(p).append("', ")
                    .append(p % AUTHORS + 1).append(")");
        }
        execute(source, "create table " + author + " (id int primary key, name varchar(100))",
                "create table " + post + " (id int primary key, title varchar(100), author_id int not null)",
                authors.toString(), posts.toString());
    }

    public void drop(ConnectionSource source) throws SQLException {
        execute(source, "drop table " + post, "drop table " + author);
    }

    /** Every post with its author, one author query per post. */
    public List<String> nPlusOnePage(ConnectionSource source) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = source.connection();
             Statement statement = connection.createStatement();
             ResultSet posts = statement.executeQuery("select id, title, author_id from " + post + " order by id");
             PreparedStatement lookup = connection.prepareStatement(authorLookupSql())) {
            while (posts.next()) {
                lookup.setInt(1, posts.getInt("author_id"));
                try (ResultSet name = lookup.executeQuery()) {
                    name.next();
                    lines.add(posts.getString("title") + " by " + name.getString(1));
                }
            }
        }
        return lines;
    }

    /** The same lines from one join. */
    public List<String> cleanPage(ConnectionSource source) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = source.connection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select p.title, a.name from " + post + " p join " + author
                     + " a on a.id = p.author_id order by p.id")) {
            while (rows.next()) {
                lines.add(rows.getString(1) + " by " + rows.getString(2));
            }
        }
        return lines;
    }

    private static void execute(ConnectionSource source, String... sql) throws SQLException {
        try (Connection connection = source.connection(); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }
}
