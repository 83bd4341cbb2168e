package dev.nplusone.examples.hibernate;

import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.BlogPages.PostView;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * The first seed's blog page written with Hibernate: each loop as a lazy association makes it, and each cure
 * in Hibernate's words. Every method returns exactly what the plain-JDBC method of the same name in
 * {@link BlogPages} returns, so the demo can check that a cure changes the statements, not the page.
 */
public final class HibernateBlogPages {
    static final String POSTS = "from Post p order by p.id";
    /** How many keys a batch-fetching session loads per IN query ({@code hibernate.default_batch_fetch_size}). */
    public static final int BATCH = 100;

    private final SessionFactory sessions;

    public HibernateBlogPages(SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** {@code post.getAuthor().getName()} in a loop: one select per distinct author (the session dedupes keys). */
    public List<PostView> authorsInLoop() {
        return sessions.fromSession(session -> withAuthors(session.createSelectionQuery(POSTS, Post.class).getResultList()));
    }

    /** {@code join fetch p.author}: the authors come with the posts, 1 query. */
    public List<PostView> authorsWithJoinFetch() {
        return sessions.fromSession(session -> withAuthors(session.createSelectionQuery(
                "from Post p join fetch p.author order by p.id", Post.class).getResultList()));
    }

    /** The {@code Post.withAuthor} entity graph as a fetch graph: the same JOIN, chosen per query. 1 query. */
    public List<PostView> authorsWithEntityGraph() {
        return sessions.fromSession(session -> withAuthors(session.createSelectionQuery(POSTS, Post.class)
                .setHint("jakarta.persistence.fetchgraph", session.getEntityGraph(Post.WITH_AUTHOR))
                .getResultList()));
    }

    /** Batch fetching: the authors of all loaded posts in one IN query. 2 queries. */
    public List<PostView> authorsWithBatchFetch() {
        return sessions.fromSession(session -> withAuthors(batching(session).createSelectionQuery(POSTS, Post.class)
                .getResultList()));
    }

    /** {@code post.getTags()} in a loop: one select of the {@code @ManyToMany} per post. */
    public List<PostView> tagsInLoop() {
        return sessions.fromSession(session -> withTags(session.createSelectionQuery(POSTS, Post.class).getResultList()));
    }

    /** Batch fetching: the tags of all loaded posts in one IN query. 2 queries. */
    public List<PostView> tagsWithBatchFetch() {
        return sessions.fromSession(session -> withTags(batching(session).createSelectionQuery(POSTS, Post.class)
                .getResultList()));
    }

    /** The seed's page: author and tags of every post, both lazy: 1 + authors + posts queries. */
    public List<PostView> authorsAndTagsInLoop() {
        return sessions.fromSession(session -> both(session.createSelectionQuery(POSTS, Post.class).getResultList()));
    }

    /** {@code join fetch} for the to-one, batch fetching for the collection: 2 queries. */
    public List<PostView> doneRight() {
        return sessions.fromSession(session -> both(batching(session).createSelectionQuery(
                "from Post p join fetch p.author order by p.id", Post.class).getResultList()));
    }

    /**
     * The filter-after-prefetch trap: the tags were batch-fetched ("prefetched"), but the page asks the
     * database again for the python tags of each post.
     */
    public List<PostView> pythonTagsInLoop() {
        return sessions.fromSession(session -> {
            List<Post> posts = batching(session).createSelectionQuery(POSTS, Post.class).getResultList();
            return posts.stream().map(post -> {
                post.getTags().size(); // the prefetch
                List<Tag> python = session.createSelectionQuery(
                        "select t from Post p join p.tags t where p = :post and t.name = :name order by t.id", Tag.class)
                        .setParameter("post", post).setParameter("name", "python").getResultList();
                return new PostView(post(post), null, tags(python));
            }).toList();
        });
    }

    /** The filter in one query for every post (the Prefetch object's queryset): 2 queries. */
    public List<PostView> pythonTagsWithIn() {
        return sessions.fromSession(session -> {
            List<Post> posts = session.createSelectionQuery(POSTS, Post.class).getResultList();
            Map<Integer, List<Tag>> python = session.createSelectionQuery(
                    "select p.id, t from Post p join p.tags t where p in :posts and t.name = :name order by t.id",
                    Object[].class).setParameter("posts", posts).setParameter("name", "python").getResultList().stream()
                    .collect(Collectors.groupingBy(row -> (Integer) row[0],
                            Collectors.mapping(row -> (Tag) row[1], Collectors.toList())));
            return posts.stream().map(post -> new PostView(post(post), null,
                    tags(python.getOrDefault(post.getId(), List.of())))).toList();
        });
    }

    /** The same cure without a query: filter the collection that batch fetching already loaded. 2 queries. */
    public List<PostView> pythonTagsFilteredInMemory() {
        return sessions.fromSession(session -> batching(session).createSelectionQuery(POSTS, Post.class)
                .getResultList().stream().map(post -> new PostView(post(post), null,
                        tags(post.getTags().stream().filter(tag -> tag.getName().equals("python")).toList())))
                .toList());
    }

    /** What {@code hibernate.default_batch_fetch_size=100} does, for one session. */
    static Session batching(Session session) {
        session.setFetchBatchSize(BATCH);
        return session;
    }

    private static List<PostView> withAuthors(List<Post> posts) {
        return posts.stream().map(post -> new PostView(post(post), author(post.getAuthor()), List.of())).toList();
    }

    private static List<PostView> withTags(List<Post> posts) {
        return posts.stream().map(post -> new PostView(post(post), null, tags(post.getTags()))).toList();
    }

    private static List<PostView> both(List<Post> posts) {
        return posts.stream().map(post -> new PostView(post(post), author(post.getAuthor()), tags(post.getTags())))
                .toList();
    }

    static BlogPages.Post post(Post post) {
        return new BlogPages.Post(post.getId(), post.getTitle(), post.getAuthor().getId());
    }

    static BlogPages.Author author(Author author) {
        return new BlogPages.Author(author.getId(), author.getName());
    }

    static List<BlogPages.Tag> tags(List<Tag> tags) {
        return tags.stream().map(tag -> new BlogPages.Tag(tag.getId(), tag.getName())).toList();
    }
}
