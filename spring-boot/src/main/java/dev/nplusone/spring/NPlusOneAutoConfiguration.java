package dev.nplusone.spring;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskDecorator;

/**
 * Everything the starter sets up, switched off as a whole by {@code nplusone.enabled=false} (per profile too).
 * Only classes that are in the same place in Spring Boot 3.5 and 4.0 are named here; everything else is
 * conditional by class name, since Boot 4.0 moved most auto-configurations into modules of their own.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "nplusone", name = "enabled", havingValue = "true", matchIfMissing = true)
public class NPlusOneAutoConfiguration {

    /** Static: a post-processor is created before the other beans, and applies the settings before any DataSource. */
    @Bean
    static DataSourceWatcher nplusoneDataSourceWatcher(Environment environment) {
        EngineSettings.apply(environment);
        return new DataSourceWatcher(AgentDetection.agentAttached());
    }

    @Bean
    @ConditionalOnMissingBean(TaskDecorator.class)
    ScopePropagatingTaskDecorator nplusoneTaskDecorator() {
        return new ScopePropagatingTaskDecorator();
    }

    /** One scope per MVC request; the agent opens its own when it is attached. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.servlet.HandlerMapping")
    static class RequestScopes {
        @Bean
        RequestScopeFilter nplusoneRequestScopeFilter() {
            return new RequestScopeFilter(!AgentDetection.agentAttached());
        }
    }

    /**
     * {@code /actuator/nplusone} and its HTML view {@code /actuator/nplusone/html}, once exposed like any endpoint
     * ({@code management.endpoints.web.exposure.include}); until then nothing collects scopes for them.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.springframework.boot.actuate.endpoint.annotation.Endpoint",
            "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint"})
    @ConditionalOnAvailableEndpoint(endpoint = NPlusOneEndpoint.class)
    static class Actuator {
        @Bean
        FindingsSinceStart nplusoneFindingsSinceStart() {
            return new FindingsSinceStart(FindingsSinceStart.DEFAULT_CAPACITY);
        }

        @Bean
        ReportPageSinceStart nplusoneReportPageSinceStart() {
            return new ReportPageSinceStart();
        }

        @Bean
        NPlusOneEndpoint nplusoneEndpoint(FindingsSinceStart findings, ReportPageSinceStart page) {
            return new NPlusOneEndpoint(findings, page);
        }
    }
}
