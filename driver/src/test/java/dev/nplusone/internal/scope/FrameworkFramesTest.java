package dev.nplusone.internal.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The table of frames that are not the application, row by row: what a stack frame's class is taken for.
 * {@code application} is a call site; {@code framework} is skipped; a framework's name is skipped and
 * shows that framework (for the fix's wording).
 */
class FrameworkFramesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // applications under vendors' names, and ordinary ones
            "org.springframework.samples.petclinic.owner.OwnerController, application",
            "org.springframework.samples.petclinic.OwnerController, application",
            "org.springframework.batch.samples.football.PlayerItemProcessor, application",
            "org.hibernate.demo.Main, application",
            "org.hibernate.orm.test.SomeTest, application",
            "org.mybatis.jpetstore.service.CatalogService, application",
            "org.jooq.example.Main, application",
            "com.example.Foo, application",
            "com.example.Foo$$anonfun$1, application",
            "com.example.Foo$Inner, application",
            "dev.nplusone.examples.hibernate.HibernateBlogPages, application",
            "dev.nplusone.CallSiteSamplingTest, application",
            // a project's tests and test helpers are its code: a loop in them is the call site
            "org.springframework.samples.petclinic.owner.OwnerControllerTests, application",
            "com.acme.shop.OrderServiceTest, application",
            "com.acme.shop.OrderServiceTest$WhenEmpty, application",
            "com.acme.shop.testing.Fixtures, application",
            "javafx.scene.Node, application",
            "javaxx.Tool, application",
            "org.h2demo.Main, application",
            "org.postgresql.app.Main, application",
            // the platform and language runtimes
            "java.lang.reflect.Method, framework",
            "jdk.internal.reflect.DirectMethodHandleAccessor, framework",
            "java.util.stream.ReferencePipeline$3$1, framework",
            "javax.sql.DataSource, framework",
            "jakarta.servlet.http.HttpServlet, framework",
            "sun.reflect.NativeMethodAccessorImpl, framework",
            "jdk.proxy2.$Proxy12, framework",
            "com.sun.proxy.$Proxy7, framework",
            "kotlin.collections.CollectionsKt___CollectionsKt, framework",
            "scala.collection.immutable.List, framework",
            // nplusone and the libraries under it
            "dev.nplusone.internal.jdbc.WatchedStatement, framework",
            "dev.nplusone.agent.shaded.net.bytebuddy.Foo, framework",
            "net.ttddyy.dsproxy.proxy.StatementProxyLogic, framework",
            "net.bytebuddy.implementation.bind.Foo, framework",
            // JDBC drivers and pools
            "org.h2.jdbc.JdbcPreparedStatement, framework",
            "org.postgresql.jdbc.PgPreparedStatement, framework",
            "org.postgresql.Driver, framework",
            "org.mariadb.jdbc.ClientPreparedStatement, framework",
            "com.mysql.cj.jdbc.ClientPreparedStatement, framework",
            "oracle.jdbc.driver.OraclePreparedStatementWrapper, framework",
            "com.microsoft.sqlserver.jdbc.SQLServerPreparedStatement, framework",
            "com.zaxxer.hikari.pool.HikariProxyPreparedStatement, framework",
            "org.apache.commons.dbcp2.DelegatingPreparedStatement, framework",
            "com.mchange.v2.c3p0.impl.NewProxyPreparedStatement, framework",
            "org.apache.tomcat.jdbc.pool.StatementFacade$StatementProxy, framework",
            "io.agroal.pool.wrapper.PreparedStatementWrapper, framework",
            "org.vibur.dbcp.proxy.StatementInvocationHandler, framework",
            "oracle.ucp.jdbc.proxy.oracle$1ucp$1jdbc$1proxy$1oracle$1StatementProxy$2oracle$1jdbc$1internal$1OraclePreparedStatement$$$Proxy, framework",
            // ORMs
            "org.hibernate.engine.internal.StatefulPersistenceContext, HIBERNATE",
            "org.hibernate.collection.spi.AbstractPersistentCollection, HIBERNATE+HIBERNATE_LAZY",
            "org.hibernate.proxy.AbstractLazyInitializer, HIBERNATE+HIBERNATE_LAZY",
            "org.hibernate.Hibernate, HIBERNATE",
            "com.example.Author$HibernateProxy$Xy12, HIBERNATE",
            "dev.nplusone.examples.hibernate.Author$HibernateProxy, HIBERNATE",
            "org.springframework.data.jpa.repository.support.SimpleJpaRepository, SPRING_DATA",
            "org.jooq.impl.AbstractResultQuery, JOOQ",
            "org.jooq.ResultQuery, JOOQ",
            "org.apache.ibatis.executor.SimpleExecutor, MYBATIS",
            "org.mybatis.spring.SqlSessionTemplate$SqlSessionInterceptor, MYBATIS",
            "org.eclipse.persistence.internal.sessions.AbstractSession, framework",
            // Spring's infrastructure and generated proxies
            "org.springframework.jdbc.core.JdbcTemplate, framework",
            // schema and seed script runners: their statements are a script's lines, not a write loop
            "org.springframework.jdbc.datasource.init.ScriptUtils, SCHEMA_SCRIPTS",
            "org.flywaydb.core.internal.sqlscript.DefaultSqlScriptExecutor, SCHEMA_SCRIPTS",
            "liquibase.executor.jvm.JdbcExecutor, SCHEMA_SCRIPTS",
            "org.springframework.orm.jpa.SharedEntityManagerCreator$SharedEntityManagerInvocationHandler, framework",
            "org.springframework.aop.framework.ReflectiveMethodInvocation, framework",
            "org.springframework.transaction.interceptor.TransactionInterceptor, framework",
            "org.springframework.web.servlet.DispatcherServlet, framework",
            "org.springframework.context.support.AbstractApplicationContext, framework",
            "org.springframework.beans.factory.support.AbstractBeanFactory, framework",
            "org.springframework.cglib.proxy.MethodProxy, framework",
            "org.springframework.samples.petclinic.owner.OwnerRepository$$SpringCGLIB$$0, framework",
            "com.example.OwnerService$$EnhancerBySpringCGLIB$$1a2b, framework",
            "com.example.$Proxy31, framework",
            "com.example.Repo$ByteBuddy$abc, framework",
            // servlet containers, serialisers, test runners, observability
            "org.apache.catalina.core.ApplicationFilterChain, framework",
            "org.apache.coyote.http11.Http11Processor, framework",
            "org.eclipse.jetty.server.handler.HandlerWrapper, framework",
            "io.undertow.servlet.handlers.ServletHandler, framework",
            "com.fasterxml.jackson.databind.ser.BeanPropertyWriter, framework",
            "org.junit.jupiter.engine.execution.MethodInvocation, framework",
            "org.junit.platform.launcher.core.DefaultLauncher, framework",
            "org.apache.maven.surefire.booter.ForkedBooter, framework",
            "org.apache.maven.surefire.api.util.ReflectionUtils, framework",
            "org.junit.runners.model.FrameworkMethod$1, framework",
            "org.junit.vintage.engine.execution.RunnerExecutor, framework",
            "org.gradle.api.internal.tasks.testing.junitplatform.JUnitPlatformTestClassProcessor, framework",
            "io.opentelemetry.instrumentation.jdbc.internal.OpenTelemetryStatement, framework",
            "io.micrometer.observation.Observation, framework",
    })
    void classifies_each_row_of_the_table(String className, String expected) {
        assertEquals(expected, describe(FrameworkFrames.classify(className)));
    }

    @Test
    void application_packages_make_their_frames_the_call_site_and_skip_every_other_frame() {
        FrameClassifier classifier = new FrameClassifier(List.of("com.acme."));

        assertEquals("application", describe(classifier.classify("com.acme.shop.OrderService")));
        assertEquals("framework", describe(classifier.classify("com.example.Helper")));
        assertEquals("framework", describe(classifier.classify("com.acmeother.Foo")));
        assertEquals("HIBERNATE", describe(classifier.classify("org.hibernate.engine.internal.Foo")));
    }

    @Test
    void application_packages_win_over_the_table() {
        FrameClassifier classifier = new FrameClassifier(List.of("org.springframework.jdbc.core."));

        assertEquals("application", describe(classifier.classify("org.springframework.jdbc.core.JdbcTemplate")));
    }

    static String describe(int bits) {
        if (bits == FrameClassifier.APPLICATION) {
            return "application";
        }
        List<String> names = new ArrayList<>();
        for (Framework framework : Framework.values()) {
            if (framework.in(bits)) {
                names.add(framework.name());
            }
        }
        return names.isEmpty() ? "framework" : String.join("+", names);
    }
}
