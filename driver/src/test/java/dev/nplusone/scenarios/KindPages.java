package dev.nplusone.scenarios;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The per-row habits beyond read loops, as plain JDBC application code on the seed schema: writes one row at
 * a time, an aggregate per parent row, and joins whose columns nobody reads; each with its negative twin.
 * Lines that run the repeated statement carry a {@code // site:} marker naming the expected call site.
 */
public final class KindPages {
    /** New tags written by the insert loop: ids from {@value #FIRST_NEW_TAG}, {@value #NEW_TAGS} of them. */
    public static final int FIRST_NEW_TAG = 100;
    public static final int NEW_TAGS = 20;
    /** The author whose posts the archive loop marks. */
    public static final int ARCHIVED_AUTHOR = 3;

    public static final String INSERT_TAG_SQL = "insert into blog_tag (id, name) values (?, ?)";
    public static final String RETITLE_SQL = "update blog_post set title = ? where id = ?";
    public static final String ARCHIVE_SQL = "update blog_post set content = ? where id = ?";
    public static final String POSTS_OF_AUTHOR_SQL = "select p.id from blog_post p where p.author_id = ? order by p.id";
    public static final String AUTHORS_SQL = "select a.id, a.name from blog_author a order by a.id";
    public static final String POST_COUNT_SQL = "select count(*) from blog_post p where p.author_id = ?";
    public static final String HAS_PYTHON_TAG_SQL =
            "select exists (select 1 from blog_post_tags pt where pt.post_id = ? and pt.tag_id = 1)";
    public static final String POST_IDS_SQL = "select p.id from blog_post p order by p.id";
    public static final String POSTS_WITH_AUTHOR_SQL = "select p.id, p.title, a.id, a.name from blog_post p"
            + " left join blog_author a on a.id = p.author_id where p.id <= ? order by p.id";
    public static final String POSTS_WITH_INNER_AUTHOR_SQL = "select p.id, p.title, a.id, a.name from blog_post p"
            + " join blog_author a on a.id = p.author_id where p.id <= ? order by p.id";

    private KindPages() {
    }

    /** Work on one connection. */
    public interface Work {
        void run(Connection connection) throws SQLException;
    }

    static void onOwnConnection(DataSource dataSource, Work work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            work.run(connection);
        }
    }

    /** On a connection of its own, in a transaction rolled back at the end: the data stays as it was. */
    public static void rolledBack(DataSource dataSource, Work work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                work.run(connection);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    /** 20 INSERTs, one tag each. */
    public static void insertTagsOneByOne(Connection connection) throws SQLException {
        for (int id = FIRST_NEW_TAG; id < FIRST_NEW_TAG + NEW_TAGS; id++) {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_TAG_SQL)) {
                insert.setInt(1, id);
                insert.setString(2, "tag " + id);
                insert.executeUpdate(); // site:insertTag
            }
        }
    }

    /** The same 20 rows through addBatch/executeBatch: one statement. */
    public static void insertTagsBatched(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_TAG_SQL)) {
            for (int id = FIRST_NEW_TAG; id < FIRST_NEW_TAG + NEW_TAGS; id++) {
                insert.setInt(1, id);
                insert.setString(2, "tag " + id);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Two INSERTs from the same loop: below the threshold of 3. */
    public static void insertTwoTags(Connection connection) throws SQLException {
        for (int id = FIRST_NEW_TAG; id < FIRST_NEW_TAG + 2; id++) {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_TAG_SQL)) {
                insert.setInt(1, id);
                insert.setString(2, "tag " + id);
                insert.executeUpdate();
            }
        }
    }

    /** 50 UPDATEs, each post a title of its own. */
    public static void retitlePosts(Connection connection) throws SQLException {
        for (int id = 1; id <= SeedDatabase.POSTS; id++) {
            try (PreparedStatement update = connection.prepareStatement(RETITLE_SQL)) {
                update.setString(1, "Post " + id + " (edited)");
                update.setInt(2, id);
                update.execute(); // site:retitle
            }
        }
    }

    /** One query for an author's posts, then one UPDATE per post setting the same content. */
    public static void archivePostsOfAuthor(Connection connection) throws SQLException {
        List<Integer> posts = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(POSTS_OF_AUTHOR_SQL)) {
            select.setInt(1, ARCHIVED_AUTHOR);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    posts.add(rows.getInt(1));
                }
            }
        }
        for (int post : posts) {
            try (PreparedStatement update = connection.prepareStatement(ARCHIVE_SQL)) {
                update.setString(1, "archived");
                update.setInt(2, post);
                update.executeUpdate(); // site:archive
            }
        }
    }

    /** The archive done right: one UPDATE for all the author's posts. */
    public static void archivePostsOfAuthorInBulk(Connection connection) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update blog_post set content = ? where author_id = ?")) {
            update.setString(1, "archived");
            update.setInt(2, ARCHIVED_AUTHOR);
            update.executeUpdate();
        }
    }

    /** Each author with the number of their posts: a count per author. */
    public static Map<Integer, Long> postCountPerAuthor(Connection connection) throws SQLException {
        Map<Integer, Long> counts = new LinkedHashMap<>();
        for (int author : ids(connection, AUTHORS_SQL)) {
            try (PreparedStatement count = connection.prepareStatement(POST_COUNT_SQL)) {
                count.setInt(1, author);
                try (ResultSet rows = count.executeQuery()) { // site:postCount
                    rows.next();
                    counts.put(author, rows.getLong(1));
                }
            }
        }
        return counts;
    }

    /** Each post with whether it has the first tag: an existence check per post. */
    public static Map<Integer, Boolean> pythonTagPerPost(Connection connection) throws SQLException {
        Map<Integer, Boolean> tagged = new LinkedHashMap<>();
        for (int post : ids(connection, POST_IDS_SQL)) {
            try (PreparedStatement exists = connection.prepareStatement(HAS_PYTHON_TAG_SQL)) {
                exists.setInt(1, post);
                try (ResultSet rows = exists.executeQuery()) { // site:hasPythonTag
                    rows.next();
                    tagged.put(post, rows.getBoolean(1));
                }
            }
        }
        return tagged;
    }

    public static final String FIRST_POST_SQL = "select p.id from blog_post p where p.author_id = ? limit ?";

    /**
     * Each author with whether they have a post, by the first post of each (what Spring Data's
     * {@code existsBy...} runs): an existence check per author when {@code rows} is 1, a top-n per author otherwise.
     */
    public static Map<Integer, Boolean> authorHasPosts(Connection connection, int rows) throws SQLException {
        Map<Integer, Boolean> has = new LinkedHashMap<>();
        for (int author : ids(connection, AUTHORS_SQL)) {
            try (PreparedStatement first = connection.prepareStatement(FIRST_POST_SQL)) {
                first.setInt(1, author);
                first.setInt(2, rows);
                try (ResultSet found = first.executeQuery()) { // site:firstPost
                    has.put(author, found.next());
                }
            }
        }
        return has;
    }

    /** Three pages of post titles whose statement joins each post's author, whose columns are never read. */
    public static List<List<Object>> titlesWithUnreadAuthor(Connection connection, String sql) throws SQLException {
        List<List<Object>> read = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setInt(1, page * 10);
                try (ResultSet rows = select.executeQuery()) { // site:titles
                    while (rows.next()) {
                        read.add(List.of(rows.getInt("id"), rows.getString("title")));
                    }
                }
            }
        }
        return read;
    }

    /** The same pages through a row mapper that maps every column, as generic mappers do. */
    public static List<List<Object>> titlesMappedWhole(Connection connection) throws SQLException {
        List<List<Object>> read = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            try (PreparedStatement select = connection.prepareStatement(POSTS_WITH_AUTHOR_SQL)) {
                select.setInt(1, page * 10);
                try (ResultSet rows = select.executeQuery()) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        List<Object> row = new ArrayList<>();
                        for (int column = 1; column <= columns; column++) {
                            row.add(rows.getObject(column));
                        }
                        read.add(row);
                    }
                }
            }
        }
        return read;
    }

    private static List<Integer> ids(Connection connection, String sql) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getInt(1));
            }
        }
        return ids;
    }

    // The pages as an application runs them, each on a connection of its own (the agent's JDBC program); the
    // writes are rolled back, so that the pages can run in any order and any number of times.

    public static void insertTagsOneByOne(DataSource dataSource) throws SQLException {
        rolledBack(dataSource, KindPages::insertTagsOneByOne);
    }

    public static void insertTagsBatched(DataSource dataSource) throws SQLException {
        rolledBack(dataSource, KindPages::insertTagsBatched);
    }

    public static void archivePostsOfAuthor(DataSource dataSource) throws SQLException {
        rolledBack(dataSource, KindPages::archivePostsOfAuthor);
    }

    public static void postCountPerAuthor(DataSource dataSource) throws SQLException {
        onOwnConnection(dataSource, KindPages::postCountPerAuthor);
    }

    public static void titlesWithUnreadAuthor(DataSource dataSource) throws SQLException {
        onOwnConnection(dataSource, connection -> titlesWithUnreadAuthor(connection, POSTS_WITH_AUTHOR_SQL));
    }

    public static void titlesMappedWhole(DataSource dataSource) throws SQLException {
        onOwnConnection(dataSource, KindPages::titlesMappedWhole);
    }
}
