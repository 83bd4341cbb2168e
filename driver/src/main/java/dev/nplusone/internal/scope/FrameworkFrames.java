package dev.nplusone.internal.scope;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The frames that are not the application: the JDK, JDBC drivers, pools, ORMs, Spring's infrastructure,
 * generated proxies, servlet containers, serialisers, test runners, language runtimes, observability agents
 * and nplusone itself. The first frame below a statement that none of these rows matches is its call site.
 *
 * <p>Rows name a framework's infrastructure packages, never a vendor's prefix alone: applications live under
 * {@code org.springframework.samples}, {@code org.hibernate.demo}, {@code org.mybatis.jpetstore} or
 * {@code org.jooq.example}, and those are call sites. Platform namespaces ({@code java.}, {@code jdk.},
 * {@code kotlin.}, {@code scala.}) hold no application code and are matched whole.
 *
 * <p>Serialisation (Jackson) is infrastructure too: a lazy association loaded while an entity is serialised
 * is blamed on the entity's getter when that getter runs as application code (plain or bytecode-enhanced
 * entities), else on the first application frame further down the stack, and when there is none (the
 * controller returned before the response was written) on the entity getter a Hibernate proxy intercepted.
 */
final class FrameworkFrames {
    /** How a row matches a class name. */
    enum Match {
        /** The class is in this package or below it. */
        PACKAGE,
        /** The class is directly in this package (a framework's API classes beside applications' packages). */
        CLASS_DIRECTLY_IN,
        /** Generated classes: the name contains this marker. */
        NAME_CONTAINS
    }

    /** One row of the table: what it matches and the data-access framework it shows, if any. */
    record Row(Match match, String pattern, Framework framework) {
        boolean matches(String className) {
            return switch (match) {
                case PACKAGE -> className.startsWith(pattern) && className.length() > pattern.length()
                        && className.charAt(pattern.length()) == '.';
                case CLASS_DIRECTLY_IN -> className.startsWith(pattern) && className.lastIndexOf('.') == pattern.length();
                case NAME_CONTAINS -> className.contains(pattern);
            };
        }
    }

    /** Hibernate's lazy proxies are subclasses of the entity named so: {@code Author$HibernateProxy[$...]}. */
    static final String HIBERNATE_PROXY_MARKER = "$HibernateProxy";
    /** Bytecode-enhanced entities (Hibernate) read lazy fields through generated methods named so. */
    static final String ENHANCED_ACCESSOR_PREFIX = "$$_hibernate_";

    static final List<Row> ROWS = table(
            // The platform and language runtimes (reflection, streams, method handles, Kotlin/Scala collections)
            packages(null, "java", "javax", "jakarta", "jdk", "sun", "com.sun", "kotlin", "kotlinx.coroutines",
                    "scala", "groovy.lang", "org.codehaus.groovy.runtime", "org.codehaus.groovy.reflection"),
            // nplusone, the proxy library under it, and bytecode generators
            packages(null, "dev.nplusone.internal", "dev.nplusone.agent", "net.ttddyy.dsproxy", "net.bytebuddy",
                    "net.sf.cglib", "javassist.util.proxy", "org.objenesis", "com.p6spy.engine"),
            // JDBC drivers
            packages(null, "org.h2.jdbc", "org.h2.jdbcx", "org.h2.engine", "org.h2.command", "org.postgresql.jdbc",
                    "org.postgresql.core", "org.postgresql.ds", "org.postgresql.util", "org.mariadb.jdbc",
                    "com.mysql.cj", "com.mysql.jdbc", "oracle.jdbc", "com.microsoft.sqlserver.jdbc",
                    "org.hsqldb.jdbc", "org.apache.derby.impl.jdbc", "org.apache.derby.client", "org.sqlite.jdbc3",
                    "org.sqlite.core", "com.ibm.db2.jcc", "org.firebirdsql.jdbc", "io.r2dbc.spi"),
            directly(null, "org.postgresql"),
            // Connection pools
            packages(null, "com.zaxxer.hikari", "org.apache.commons.dbcp2", "org.apache.commons.dbcp",
                    "org.apache.commons.pool2", "com.mchange.v2.c3p0", "com.mchange.v2.resourcepool",
                    "org.apache.tomcat.jdbc.pool", "io.agroal.pool", "io.agroal.api", "org.vibur.dbcp", "oracle.ucp"),
            // Hibernate ORM's packages, its API classes directly in org.hibernate, and its generated proxies
            packages(Framework.HIBERNATE, "org.hibernate.action", "org.hibernate.annotations", "org.hibernate.binder",
                    "org.hibernate.boot", "org.hibernate.bytecode", "org.hibernate.cache", "org.hibernate.cfg",
                    "org.hibernate.classic", "org.hibernate.collection", "org.hibernate.context",
                    "org.hibernate.criterion", "org.hibernate.dialect", "org.hibernate.engine", "org.hibernate.envers",
                    "org.hibernate.event", "org.hibernate.exception", "org.hibernate.generator", "org.hibernate.graph",
                    "org.hibernate.hql", "org.hibernate.id", "org.hibernate.integrator", "org.hibernate.internal",
                    "org.hibernate.jdbc", "org.hibernate.jpa", "org.hibernate.loader", "org.hibernate.mapping",
                    "org.hibernate.metamodel", "org.hibernate.param", "org.hibernate.persister",
                    "org.hibernate.procedure", "org.hibernate.property", "org.hibernate.proxy", "org.hibernate.query",
                    "org.hibernate.reactive", "org.hibernate.resource", "org.hibernate.result", "org.hibernate.service",
                    "org.hibernate.spi", "org.hibernate.sql", "org.hibernate.stat", "org.hibernate.transform",
                    "org.hibernate.tuple", "org.hibernate.type", "org.hibernate.usertype", "org.hibernate.validator"),
            directly(Framework.HIBERNATE, "org.hibernate"),
            markers(Framework.HIBERNATE, HIBERNATE_PROXY_MARKER),
            // ... of which these initialise lazy associations: the fix is a fetch plan, not another query
            packages(Framework.HIBERNATE_LAZY, "org.hibernate.proxy", "org.hibernate.collection"),
            // Spring's infrastructure (not its samples), Spring Data
            packages(null, "org.springframework.aop", "org.springframework.aot", "org.springframework.beans",
                    "org.springframework.boot", "org.springframework.cache", "org.springframework.cglib",
                    "org.springframework.context", "org.springframework.core", "org.springframework.dao",
                    "org.springframework.expression", "org.springframework.format", "org.springframework.graphql",
                    "org.springframework.http", "org.springframework.jdbc", "org.springframework.jms",
                    "org.springframework.messaging", "org.springframework.objenesis", "org.springframework.orm",
                    "org.springframework.r2dbc", "org.springframework.retry", "org.springframework.scheduling",
                    "org.springframework.security", "org.springframework.session", "org.springframework.test",
                    "org.springframework.transaction", "org.springframework.util", "org.springframework.validation",
                    "org.springframework.web", "org.springframework.ws", "org.springframework.kafka",
                    "org.springframework.amqp", "org.springframework.hateoas", "org.springframework.batch.core",
                    "org.springframework.batch.item", "org.springframework.batch.repeat"),
            packages(Framework.SPRING_DATA, "org.springframework.data"),
            markers(null, "$$SpringCGLIB$$", "$$EnhancerBySpringCGLIB$$", "$$FastClassBySpringCGLIB$$",
                    "$$EnhancerByCGLIB$$", "$ByteBuddy$", "$MockitoMock$", "$$_jvst", ".$Proxy"),
            // Schema and seed script runners
            packages(Framework.SCHEMA_SCRIPTS, "org.springframework.jdbc.datasource.init", "org.flywaydb",
                    "liquibase"),
            // Other data-access frameworks
            packages(Framework.JOOQ, "org.jooq.impl", "org.jooq.tools", "org.jooq.conf", "org.jooq.exception"),
            directly(Framework.JOOQ, "org.jooq"),
            packages(Framework.MYBATIS, "org.apache.ibatis", "org.mybatis.spring", "org.mybatis.scripting"),
            packages(null, "org.eclipse.persistence.internal", "org.eclipse.persistence.jpa",
                    "org.eclipse.persistence.queries", "org.eclipse.persistence.sessions",
                    "org.eclipse.persistence.indirection", "org.eclipse.persistence.descriptors",
                    "org.eclipse.persistence.mappings"),
            // Servlet containers, web servers, serialisers, AOP runtimes
            packages(null, "org.apache.catalina", "org.apache.coyote", "org.apache.tomcat.util",
                    "org.apache.tomcat.websocket", "org.eclipse.jetty", "io.undertow", "org.xnio", "io.netty",
                    "reactor.core", "reactor.netty", "com.fasterxml.jackson.core", "com.fasterxml.jackson.databind",
                    "com.fasterxml.jackson.datatype", "com.fasterxml.jackson.module", "org.aspectj.runtime",
                    "org.aspectj.lang"),
            // Test runners and observability
            packages(null, "org.junit.jupiter.engine", "org.junit.jupiter.api", "org.junit.jupiter.params",
                    "org.junit.platform", "org.junit.runner", "org.junit.runners", "org.junit.internal",
                    "org.junit.vintage", "junit.framework", "org.testng.internal", "org.apache.maven.surefire",
                    "org.gradle.api.internal.tasks.testing", "io.opentelemetry.api", "io.opentelemetry.context",
                    "io.opentelemetry.sdk", "io.opentelemetry.instrumentation", "io.opentelemetry.javaagent",
                    "io.micrometer.core", "io.micrometer.observation", "io.micrometer.tracing",
                    "io.micrometer.context"));

    private FrameworkFrames() {
    }

    /** The framework bits of {@code className}, or -1 when it is application code. */
    static int classify(String className) {
        int bits = -1;
        for (int i = 0; i < ROWS.size(); i++) {
            Row row = ROWS.get(i);
            if (row.matches(className)) {
                bits = Math.max(bits, 0) | (row.framework() == null ? 0 : row.framework().bit());
            }
        }
        return bits;
    }

    private static List<Row> table(Row[]... groups) {
        List<Row> rows = new ArrayList<>();
        for (Row[] group : groups) {
            rows.addAll(Arrays.asList(group));
        }
        return List.copyOf(rows);
    }

    private static Row[] packages(Framework framework, String... packages) {
        return rows(Match.PACKAGE, framework, packages);
    }

    private static Row[] directly(Framework framework, String... packages) {
        return rows(Match.CLASS_DIRECTLY_IN, framework, packages);
    }

    private static Row[] markers(Framework framework, String... markers) {
        return rows(Match.NAME_CONTAINS, framework, markers);
    }

    private static Row[] rows(Match match, Framework framework, String... patterns) {
        Row[] rows = new Row[patterns.length];
        for (int i = 0; i < patterns.length; i++) {
            rows[i] = new Row(match, patterns[i], framework);
        }
        return rows;
    }
}
