package dev.nplusone.examples.jdbc;

import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.BlogPages.Author;
import dev.nplusone.scenarios.BlogPages.Post;
import dev.nplusone.scenarios.BlogPages.PostView;
import dev.nplusone.scenarios.BlogPages.Tag;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The blog page of the first seed done right in plain JDBC, one method per cure, each returning exactly what
 * the matching loop in {@link BlogPages} returns. The JOIN is Django's {@code select_related}, the IN query its
 * {@code prefetch_related}; {@link BlogPages#doneRight} is both.
 */
public final class FixedBlogPages {
    static final String POSTS_WITH_AUTHORS_SQL = "select p.id, p.title, p.author_id, a.id, a.name from blog_post p"
            + " left join blog_author a on a.id = p.author_id order by p.id";

    private FixedBlogPages() {
    }

    /** The author of every post in the posts' own statement: 1 query ({@code select_related('author')}). */
    public static List<PostView> authorsWithJoin(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<PostView> views = new ArrayList<>();
            for (Map.Entry<Post, Author> row : postsWithAuthors(connection).entrySet()) {
                views.add(new PostView(row.getKey(), row.getValue(), List.of()));
            }
            return views;
        }
    }

    /** The posts, then every author they name in one IN query: 2 queries ({@code prefetch_related('author')}). */
    public static List<PostView> authorsWithIn(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<Post> posts = BlogPages.posts(connection);
            Map<Integer, Author> authors = authorsById(connection, posts.stream().map(Post::authorId).toList());
            return posts.stream().map(post -> new PostView(post, authors.get(post.authorId()), List.of())).toList();
        }
    }

    /** The posts, then the tags of all of them in one IN query: 2 queries ({@code prefetch_related('tags')}). */
    public static List<PostView> tagsWithIn(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<Post> posts = BlogPages.posts(connection);
            Map<Integer, List<Tag>> tags = tagsByPost(connection, posts, null);
            return posts.stream().map(post -> new PostView(post, null, tags.get(post.id()))).toList();
        }
    }

    /**
     * The filter-after-prefetch trap done right: the filter goes into the one IN query
     * ({@code Prefetch('tags', queryset=Tag.objects.filter(name='python'))}): 2 queries.
     */
    public static List<PostView> pythonTagsWithIn(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<Post> posts = BlogPages.posts(connection);
            Map<Integer, List<Tag>> tags = tagsByPost(connection, posts, "python");
            return posts.stream().map(post -> new PostView(post, null, tags.get(post.id()))).toList();
        }
    }

    /** The authors joined, the tags still one query per post: 1 + N queries (the seed's "select_related only"). */
    public static List<PostView> authorsJoinedTagsInLoop(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<PostView> views = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(BlogPages.TAGS_SQL)) {
                for (Map.Entry<Post, Author> row : postsWithAuthors(connection).entrySet()) {
                    statement.setInt(1, row.getKey().id());
                    List<Tag> tags = new ArrayList<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            tags.add(new Tag(rows.getInt(1), rows.getString(2)));
                        }
                    }
                    views.add(new PostView(row.getKey(), row.getValue(), tags));
                }
            }
            return views;
        }
    }

    /** Posts, then authors and tags each in one IN query: 3 queries (the seed's "prefetch_related only"). */
    public static List<PostView> authorsAndTagsWithIn(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<Post> posts = BlogPages.posts(connection);
            Map<Integer, Author> authors = authorsById(connection, posts.stream().map(Post::authorId).toList());
            Map<Integer, List<Tag>> tags = tagsByPost(connection, posts, null);
            return posts.stream().map(post -> new PostView(post, authors.get(post.authorId()), tags.get(post.id()))).toList();
        }
    }

    private static Map<Post, Author> postsWithAuthors(Connection connection) throws SQLException {
        Map<Post, Author> rows = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(POSTS_WITH_AUTHORS_SQL)) {
            while (result.next()) {
                rows.put(new Post(result.getInt(1), result.getString(2), result.getInt(3)),
                        new Author(result.getInt(4), result.getString(5)));
            }
        }
        return rows;
    }

    static Map<Integer, Author> authorsById(Connection connection, Collection<Integer> ids) throws SQLException {
        List<Integer> keys = new ArrayList<>(new LinkedHashSet<>(ids));
        Map<Integer, Author> authors = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select a.id, a.name from blog_author a where a.id in (" + placeholders(keys.size()) + ")")) {
            bind(statement, keys, 1);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    authors.put(rows.getInt(1), new Author(rows.getInt(1), rows.getString(2)));
                }
            }
        }
        return authors;
    }

    /** The tags of every post in one query, matched back to their post by {@code pt.post_id}; an empty list when none. */
    static Map<Integer, List<Tag>> tagsByPost(Connection connection, List<Post> posts, String name) throws SQLException {
        Map<Integer, List<Tag>> tags = new LinkedHashMap<>();
        for (Post post : posts) {
            tags.put(post.id(), new ArrayList<>());
        }
        String sql = "select pt.post_id, t.id, t.name from blog_tag t join blog_post_tags pt on pt.tag_id = t.id"
                + " where pt.post_id in (" + placeholders(tags.size()) + ")" + (name == null ? "" : " and t.name = ?")
                + " order by t.id";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int next = bind(statement, tags.keySet(), 1);
            if (name != null) {
                statement.setString(next, name);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    tags.get(rows.getInt(1)).add(new Tag(rows.getInt(2), rows.getString(3)));
                }
            }
        }
        return tags;
    }

    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** Binds {@code values} from parameter {@code first} on; returns the next free parameter index. */
    static int bind(PreparedStatement statement, Collection<Integer> values, int first) throws SQLException {
        int index = first;
        for (Integer value : values) {
            statement.setInt(index++, value);
        }
        return index;
    }
}
