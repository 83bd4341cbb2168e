package dev.nplusone.examples.jdbc;

import dev.nplusone.scenarios.KindPages;
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
 * The per-row habits beyond read loops as demo pages in plain JDBC: each loop (from the scenarios' {@link KindPages})
 * and its cures, returning the same page. Writes run in a transaction that is rolled back after the page has read
 * the table back, so every page starts from the seed data.
 */
public final class KindDemoPages {
    /** The cure of {@link KindPages#insertTagsOneByOne}: nplusone's MULTI_ROW_INSERT, its row written 20 times. */
    static final String INSERT_TAGS_AT_ONCE;
    /** The cure of the aggregate loop: nplusone's GROUP_BY rewrite. */
    static final String POST_COUNTS = "select p.author_id, count(*) from blog_post p where p.author_id in (%s)"
            + " group by p.author_id";
    /** The cure of the unused join: the statement without it. */
    public static final String TITLES = "select p.id, p.title from blog_post p where p.id <= ? order by p.id";

    static {
        StringBuilder rows = new StringBuilder("insert into blog_tag (id, name) values (?, ?)");
        for (int i = 1; i < KindPages.NEW_TAGS; i++) {
            rows.append(", (?, ?)");
        }
        INSERT_TAGS_AT_ONCE = rows.toString();
    }

    private KindDemoPages() {
    }

    /** 20 INSERTs, then the tags read back. */
    public static List<List<Object>> insertTagsOneByOne(DataSource dataSource) throws SQLException {
        return afterWriting(dataSource, KindPages::insertTagsOneByOne);
    }

    /** One INSERT of 20 rows. */
    public static List<List<Object>> insertTagsAtOnce(DataSource dataSource) throws SQLException {
        return afterWriting(dataSource, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_TAGS_AT_ONCE)) {
                int index = 1;
                for (int id = KindPages.FIRST_NEW_TAG; id < KindPages.FIRST_NEW_TAG + KindPages.NEW_TAGS; id++) {
                    insert.setInt(index++, id);
                    insert.setString(index++, "tag " + id);
                }
                insert.executeUpdate();
            }
        });
    }

    /** The 20 rows through addBatch/executeBatch. */
    public static List<List<Object>> insertTagsBatched(DataSource dataSource) throws SQLException {
        return afterWriting(dataSource, KindPages::insertTagsBatched);
    }

    /** A count per author: 1 + 20 statements. */
    public static Map<Integer, Long> postCountPerAuthor(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return KindPages.postCountPerAuthor(connection);
        }
    }

    /** The authors, then one grouped count for all of them; an author missing from the result has 0 posts. */
    public static Map<Integer, Long> postCountsGrouped(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Map<Integer, Long> counts = new LinkedHashMap<>();
            try (PreparedStatement authors = connection.prepareStatement(KindPages.AUTHORS_SQL);
                 ResultSet rows = authors.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getInt(1), 0L);
                }
            }
            String marks = String.join(", ", java.util.Collections.nCopies(counts.size(), "?"));
            try (PreparedStatement grouped = connection.prepareStatement(String.format(POST_COUNTS, marks))) {
                int index = 1;
                for (int author : counts.keySet()) {
                    grouped.setInt(index++, author);
                }
                try (ResultSet rows = grouped.executeQuery()) {
                    while (rows.next()) {
                        counts.put(rows.getInt(1), rows.getLong(2));
                    }
                }
            }
            return counts;
        }
    }

    /** Three pages of titles through a statement that joins each post's author, never read. */
    public static List<List<Object>> titlesWithUnreadAuthor(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return KindPages.titlesWithUnreadAuthor(connection, KindPages.POSTS_WITH_AUTHOR_SQL);
        }
    }

    /** The same pages without the join. */
    public static List<List<Object>> titlesWithoutJoin(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return KindPages.titlesWithUnreadAuthor(connection, TITLES);
        }
    }

    private static List<List<Object>> afterWriting(DataSource dataSource, KindPages.Work writes) throws SQLException {
        List<List<Object>> tags = new ArrayList<>();
        KindPages.rolledBack(dataSource, connection -> {
            writes.run(connection);
            tags.addAll(tags(connection));
        });
        return tags;
    }

    static List<List<Object>> tags(Connection connection) throws SQLException {
        List<List<Object>> tags = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select id, name from blog_tag order by id");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                tags.add(List.of(rows.getInt(1), rows.getString(2)));
            }
        }
        return tags;
    }
}
