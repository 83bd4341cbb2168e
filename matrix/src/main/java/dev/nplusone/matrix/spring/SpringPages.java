package dev.nplusone.matrix.spring;

import dev.nplusone.matrix.Blog;
import dev.nplusone.matrix.Database;
import dev.nplusone.matrix.Pages;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The blog on Spring Boot with its defaults (embedded Tomcat, HikariCP from the JDBC starter), the same pages
 * served by {@link PagesController}. The same class runs on Boot 3.5 and 4.0.
 */
@SpringBootApplication
public class SpringPages {
    /** Starts the application, seeds the blog, lets {@code client} call it on its port, then drops the blog and stops. */
    public static void serve(Database database, String url, Blog blog, boolean virtual, IntConsumer client)
            throws SQLException {
        SpringApplication application = new SpringApplication(SpringPages.class);
        application.setDefaultProperties(Map.of("server.port", "0", "server.address", "127.0.0.1",
                "spring.datasource.url", url, "spring.datasource.username", database.user(),
                "spring.datasource.password", database.password(), "spring.threads.virtual.enabled",
                String.valueOf(virtual), "spring.main.banner-mode", "off"));
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("blog", blog));
        try (ConfigurableApplicationContext context = application.run()) {
            DataSource dataSource = context.getBean(DataSource.class);
            blog.seed(dataSource::getConnection);
            try {
                client.accept(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
            } finally {
                blog.drop(dataSource::getConnection);
            }
        }
    }

    @Bean
    Pages pages(Blog blog, DataSource dataSource) {
        return new Pages(blog, dataSource::getConnection);
    }
}
