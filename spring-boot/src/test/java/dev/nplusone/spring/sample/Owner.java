package dev.nplusone.spring.sample;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;

@Entity
public class Owner {
    @Id
    private Long id;
    private String name;
    @OneToMany(mappedBy = "owner")
    @OrderBy("id")
    private List<Pet> pets = new ArrayList<>();

    protected Owner() {
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public List<Pet> getPets() {
        return pets;
    }
}
