package org.springframework.samples.bench;

/** What the pages return for each post: the author's name is what makes the lazy page load every author. */
public record PostSummary(long id, String title, String excerpt, String authorName, String authorEmail) {
}
