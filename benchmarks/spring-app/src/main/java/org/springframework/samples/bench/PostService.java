package org.springframework.samples.bench;

import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
public class PostService {
    static final int PAGE_SIZE = 50;

    private final PostRepository posts;
    private final PostMapper mapper;

    public PostService(PostRepository posts, PostMapper mapper) {
        this.posts = posts;
        this.mapper = mapper;
    }

    /** One statement for the page and its authors, one for the count. */
    public List<PostSummary> pageWithAuthors(int page) {
        return mapper.summaries(posts.findPageWithAuthors(pageable(page)).getContent());
    }

    /** The same page, then one statement per author as the mapper touches it: the N+1. */
    public List<PostSummary> pageLoadingAuthorsOneByOne(int page) {
        return mapper.summaries(posts.findPage(pageable(page)).getContent());
    }

    private static Pageable pageable(int page) {
        return PageRequest.of(page, PAGE_SIZE, Sort.by("id"));
    }
}
