package dev.nplusone.apps.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;

/** A project's {@code @Transactional} Spring Boot test that knows nothing about nplusone. */
@SpringBootTest(classes = BlogApplication.class)
@Transactional
public class PostTitlesSuite {
    @Autowired
    PostTitles titles;

    @Test
    void lists_the_titles_with_their_authors() {
        assertEquals(BlogApplication.POSTS, titles.withAuthors().size());
    }
}
