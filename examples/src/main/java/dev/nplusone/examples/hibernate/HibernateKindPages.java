package dev.nplusone.examples.hibernate;

import dev.nplusone.scenarios.KindPages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * The per-row habits beyond read loops in Hibernate, each with its cure in Hibernate's words; every method
 * returns what its plain-JDBC twin in {@code KindDemoPages} returns. Writes are rolled back.
 */
public final class HibernateKindPages {
    /** The JDBC batch size of the batching cure ({@code hibernate.jdbc.batch_size}, here per session). */
    public static final int JDBC_BATCH = 50;
    static final String AUTHOR_IDS = "select a.id from Author a order by a.id";
    /*
     * A leftover join on a titles-only query. Hibernate 6 itself prunes an unused left join of a to-one
     * association (p.author), so the one that reaches the database is the collection's join table.
     */
    static final String TITLES_JOINING_TAGS = "select p.id, p.title from Post p left join p.tags t"
            + " where p.id <= :last order by p.id";
    static final String TITLES = "select p.id, p.title from Post p where p.id <= :last order by p.id";

    private final SessionFactory sessions;

    public HibernateKindPages(SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** 20 new tags persisted, one INSERT each at flush: 20 + 1 statements. */
    public List<List<Object>> insertTagsOneByOne() {
        return afterPersisting(null);
    }

    /** The same with JDBC batching ({@code hibernate.jdbc.batch_size}): one executeBatch + 1 statements. */
    public List<List<Object>> insertTagsBatched() {
        return afterPersisting(JDBC_BATCH);
    }

    private List<List<Object>> afterPersisting(Integer batchSize) {
        try (Session session = sessions.openSession()) {
            if (batchSize != null) {
                session.setJdbcBatchSize(batchSize);
            }
            var transaction = session.beginTransaction();
            try {
                for (int id = KindPages.FIRST_NEW_TAG; id < KindPages.FIRST_NEW_TAG + KindPages.NEW_TAGS; id++) {
                    session.persist(new Tag(id, "tag " + id));
                }
                List<List<Object>> tags = new ArrayList<>();
                for (Tag tag : session.createSelectionQuery("from Tag t order by t.id", Tag.class).getResultList()) {
                    tags.add(List.of(tag.getId(), tag.getName()));
                }
                return tags;
            } finally {
                transaction.rollback();
            }
        }
    }

    /** A count query per author, as a {@code countByAuthor} repository call in a loop makes it: 1 + 20. */
    public Map<Integer, Long> postCountPerAuthor() {
        return sessions.fromSession(session -> {
            Map<Integer, Long> counts = new LinkedHashMap<>();
            for (Integer author : session.createSelectionQuery(AUTHOR_IDS, Integer.class).getResultList()) {
                counts.put(author, session.createSelectionQuery(
                        "select count(p) from Post p where p.author.id = :author", Long.class)
                        .setParameter("author", author).getSingleResult());
            }
            return counts;
        });
    }

    /** One grouped query for every author: 2 statements; an author missing from it has 0 posts. */
    public Map<Integer, Long> postCountsGrouped() {
        return sessions.fromSession(session -> {
            Map<Integer, Long> counts = new LinkedHashMap<>();
            List<Integer> authors = session.createSelectionQuery(AUTHOR_IDS, Integer.class).getResultList();
            authors.forEach(author -> counts.put(author, 0L));
            for (Object[] row : session.createSelectionQuery("select p.author.id, count(p) from Post p"
                    + " where p.author.id in :authors group by p.author.id", Object[].class)
                    .setParameter("authors", authors).getResultList()) {
                counts.put((Integer) row[0], (Long) row[1]);
            }
            return counts;
        });
    }

    /**
     * Three pages of titles through a query that joins each post's tags and uses nothing of them; each page's
     * rows, repeated once per tag, are made distinct again in memory.
     */
    public List<List<Object>> titlesWithUnreadTags() {
        return titles(TITLES_JOINING_TAGS);
    }

    /** The same query without the join. */
    public List<List<Object>> titlesWithoutJoin() {
        return titles(TITLES);
    }

    private List<List<Object>> titles(String query) {
        return sessions.fromSession(session -> {
            List<List<Object>> read = new ArrayList<>();
            for (int page = 1; page <= 3; page++) {
                java.util.Set<List<Object>> rows = new java.util.LinkedHashSet<>();
                for (Object[] row : session.createSelectionQuery(query, Object[].class).setParameter("last", page * 10)
                        .getResultList()) {
                    rows.add(List.of(row[0], row[1]));
                }
                read.addAll(rows);
            }
            return read;
        });
    }
}
