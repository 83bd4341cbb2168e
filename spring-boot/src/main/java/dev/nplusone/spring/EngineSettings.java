package dev.nplusone.spring;

import dev.nplusone.internal.Engine;
import dev.nplusone.internal.config.Config;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Hands the application's {@code nplusone.*} settings (application.yml, profiles, system properties, everything the
 * Environment holds) to the engine, under the names the system properties use: {@code nplusone.captureValues} or,
 * in Spring's style, {@code nplusone.capture-values}. Bad values are reported by the engine, one line each, and
 * its defaults are used: the context never fails because of them.
 */
final class EngineSettings {
    private static final System.Logger LOG = System.getLogger("dev.nplusone");

    private EngineSettings() {
    }

    static void apply(Environment environment) {
        Consumer<String> errors = message -> LOG.log(System.Logger.Level.ERROR, message + " (from the Spring environment)");
        Engine.get().configure(Config.from(values(environment, errors), errors));
    }

    /**
     * The settings keyed as {@link Config#from} reads them: without the prefix, camelCase. A value Spring cannot
     * resolve (a {@code ${placeholder}} with no value) is one line on {@code errors} and is left out, so the
     * engine's default is used and the context still starts.
     */
    static Map<String, String> values(Environment environment, Consumer<String> errors) {
        Map<String, String> values = new TreeMap<>();
        if (!(environment instanceof ConfigurableEnvironment configurable)) {
            return values;
        }
        for (PropertySource<?> source : configurable.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    if (name.startsWith(Config.PREFIX)) {
                        String value = resolved(environment, name, errors);
                        if (value != null) {
                            values.putIfAbsent(camelCase(name.substring(Config.PREFIX.length())), value);
                        }
                    }
                }
            }
        }
        return values;
    }

    private static String resolved(Environment environment, String name, Consumer<String> errors) {
        try {
            return environment.getProperty(name);
        } catch (RuntimeException unresolvable) {
            errors.accept("nplusone: property " + name + " cannot be resolved (" + unresolvable.getMessage()
                    + "); using its default");
            return null;
        }
    }

    /** {@code capture-values} becomes {@code captureValues}; {@code json.all} stays as it is. */
    static String camelCase(String key) {
        StringBuilder out = new StringBuilder(key.length());
        boolean upper = false;
        for (char c : key.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
