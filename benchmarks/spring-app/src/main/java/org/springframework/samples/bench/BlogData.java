package org.springframework.samples.bench;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills the blog at start-up: every page of 50 posts has 50 different authors, so the lazy page runs 50 author
 * lookups with 50 distinct keys. Persisted, not saved through the repositories: with assigned ids, Spring Data's
 * save merges, which would select each row before inserting it and slow every start-up measured.
 */
@Component
public class BlogData implements ApplicationRunner {
    static final int AUTHORS = 100;
    static final int POSTS = 1_000;

    @PersistenceContext
    private EntityManager entityManager;

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        List<Author> authors = new ArrayList<>();
        for (long id = 1; id <= AUTHORS; id++) {
            Author author = new Author(id, "Author " + id, "author" + id + "@example.com");
            entityManager.persist(author);
            authors.add(author);
        }
        for (long id = 1; id <= POSTS; id++) {
            entityManager.persist(new Post(id, "Post " + id,
                    "Body of post " + id + ", long enough to be cut to an excerpt.",
                    authors.get((int) ((id - 1) % AUTHORS))));
        }
    }
}
