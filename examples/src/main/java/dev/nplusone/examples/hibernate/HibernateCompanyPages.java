package dev.nplusone.examples.hibernate;

import dev.nplusone.scenarios.CompanyPages;
import dev.nplusone.scenarios.CompanyPages.DepartmentView;
import dev.nplusone.scenarios.CompanyPages.EmployeeView;
import java.util.List;
import org.hibernate.SessionFactory;

/**
 * The second seed's company pages written with Hibernate, each loop and its cures. Every method returns
 * exactly what the plain-JDBC method of the same name in {@link CompanyPages} returns.
 */
public final class HibernateCompanyPages {
    static final String EMPLOYEES = "from Employee e order by e.id";

    private final SessionFactory sessions;

    public HibernateCompanyPages(SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** {@code employee.getCity().getCountry()} in a loop: a select per distinct city, then per distinct country. */
    public List<EmployeeView> cityAndCountryChain() {
        return sessions.fromSession(session -> views(session.createSelectionQuery(EMPLOYEES, Employee.class).getResultList()));
    }

    /** {@code join fetch e.city c join fetch c.country}: the chain in one statement. 1 query. */
    public List<EmployeeView> chainWithJoinFetch() {
        return sessions.fromSession(session -> views(session.createSelectionQuery(
                "from Employee e join fetch e.city c join fetch c.country order by e.id", Employee.class).getResultList()));
    }

    /** Batch fetching: one IN query per level, each city and country read once. 3 queries. */
    public List<EmployeeView> chainWithBatchFetch() {
        return sessions.fromSession(session -> views(HibernateBlogPages.batching(session)
                .createSelectionQuery(EMPLOYEES, Employee.class).getResultList()));
    }

    /** {@code department.getEmployees()} in a loop: the reverse foreign key, one select per department. */
    public List<DepartmentView> employeesPerDepartment() {
        return sessions.fromSession(session -> departments(session.createSelectionQuery(
                "from Department d order by d.id", Department.class).getResultList()));
    }

    /** Batch fetching: the employees of every department in one IN query. 2 queries. */
    public List<DepartmentView> employeesPerDepartmentWithBatchFetch() {
        return sessions.fromSession(session -> departments(HibernateBlogPages.batching(session).createSelectionQuery(
                "from Department d order by d.id", Department.class).getResultList()));
    }

    /**
     * The only/defer trap: a projection of id and name, then the whole employee loaded again, one by one,
     * for the column the projection left out.
     */
    public List<CompanyPages.Employee> deferredDepartmentPerEmployee() {
        return sessions.fromSession(session -> session.createSelectionQuery(
                "select e.id, e.name from Employee e order by e.id", Object[].class).getResultList().stream()
                .map(row -> {
                    Employee employee = session.find(Employee.class, row[0]);
                    return new CompanyPages.Employee((Integer) row[0], (String) row[1], 0, employee.getDepartment().getId());
                }).toList());
    }

    /** The projection selects the column the loop needs. 1 query. */
    public List<CompanyPages.Employee> departmentSelectedWithNames() {
        return sessions.fromSession(session -> session.createSelectionQuery(
                "select e.id, e.name, e.department.id from Employee e order by e.id", Object[].class).getResultList()
                .stream().map(row -> new CompanyPages.Employee((Integer) row[0], (String) row[1], 0, (Integer) row[2]))
                .toList());
    }

    private static List<EmployeeView> views(List<Employee> employees) {
        return employees.stream().map(e -> new EmployeeView(employee(e),
                new CompanyPages.City(e.getCity().getId(), e.getCity().getName(), e.getCity().getCountry().getId()),
                new CompanyPages.Country(e.getCity().getCountry().getId(), e.getCity().getCountry().getName()))).toList();
    }

    private static List<DepartmentView> departments(List<Department> departments) {
        return departments.stream().map(d -> new DepartmentView(new CompanyPages.Department(d.getId(), d.getName()),
                d.getEmployees().stream().map(HibernateCompanyPages::employee).toList())).toList();
    }

    static CompanyPages.Employee employee(Employee e) {
        return new CompanyPages.Employee(e.getId(), e.getName(), e.getCity().getId(), e.getDepartment().getId());
    }
}
