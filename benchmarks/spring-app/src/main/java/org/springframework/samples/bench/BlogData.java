package org.springframework.samples.bench;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills the blog at start-up: every page of 50 posts has 50 different authors, so the lazy page runs 50 author
 * lookups with 50 distinct keys.
 */
@Component
public class BlogData implements ApplicationRunner {
    static final int AUTHORS = 100;
    static final int POSTS = 1_000;

    private final AuthorRepository authors;
    private final PostRepository posts;

    public BlogData(AuthorRepository authors, PostRepository posts) {
        this.authors = authors;
        this.posts = posts;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        List<Author> saved = new ArrayList<>();
        for (long id = 1; id <= AUTHORS; id++) {
            saved.add(new Author(id, "Author " + id, "author" + id + "@example.com"));
        }
        authors.saveAll(saved);
        List<Post> written = new ArrayList<>();
        for (long id = 1; id <= POSTS; id++) {
            written.add(new Post(id, "Post " + id, "Body of post " + id + ", long enough to be cut to an excerpt.",
                    saved.get((int) ((id - 1) % AUTHORS))));
        }
        posts.saveAll(written);
    }
}
