package dev.nplusone.apps.spring;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot + Spring Data JPA application that knows nothing about nplusone: 10 authors and 30 posts,
 * written at start-up one entity at a time (a write loop that belongs to no test).
 */
@SpringBootApplication
public class BlogApplication {
    static final int AUTHORS = 10;
    static final int POSTS = 30;

    @Bean
    ApplicationRunner seed(AuthorRepository authors, PostRepository posts) {
        return arguments -> {
            List<Author> written = new ArrayList<>();
            for (int i = 1; i <= AUTHORS; i++) {
                written.add(authors.save(new Author("author " + i)));
            }
            for (int i = 1; i <= POSTS; i++) {
                posts.save(new Post("post " + i, written.get(i % AUTHORS)));
            }
        };
    }
}
