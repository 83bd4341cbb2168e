package dev.nplusone.examples.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** {@code blog_tag}. */
@Entity
@Table(name = "blog_tag")
public class Tag {
    @Id
    private Integer id;
    private String name;

    protected Tag() {
    }

    /** A new tag, to be persisted. */
    public Tag(Integer id, String name) {
        this.id = id;
        this.name = name;
    }

    public Integer getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
