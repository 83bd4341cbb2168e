package dev.nplusone.examples.hibernate;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;

/**
 * The plain Hibernate bootstrap (no Spring, no persistence.xml): the seed entities mapped onto the tables the
 * seed database already has, over the DataSource it is given. Give it {@code NPlusOne.wrap(dataSource)} and
 * every statement Hibernate runs is watched.
 */
public final class HibernateBoot {
    /** Kept so that the level set on it is not lost when the logger is garbage collected. */
    private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");

    private HibernateBoot() {
    }

    /** A SessionFactory with Hibernate's defaults: lazy associations load one key at a time. */
    public static SessionFactory sessionFactory(DataSource dataSource) {
        return sessionFactory(dataSource, Map.of());
    }

    /** As {@link #sessionFactory(DataSource)}, with extra settings such as {@code hibernate.default_batch_fetch_size}. */
    public static SessionFactory sessionFactory(DataSource dataSource, Map<String, Object> settings) {
        HIBERNATE_LOG.setLevel(Level.WARNING);
        Configuration configuration = new Configuration()
                .addAnnotatedClass(Author.class)
                .addAnnotatedClass(Post.class)
                .addAnnotatedClass(Tag.class)
                .addAnnotatedClass(Country.class)
                .addAnnotatedClass(City.class)
                .addAnnotatedClass(Department.class)
                .addAnnotatedClass(Employee.class);
        configuration.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        configuration.getProperties().put(AvailableSettings.HBM2DDL_AUTO, "none");
        configuration.getProperties().putAll(settings);
        return configuration.buildSessionFactory();
    }
}
