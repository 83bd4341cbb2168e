package dev.nplusone.scenarios;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The second seed article's company model as plain JDBC application code, with its traps. */
public final class CompanyPages {
    public record Employee(int id, String name, int cityId, int departmentId) {
    }

    public record City(int id, String name, int countryId) {
    }

    public record Country(int id, String name) {
    }

    public record Department(int id, String name) {
    }

    public record EmployeeView(Employee employee, City city, Country country) {
    }

    public record DepartmentView(Department department, List<Employee> employees) {
    }

    public static final String EMPLOYEES_SQL = "select e.id, e.name, e.city_id, e.department_id from employee e order by e.id";
    public static final String CITY_SQL = "select c.id, c.name, c.country_id from city c where c.id = ?";
    public static final String COUNTRY_SQL = "select co.id, co.name from country co where co.id = ?";
    public static final String DEPARTMENTS_SQL = "select d.id, d.name from department d order by d.id";
    public static final String EMPLOYEES_OF_SQL = "select e.id, e.name, e.city_id, e.department_id from employee e"
            + " where e.department_id = ? order by e.id";
    public static final String EMPLOYEE_NAMES_SQL = "select e.id, e.name from employee e order by e.id";
    public static final String DEFERRED_SQL = "select id, department_id from employee where id = ?";

    private CompanyPages() {
    }

    /** employee -> city -> country, one lookup per employee at each level: 1 + 30 + 30 queries. */
    public static List<EmployeeView> cityAndCountryChain(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<EmployeeView> views = new ArrayList<>();
            for (Employee employee : employees(connection)) {
                City city = lookup(connection, CITY_SQL, employee.cityId(),
                        rows -> new City(rows.getInt(1), rows.getString(2), rows.getInt(3)));
                Country country = lookup(connection, COUNTRY_SQL, city.countryId(),
                        rows -> new Country(rows.getInt(1), rows.getString(2)));
                views.add(new EmployeeView(employee, city, country));
            }
            return views;
        }
    }

    /** The reverse foreign key: the employees of each department, one department at a time. */
    public static List<DepartmentView> employeesPerDepartment(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<Department> departments = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(DEPARTMENTS_SQL);
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    departments.add(new Department(rows.getInt(1), rows.getString(2)));
                }
            }
            List<DepartmentView> views = new ArrayList<>();
            for (Department department : departments) {
                try (PreparedStatement statement = connection.prepareStatement(EMPLOYEES_OF_SQL)) {
                    statement.setInt(1, department.id());
                    List<Employee> employees = new ArrayList<>();
                    try (ResultSet rows = statement.executeQuery()) { // site:employeesPerDepartment
                        while (rows.next()) {
                            employees.add(new Employee(rows.getInt(1), rows.getString(2), rows.getInt(3), rows.getInt(4)));
                        }
                    }
                    views.add(new DepartmentView(department, employees));
                }
            }
            return views;
        }
    }

    /**
     * The only/defer trap: the list loaded only some columns, and reading a deferred one loads the row again,
     * once per employee.
     */
    public static List<Employee> deferredDepartmentPerEmployee(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<Employee> names = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(EMPLOYEE_NAMES_SQL);
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(new Employee(rows.getInt(1), rows.getString(2), 0, 0));
                }
            }
            List<Employee> result = new ArrayList<>();
            for (Employee employee : names) {
                int department = lookup(connection, DEFERRED_SQL, employee.id(), rows -> rows.getInt(2));
                result.add(new Employee(employee.id(), employee.name(), 0, department));
            }
            return result;
        }
    }

    public static List<Employee> employees(Connection connection) throws SQLException {
        List<Employee> employees = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(EMPLOYEES_SQL);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                employees.add(new Employee(rows.getInt(1), rows.getString(2), rows.getInt(3), rows.getInt(4)));
            }
        }
        return employees;
    }

    interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    static <T> T lookup(Connection connection, String sql, int key, RowReader<T> reader) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, key);
            try (ResultSet rows = statement.executeQuery()) { // site:lookup
                return rows.next() ? reader.read(rows) : null;
            }
        }
    }
}
