package dev.nplusone.scenarios;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The blog page of the first seed article written as plain JDBC application code, once with each trap and
 * once done right. The lines that run a repeated lookup carry a {@code // site:} marker that tests use to
 * name the expected call site.
 */
public final class BlogPages {
    public record Post(int id, String title, int authorId) {
    }

    public record Author(int id, String name) {
    }

    public record Tag(int id, String name) {
    }

    public record PostView(Post post, Author author, List<Tag> tags) {
    }

    public static final String POSTS_SQL = "select p.id, p.title, p.author_id from blog_post p order by p.id";
    public static final String AUTHOR_SQL = "select a.id, a.name from blog_author a where a.id = ?";
    public static final String TAGS_SQL = "select t.id, t.name from blog_tag t join blog_post_tags pt on pt.tag_id = t.id"
            + " where pt.post_id = ? order by t.id";
    public static final String PYTHON_TAGS_SQL = "select t.id, t.name from blog_tag t join blog_post_tags pt"
            + " on pt.tag_id = t.id where pt.post_id = ? and t.name = 'python' order by t.id";

    private BlogPages() {
    }

    /** 1 + 50 queries: the author of each post, one at a time. */
    public static List<PostView> authorsInLoop(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<PostView> views = new ArrayList<>();
            for (Post post : posts(connection)) {
                views.add(new PostView(post, author(connection, post.authorId()), List.of()));
            }
            return views;
        }
    }

    /** 1 + 50 queries: the tags of each post, one post at a time. */
    public static List<PostView> tagsInLoop(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<PostView> views = new ArrayList<>();
            for (Post post : posts(connection)) {
                views.add(new PostView(post, null, tags(connection, post.id())));
            }
            return views;
        }
    }

    /** 1 + 50 + 50 queries, interleaved: the page of the seed article that made 152 queries. */
    public static List<PostView> authorsAndTagsInLoop(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<PostView> views = new ArrayList<>();
            for (Post post : posts(connection)) {
                views.add(new PostView(post, author(connection, post.authorId()), tags(connection, post.id())));
            }
            return views;
        }
    }

    /** The filter-after-prefetch trap: a filtered tag lookup per post. */
    public static List<PostView> pythonTagsInLoop(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<PostView> views = new ArrayList<>();
            for (Post post : posts(connection)) {
                views.add(new PostView(post, null, pythonTags(connection, post.id())));
            }
            return views;
        }
    }

    /** Authors looked up through a plain Statement with the key written into the SQL. */
    public static List<PostView> authorsWithInlineLiterals(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<PostView> views = new ArrayList<>();
            for (Post post : posts(connection)) {
                views.add(new PostView(post, authorInline(connection, post.authorId()), List.of()));
            }
            return views;
        }
    }

    /** The same page done right: one JOIN for the authors, one IN query for the tags. 2 queries. */
    public static List<PostView> doneRight(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Map<Integer, PostView> views = new LinkedHashMap<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select p.id, p.title, p.author_id, a.id, a.name from blog_post p"
                         + " left join blog_author a on a.id = p.author_id order by p.id")) {
                while (rows.next()) {
                    Post post = new Post(rows.getInt(1), rows.getString(2), rows.getInt(3));
                    views.put(post.id(), new PostView(post, new Author(rows.getInt(4), rows.getString(5)), new ArrayList<>()));
                }
            }
            String placeholders = String.join(", ", java.util.Collections.nCopies(views.size(), "?"));
            try (PreparedStatement statement = connection.prepareStatement("select pt.post_id, t.id, t.name from blog_tag t"
                    + " join blog_post_tags pt on pt.tag_id = t.id where pt.post_id in (" + placeholders + ") order by t.id")) {
                int index = 1;
                for (Integer id : views.keySet()) {
                    statement.setInt(index++, id);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        views.get(rows.getInt(1)).tags().add(new Tag(rows.getInt(2), rows.getString(3)));
                    }
                }
            }
            return new ArrayList<>(views.values());
        }
    }

    /** Every post, loaded by key in IN chunks of {@code chunk} values: batch fetching, not N+1. */
    public static List<Post> postsInChunks(DataSource dataSource, int chunk) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<Post> posts = new ArrayList<>();
            for (int from = 1; from <= SeedDatabase.POSTS; from += chunk) {
                int size = Math.min(chunk, SeedDatabase.POSTS - from + 1);
                String placeholders = String.join(", ", java.util.Collections.nCopies(size, "?"));
                try (PreparedStatement statement = connection.prepareStatement(
                        "select p.id, p.title, p.author_id from blog_post p where p.id in (" + placeholders + ")")) {
                    for (int i = 0; i < size; i++) {
                        statement.setInt(i + 1, from + i);
                    }
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            posts.add(new Post(rows.getInt(1), rows.getString(2), rows.getInt(3)));
                        }
                    }
                }
            }
            return posts;
        }
    }

    /** All posts, page by page with keyset pagination: a range query repeated, not N+1. */
    public static List<Post> keysetPages(DataSource dataSource, int pageSize) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select p.id, p.title, p.author_id from blog_post p where p.id > ? order by p.id limit ?")) {
            List<Post> posts = new ArrayList<>();
            int last = 0;
            while (true) {
                statement.setInt(1, last);
                statement.setInt(2, pageSize);
                int before = posts.size();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        posts.add(new Post(rows.getInt(1), rows.getString(2), rows.getInt(3)));
                    }
                }
                if (posts.size() == before) {
                    return posts;
                }
                last = posts.get(posts.size() - 1).id();
            }
        }
    }

    /** The author lookup run {@code times} times from each of two places: each below a threshold of 3. */
    public static void authorsFromTwoPlaces(DataSource dataSource, int times) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            for (int i = 1; i <= times; i++) {
                author(connection, i);
                authorForSidebar(connection, i + 10);
            }
        }
    }

    /** The same author looked up again and again: a duplicate, not an N+1. */
    public static void sameAuthorRepeatedly(DataSource dataSource, int times) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            for (int i = 0; i < times; i++) {
                author(connection, 1);
            }
        }
    }

    public static List<Post> posts(Connection connection) throws SQLException {
        List<Post> posts = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(POSTS_SQL)) {
            while (rows.next()) {
                posts.add(new Post(rows.getInt("id"), rows.getString("title"), rows.getInt("author_id")));
            }
        }
        return posts;
    }

    static Author author(Connection connection, int id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(AUTHOR_SQL)) {
            statement.setInt(1, id);
            try (ResultSet rows = statement.executeQuery()) { // site:author
                return rows.next() ? new Author(rows.getInt(1), rows.getString(2)) : null;
            }
        }
    }

    static Author authorForSidebar(Connection connection, int id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(AUTHOR_SQL)) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) { // site:authorForSidebar
                return rows.next() ? new Author(rows.getInt(1), rows.getString(2)) : null;
            }
        }
    }

    static Author authorInline(Connection connection, int id) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT a.id, a.name FROM blog_author a WHERE a.id = " + id)) { // site:authorInline
            return rows.next() ? new Author(rows.getInt(1), rows.getString(2)) : null;
        }
    }

    static List<Tag> tags(Connection connection, int postId) throws SQLException {
        return tagQuery(connection, TAGS_SQL, postId);
    }

    static List<Tag> pythonTags(Connection connection, int postId) throws SQLException {
        return tagQuery(connection, PYTHON_TAGS_SQL, postId);
    }

    private static List<Tag> tagQuery(Connection connection, String sql, int postId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, postId);
            List<Tag> tags = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) { // site:tagQuery
                while (rows.next()) {
                    tags.add(new Tag(rows.getInt("id"), rows.getString("name")));
                }
            }
            return tags;
        }
    }
}
