package dev.nplusone.spring;

import dev.nplusone.NPlusOne;
import java.lang.reflect.Method;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps every DataSource bean with {@link NPlusOne#wrap(DataSource, String)}, named after the bean, once it is
 * initialised (so that pool settings are bound to the pool itself). Leaves alone what is already watched: a
 * DataSource nplusone wrapped before (wrapping is idempotent), one whose URL is {@code jdbc:nplusone:...}, and all
 * of them when the agent runs. Never fails the context: a DataSource that cannot be inspected is wrapped.
 */
final class DataSourceWatcher implements BeanPostProcessor {
    private static final System.Logger LOG = System.getLogger("dev.nplusone");
    private static final String[] URL_GETTERS = {"getJdbcUrl", "getUrl", "getURL"};

    private final boolean agentAttached;

    DataSourceWatcher(boolean agentAttached) {
        this.agentAttached = agentAttached;
        if (agentAttached) {
            LOG.log(System.Logger.Level.INFO, "nplusone: the agent watches this application's connections and"
                    + " requests; the Spring Boot starter leaves them to it");
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof DataSource dataSource) || agentAttached || watchedByUrl(dataSource)) {
            return bean;
        }
        return NPlusOne.wrap(dataSource, beanName);
    }

    /** A pool or driver DataSource configured with a {@code jdbc:nplusone:} URL already hands out watched connections. */
    static boolean watchedByUrl(DataSource dataSource) {
        for (String getter : URL_GETTERS) {
            try {
                Method method = dataSource.getClass().getMethod(getter);
                if (method.getReturnType() == String.class) {
                    Object url = method.invoke(dataSource);
                    return url instanceof String text && text.startsWith("jdbc:nplusone:");
                }
            } catch (NoSuchMethodException notThisOne) {
                // try the next getter name
            } catch (ReflectiveOperationException | RuntimeException | LinkageError unreadable) {
                return false;
            }
        }
        return false;
    }
}
