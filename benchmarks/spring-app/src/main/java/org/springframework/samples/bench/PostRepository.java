package org.springframework.samples.bench;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PostRepository extends JpaRepository<Post, Long> {

    /** The posts only: each author is a lazy proxy, loaded by its own statement when first touched. */
    @Query(value = "select p from Post p", countQuery = "select count(p) from Post p")
    Page<Post> findPage(Pageable pageable);

    /** The posts with their authors in the same statement. */
    @EntityGraph(attributePaths = "author")
    @Query(value = "select p from Post p", countQuery = "select count(p) from Post p")
    Page<Post> findPageWithAuthors(Pageable pageable);
}
