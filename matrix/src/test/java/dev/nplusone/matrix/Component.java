package dev.nplusone.matrix;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The jars of one component of the matrix: entries of this module's test class path (matched by path fragments,
 * as Maven lays out its repository), or a folder of target/components the build copied them into (components whose
 * coordinates clash with another's: Tomcat 10.1 beside 11, the Spring Boot lines).
 */
enum Component {
    H2("/com/h2database/"),
    HSQLDB("/org/hsqldb/"),
    DERBY("/org/apache/derby/"),
    SQLITE("/org/xerial/", "/org/slf4j/"),
    POSTGRESQL("/org/postgresql/", "/org/checkerframework/"),
    MARIADB("/org/mariadb/"),
    MYSQL("/com/mysql/", "/com/google/protobuf/"),
    HIKARI("/com/zaxxer/", "/org/slf4j/"),
    DBCP2("/org/apache/commons/commons-dbcp2/", "/org/apache/commons/commons-pool2/", "/commons-logging/",
            "/jakarta/transaction/"),
    C3P0("/com/mchange/"),
    TOMCAT_JDBC("/org/apache/tomcat/tomcat-jdbc/", "/org/apache/tomcat/tomcat-juli/"),
    AGROAL("/io/agroal/"),
    VIBUR("/org/vibur/", "/org/slf4j/"),
    TOMCAT_11("/org/apache/tomcat/embed/", "/org/apache/tomcat/tomcat-annotations-api/"),
    TOMCAT_10_1(Path.of("tomcat-10.1")),
    JETTY_12("/org/eclipse/jetty/", "/jakarta/servlet/", "/org/slf4j/"),
    UNDERTOW("/io/undertow/", "/org/jboss/", "/org/wildfly/", "/io/smallrye/", "/jakarta/servlet/", "/jakarta/annotation/"),
    SPRING_BOOT_3_5(Path.of("spring-boot-3.5")),
    SPRING_BOOT_4_0(Path.of("spring-boot-4.0")),
    /** The jdbc:nplusone: driver, for the cells' second run without the agent. */
    NPLUSONE_DRIVER("/driver/target/", "/net/ttddyy/", "/com/github/jsqlparser/");

    static final Path COMPONENTS = Path.of(System.getProperty("matrix.components", "target/components"));

    private final List<String> fragments;
    private final Path folder;

    Component(String... fragments) {
        this.fragments = List.of(fragments);
        this.folder = null;
    }

    Component(Path folder) {
        this.fragments = List.of();
        this.folder = folder;
    }

    /** The component of a cell's column value: {@code tomcat-10.1} is {@link #TOMCAT_10_1}. */
    static Component named(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace('.', '_'));
    }

    /** Whether the build provided this component's jars (the Spring Boot folders only under -Pmatrix). */
    boolean available() {
        return folder == null || Files.isDirectory(COMPONENTS.resolve(folder));
    }

    Stream<String> jars() {
        if (folder != null) {
            try (Stream<Path> files = Files.list(COMPONENTS.resolve(folder))) {
                return files.map(Path::toString).filter(name -> name.endsWith(".jar")).sorted().toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String all = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(all.split(File.pathSeparator))
                .filter(entry -> fragments.stream().anyMatch(entry.replace('\\', '/')::contains));
    }
}
