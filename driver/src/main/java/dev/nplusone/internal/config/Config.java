package dev.nplusone.internal.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The configuration contract, as an immutable snapshot. Read from system properties ({@code nplusone.*}) or
 * from agent arguments ({@code key=value,key=value} without the prefix). A bad value never fails the
 * application: it produces one line naming the property and the default is used.
 */
public record Config(boolean enabled, int threshold, boolean log, Path json, boolean captureValues,
                     Pattern ignore, List<String> applicationPackages, ReportSettings reports, boolean otel) {
    public static final String PREFIX = "nplusone.";
    public static final int DEFAULT_THRESHOLD = 3;
    public static final Config DEFAULTS = new Config(true, DEFAULT_THRESHOLD, true, null, false, null);

    /**
     * @param applicationPackages package prefixes whose first frame is the call site; empty: every frame
     *                            that is not a known framework's
     * @param otel                {@code nplusone.otel}: true for {@code auto} (findings go to the application's
     *                            OpenTelemetry when it has one), false for {@code off}
     */
    public Config {
        applicationPackages = List.copyOf(applicationPackages);
        reports = reports == null ? ReportSettings.NONE : reports;
    }

    public Config(boolean enabled, int threshold, boolean log, Path json, boolean captureValues, Pattern ignore) {
        this(enabled, threshold, log, json, captureValues, ignore, List.of());
    }

    public Config(boolean enabled, int threshold, boolean log, Path json, boolean captureValues, Pattern ignore,
                  List<String> applicationPackages) {
        this(enabled, threshold, log, json, captureValues, ignore, applicationPackages, ReportSettings.NONE, true);
    }

    /** Reads the {@code nplusone.*} system properties; problems go to {@code errors}, one line each. */
    public static Config fromSystemProperties(Consumer<String> errors) {
        return from(systemPropertyValues(), errors);
    }

    /** The {@code nplusone.*} system properties, keyed without the prefix (for {@link #from}). */
    public static Map<String, String> systemPropertyValues() {
        Map<String, String> values = new HashMap<>();
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith(PREFIX)) {
                values.put(name.substring(PREFIX.length()), System.getProperty(name));
            }
        }
        return values;
    }

    /**
     * Parses agent arguments such as {@code threshold=2,json=/tmp/n1.jsonl}: {@code key=value} pairs separated by
     * commas, keys with or without the {@code nplusone.} prefix. A value that holds commas is put in double quotes
     * ({@code applicationPackages="com.acme,org.acme"}), or each of its commas and double quotes gets a backslash
     * ({@code json=/tmp/a\,b.jsonl}, {@code ignore=\"audit\"}); any other backslash is kept as written, so Windows
     * paths need none. A pair without {@code =}, or with a double quote that is not closed, is reported and ignored.
     */
    public static Map<String, String> parseAgentArguments(String arguments, Consumer<String> errors) {
        Map<String, String> values = new HashMap<>();
        if (arguments == null || arguments.isBlank()) {
            return values;
        }
        StringBuilder text = new StringBuilder();
        int separator = -1;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i <= arguments.length(); i++) {
            char c = i < arguments.length() ? arguments.charAt(i) : ',';
            if (i == arguments.length() || c == ',' && !quoted) {
                String written = arguments.substring(start, i).trim();
                if (quoted) {
                    errors.accept("nplusone: agent argument '" + written + "' has a double quote that is not closed;"
                            + " ignored");
                } else if (separator <= 0 || text.substring(0, separator).isBlank()) {
                    if (!written.isEmpty()) {
                        errors.accept("nplusone: agent argument '" + written + "' is not key=value; ignored");
                    }
                } else {
                    String key = text.substring(0, separator).trim();
                    values.put(key.startsWith(PREFIX) ? key.substring(PREFIX.length()) : key,
                            text.substring(separator + 1).trim());
                }
                text.setLength(0);
                separator = -1;
                start = i + 1;
            } else if (c == '\\' && i + 1 < arguments.length() && ESCAPED.indexOf(arguments.charAt(i + 1)) >= 0) {
                text.append(arguments.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
            } else {
                if (c == '=' && !quoted && separator < 0) {
                    separator = text.length();
                }
                text.append(c);
            }
        }
        return values;
    }

    /** What a backslash in agent arguments takes literally. */
    private static final String ESCAPED = ",\"";

    /** Builds a configuration from un-prefixed keys; unknown keys and bad values are reported, not thrown. */
    public static Config from(Map<String, String> values, Consumer<String> errors) {
        Parser parser = new Parser(values, errors);
        Config config = new Config(
                parser.bool("enabled", DEFAULTS.enabled),
                parser.threshold(),
                parser.bool("log", DEFAULTS.log),
                parser.path("json"),
                parser.bool("captureValues", DEFAULTS.captureValues),
                parser.pattern("ignore"),
                parser.packages("applicationPackages"),
                parser.reports(),
                parser.otel());
        parser.reportUnknown();
        return config;
    }

    public Config withThreshold(int newThreshold) {
        return new Config(enabled, newThreshold, log, json, captureValues, ignore, applicationPackages, reports, otel);
    }

    private static final class Parser {
        private static final Pattern PACKAGE_NAME = Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
                + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");
        private final Map<String, String> values;
        private final Consumer<String> errors;
        /** Every key the parser reads, in reading order: an unknown key's message names them. */
        private final Set<String> known = new LinkedHashSet<>();

        Parser(Map<String, String> values, Consumer<String> errors) {
            this.values = values;
            this.errors = errors;
        }

        private String raw(String key) {
            known.add(key);
            String value = values.get(key);
            return value == null ? null : value.trim();
        }

        boolean bool(String key, boolean defaultValue) {
            String value = raw(key);
            if (value == null || value.isEmpty()) {
                return defaultValue;
            }
            switch (value.toLowerCase(Locale.ROOT)) {
                case "true":
                    return true;
                case "false":
                    return false;
                default:
                    bad(key, value, "is not true or false", String.valueOf(defaultValue));
                    return defaultValue;
            }
        }

        int threshold() {
            String value = raw("threshold");
            if (value == null || value.isEmpty()) {
                return DEFAULT_THRESHOLD;
            }
            try {
                int threshold = Integer.parseInt(value);
                if (threshold >= 2) {
                    return threshold;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            bad("threshold", value, "is not a whole number of at least 2", String.valueOf(DEFAULT_THRESHOLD));
            return DEFAULT_THRESHOLD;
        }

        Path path(String key) {
            String value = raw(key);
            if (value == null || value.isEmpty()) {
                return null;
            }
            try {
                return Path.of(value);
            } catch (InvalidPathException e) {
                bad(key, value, "is not a valid file path", "no " + key + " report");
                return null;
            }
        }

        /** The properties of "reports for people and CI". */
        ReportSettings reports() {
            ReportSettings none = ReportSettings.NONE;
            return new ReportSettings(path("html"), path("sarif"), path("baseline"), sourceRoots(),
                    sourceUrl(), bool("json.all", none.jsonAll()), failOn());
        }

        private List<String> sourceRoots() {
            String value = raw("sourceRoots");
            if (value == null || value.isEmpty()) {
                return ReportSettings.DEFAULT_SOURCE_ROOTS;
            }
            List<String> roots = new ArrayList<>();
            for (String root : value.split(",")) {
                String trimmed = root.trim().replace('\\', '/');
                if (!trimmed.isEmpty()) {
                    roots.add(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
                }
            }
            return roots.isEmpty() ? ReportSettings.DEFAULT_SOURCE_ROOTS : roots;
        }

        private String sourceUrl() {
            String value = raw("sourceUrl");
            if (value == null || value.isEmpty()) {
                return null;
            }
            if (!value.contains("{path}")) {
                bad("sourceUrl", value, "has no {path} placeholder", "call sites as plain text");
                return null;
            }
            return value;
        }

        private ReportSettings.FailOn failOn() {
            String value = raw("failOn");
            if (value == null || value.isEmpty()) {
                return ReportSettings.FailOn.NONE;
            }
            try {
                return ReportSettings.FailOn.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                bad("failOn", value, "is not none, new or any", "none");
                return ReportSettings.FailOn.NONE;
            }
        }

        Pattern pattern(String key) {
            String value = raw(key);
            if (value == null || value.isEmpty()) {
                return null;
            }
            try {
                return Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                bad(key, value, "is not a valid regular expression (" + e.getDescription() + ")", "nothing ignored");
                return null;
            }
        }

        /** {@code nplusone.otel}: {@code auto} (export when the application has OpenTelemetry) or {@code off}. */
        boolean otel() {
            String value = raw("otel");
            if (value == null || value.isEmpty()) {
                return true;
            }
            switch (value.toLowerCase(Locale.ROOT)) {
                case "auto":
                    return true;
                case "off":
                    return false;
                default:
                    bad("otel", value, "is not auto or off", "auto");
                    return true;
            }
        }

        /** Comma-separated Java package names, each kept with a trailing dot so it matches whole segments. */
        List<String> packages(String key) {
            String value = raw(key);
            if (value == null || value.isEmpty()) {
                return List.of();
            }
            List<String> packages = new ArrayList<>();
            for (String name : value.split(",")) {
                String trimmed = name.trim();
                if (!PACKAGE_NAME.matcher(trimmed).matches()) {
                    bad(key, value, "is not a comma-separated list of package names ('" + trimmed + "')",
                            "the built-in list of framework packages");
                    return List.of();
                }
                packages.add(trimmed + ".");
            }
            return packages;
        }

        void reportUnknown() {
            for (String key : values.keySet()) {
                if (!known.contains(key)) {
                    errors.accept("nplusone: unknown property " + PREFIX + key + " is ignored (known: "
                            + String.join(", ", known) + ")");
                }
            }
        }

        private void bad(String key, String value, String problem, String fallback) {
            errors.accept("nplusone: property " + PREFIX + key + "='" + value + "' " + problem + "; using "
                    + fallback);
        }
    }
}
