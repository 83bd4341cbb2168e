package dev.nplusone.examples.jdbc;

import static dev.nplusone.examples.jdbc.FixedBlogPages.bind;
import static dev.nplusone.examples.jdbc.FixedBlogPages.placeholders;

import dev.nplusone.scenarios.CompanyPages;
import dev.nplusone.scenarios.CompanyPages.City;
import dev.nplusone.scenarios.CompanyPages.Country;
import dev.nplusone.scenarios.CompanyPages.Department;
import dev.nplusone.scenarios.CompanyPages.DepartmentView;
import dev.nplusone.scenarios.CompanyPages.Employee;
import dev.nplusone.scenarios.CompanyPages.EmployeeView;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The second seed's company pages done right in plain JDBC, each returning exactly what the matching loop in
 * {@link CompanyPages} returns.
 */
public final class FixedCompanyPages {
    private FixedCompanyPages() {
    }

    /** employee -> city -> country in one statement: {@code select_related('city', 'city__country')}, 1 query. */
    public static List<EmployeeView> chainWithJoins(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select e.id, e.name, e.city_id, e.department_id, c.id, c.name, c.country_id, co.id, co.name"
                             + " from employee e left join city c on c.id = e.city_id"
                             + " left join country co on co.id = c.country_id order by e.id");
             ResultSet rows = statement.executeQuery()) {
            List<EmployeeView> views = new ArrayList<>();
            while (rows.next()) {
                views.add(new EmployeeView(
                        new Employee(rows.getInt(1), rows.getString(2), rows.getInt(3), rows.getInt(4)),
                        new City(rows.getInt(5), rows.getString(6), rows.getInt(7)),
                        new Country(rows.getInt(8), rows.getString(9))));
            }
            return views;
        }
    }

    /**
     * employee -> city -> country with one IN query per level: {@code prefetch_related('city', 'city__country')},
     * 3 queries. The second seed's advice where many employees share few cities: each city is read once.
     */
    public static List<EmployeeView> chainWithIn(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<Employee> employees = CompanyPages.employees(connection);
            List<Integer> cityIds = distinct(employees.stream().map(Employee::cityId).toList());
            Map<Integer, City> cities = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "select c.id, c.name, c.country_id from city c where c.id in (" + placeholders(cityIds.size()) + ")")) {
                bind(statement, cityIds, 1);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        cities.put(rows.getInt(1), new City(rows.getInt(1), rows.getString(2), rows.getInt(3)));
                    }
                }
            }
            List<Integer> countryIds = distinct(cities.values().stream().map(City::countryId).toList());
            Map<Integer, Country> countries = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "select co.id, co.name from country co where co.id in (" + placeholders(countryIds.size()) + ")")) {
                bind(statement, countryIds, 1);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        countries.put(rows.getInt(1), new Country(rows.getInt(1), rows.getString(2)));
                    }
                }
            }
            return employees.stream().map(e -> {
                City city = cities.get(e.cityId());
                return new EmployeeView(e, city, countries.get(city.countryId()));
            }).toList();
        }
    }

    /** Departments, then all their employees in one IN query: {@code prefetch_related('employees')}, 2 queries. */
    public static List<DepartmentView> employeesPerDepartmentWithIn(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Map<Integer, DepartmentView> views = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(CompanyPages.DEPARTMENTS_SQL);
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    views.put(rows.getInt(1), new DepartmentView(new Department(rows.getInt(1), rows.getString(2)),
                            new ArrayList<>()));
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("select e.id, e.name, e.city_id,"
                    + " e.department_id from employee e where e.department_id in (" + placeholders(views.size())
                    + ") order by e.id")) {
                bind(statement, views.keySet(), 1);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        views.get(rows.getInt(4)).employees().add(
                                new Employee(rows.getInt(1), rows.getString(2), rows.getInt(3), rows.getInt(4)));
                    }
                }
            }
            return new ArrayList<>(views.values());
        }
    }

    /** The only/defer trap done right: the list selects the column the loop needs. 1 query. */
    public static List<Employee> departmentSelectedWithNames(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select e.id, e.name, e.department_id from employee e order by e.id");
             ResultSet rows = statement.executeQuery()) {
            List<Employee> employees = new ArrayList<>();
            while (rows.next()) {
                employees.add(new Employee(rows.getInt(1), rows.getString(2), 0, rows.getInt(3)));
            }
            return employees;
        }
    }

    private static List<Integer> distinct(List<Integer> values) {
        return new ArrayList<>(new LinkedHashSet<>(values));
    }
}
