package dev.nplusone.examples.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** {@code department}, with its employees: the second seed's reverse ForeignKey ({@code related_name="employees"}). */
@Entity
@Table(name = "department")
public class Department {
    @Id
    private Integer id;
    private String name;

    @OneToMany(mappedBy = "department")
    @OrderBy("id")
    private List<Employee> employees = new ArrayList<>();

    protected Department() {
    }

    public Integer getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public List<Employee> getEmployees() {
        return employees;
    }
}
