package dev.nplusone.examples.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;

/** {@code blog_author}. Its posts are the one association mapped with {@code @BatchSize}, to show what it does. */
@Entity
@Table(name = "blog_author")
public class Author {
    @Id
    private Integer id;
    private String name;
    private String email;

    @OneToMany(mappedBy = "author")
    @OrderBy("id")
    @BatchSize(size = 16)
    private List<Post> posts = new ArrayList<>();

    protected Author() {
    }

    public Integer getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public List<Post> getPosts() {
        return posts;
    }
}
