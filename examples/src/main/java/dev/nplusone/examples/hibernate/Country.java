package dev.nplusone.examples.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** {@code country}: the end of the second seed's employee -> city -> country chain. */
@Entity
@Table(name = "country")
public class Country {
    @Id
    private Integer id;
    private String name;

    protected Country() {
    }

    public Integer getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
