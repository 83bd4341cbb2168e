package org.springframework.samples.bench;

import java.util.List;
import org.springframework.stereotype.Component;

@Component
public class PostMapper {
    private static final int EXCERPT_LENGTH = 40;

    public List<PostSummary> summaries(List<Post> posts) {
        return posts.stream().map(this::summary).toList();
    }

    private PostSummary summary(Post post) {
        Author author = post.getAuthor();
        String body = post.getBody();
        return new PostSummary(post.getId(), post.getTitle(),
                body.length() > EXCERPT_LENGTH ? body.substring(0, EXCERPT_LENGTH) : body,
                author.getName(), author.getEmail());
    }
}
