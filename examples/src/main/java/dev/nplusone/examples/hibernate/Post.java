package dev.nplusone.examples.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedAttributeNode;
import jakarta.persistence.NamedEntityGraph;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code blog_post}: the first seed's Post, with a lazy author (ForeignKey) and lazy tags (ManyToManyField),
 * mapped onto the seed database's tables as they are.
 */
@Entity
@Table(name = "blog_post")
@NamedEntityGraph(name = Post.WITH_AUTHOR, attributeNodes = @NamedAttributeNode("author"))
public class Post {
    public static final String WITH_AUTHOR = "Post.withAuthor";

    @Id
    private Integer id;
    private String title;
    private String content;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id")
    private Author author;

    @ManyToMany
    @JoinTable(name = "blog_post_tags", joinColumns = @JoinColumn(name = "post_id"),
            inverseJoinColumns = @JoinColumn(name = "tag_id"))
    @OrderBy("id")
    private List<Tag> tags = new ArrayList<>();

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    protected Post() {
    }

    public Integer getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getContent() {
        return content;
    }

    public Author getAuthor() {
        return author;
    }

    public List<Tag> getTags() {
        return tags;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }
}
