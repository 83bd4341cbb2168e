package dev.nplusone.apps.spring;

import java.util.List;
import org.springframework.stereotype.Service;

/** Main code with the classic lazy-loading loop: each post's author is loaded on its first use. */
@Service
public class PostTitles {
    private final PostRepository posts;

    PostTitles(PostRepository posts) {
        this.posts = posts;
    }

    public List<String> withAuthors() {
        return posts.findAll().stream()
                .map(post -> post.getTitle() + " by " + post.getAuthor().getName()) // site:withAuthors
                .toList();
    }
}
