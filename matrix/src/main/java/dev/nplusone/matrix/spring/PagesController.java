package dev.nplusone.matrix.spring;

import dev.nplusone.matrix.Pages;
import java.util.concurrent.Callable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/** The blog's pages, and the N+1 page through Spring MVC's two kinds of asynchronous request. */
@RestController
public class PagesController {
    private final Pages pages;

    public PagesController(Pages pages) {
        this.pages = pages;
    }

    @GetMapping(Pages.N_PLUS_ONE)
    public String posts() {
        return pages.render(Pages.N_PLUS_ONE);
    }

    @GetMapping(Pages.CLEAN)
    public String joined() {
        return pages.render(Pages.CLEAN);
    }

    /** Rendered on Spring MVC's task executor after the container's thread has returned. */
    @GetMapping("/callable" + Pages.N_PLUS_ONE)
    public Callable<String> callable() {
        return () -> pages.render(Pages.N_PLUS_ONE);
    }

    /** Rendered on a thread of the application's own. */
    @GetMapping("/deferred" + Pages.N_PLUS_ONE)
    public DeferredResult<String> deferred() {
        DeferredResult<String> result = new DeferredResult<>();
        new Thread(() -> result.setResult(pages.render(Pages.N_PLUS_ONE)), "deferred-page").start();
        return result;
    }
}
