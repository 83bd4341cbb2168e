package org.springframework.samples.bench;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class PostController {
    private final PostService service;

    public PostController(PostService service) {
        this.service = service;
    }

    @GetMapping("/posts")
    public List<PostSummary> posts(@RequestParam(name = "page", defaultValue = "0") int page) {
        return service.pageWithAuthors(page);
    }

    @GetMapping("/posts-n-plus-one")
    public List<PostSummary> postsNPlusOne(@RequestParam(name = "page", defaultValue = "0") int page) {
        return service.pageLoadingAuthorsOneByOne(page);
    }
}
