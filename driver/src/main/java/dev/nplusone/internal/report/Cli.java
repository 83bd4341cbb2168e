package dev.nplusone.internal.report;

import dev.nplusone.internal.config.Config;
import dev.nplusone.internal.config.ReportSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code java -jar nplusone-agent.jar report|check|baseline ...}: the HTML and SARIF reports, the CI gate and a new
 * baseline from the JSON Lines of any number of JVMs or CI shards, read as a stream. Exit codes: 0 fine, 1 the check
 * failed, 2 bad usage or unreadable input.
 */
public final class Cli {
    static final String USAGE = """
            usage: java -jar nplusone-agent.jar report [--html FILE] [--sarif FILE] [--baseline FILE] FILE.jsonl...
                   java -jar nplusone-agent.jar check --baseline FILE [--fail-on new|any|none] FILE.jsonl...
                   java -jar nplusone-agent.jar baseline FILE.jsonl... > baseline.json
            Source roots, call-site links and the default of --fail-on come from -Dnplusone.sourceRoots=...,
            -Dnplusone.sourceUrl=... and -Dnplusone.failOn=...
            """;

    private final PrintStream out;
    private final PrintStream err;

    public Cli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs one command; returns the process's exit code. */
    public int run(String... args) {
        if (args.length == 0) {
            err.print(USAGE);
            return 2;
        }
        try {
            Arguments arguments = Arguments.parse(args);
            return switch (args[0]) {
                case "report" -> report(arguments);
                case "check" -> check(arguments);
                case "baseline" -> baseline(arguments);
                default -> throw new UsageException("unknown command '" + args[0] + "'");
            };
        } catch (UsageException e) {
            err.println("nplusone: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (IOException e) {
            err.println("nplusone: " + e.getMessage());
            return 2;
        }
    }

    private int report(Arguments arguments) throws IOException, UsageException {
        if (arguments.html == null && arguments.sarif == null) {
            throw new UsageException("report needs --html FILE or --sarif FILE");
        }
        ReportAggregate aggregate = read(arguments, new ReportAggregate(), arguments.html != null);
        ReportView view = view(arguments);
        if (arguments.html != null) {
            ReportFiles.replace(arguments.html, HtmlReport.render(aggregate, view));
            out.println("nplusone: HTML report " + arguments.html.toAbsolutePath());
        }
        if (arguments.sarif != null) {
            ReportFiles.replace(arguments.sarif, SarifReport.render(aggregate.findings(), view));
            out.println("nplusone: SARIF report " + arguments.sarif.toAbsolutePath());
        }
        out.println(summary(aggregate, view));
        return 0;
    }

    private int check(Arguments arguments) throws IOException, UsageException {
        if (arguments.baseline == null && arguments.failOn != ReportSettings.FailOn.ANY) {
            throw new UsageException("check needs --baseline FILE (or --fail-on any)");
        }
        ReportAggregate aggregate = read(arguments, ReportAggregate.everyFinding(), false);
        ReportView view = view(arguments);
        int failing = 0;
        for (ReportAggregate.FindingSummary summary : aggregate.findings()) {
            Baseline.Status status = view.status(summary.id());
            boolean fails = switch (arguments.failOn) {
                case NONE -> false;
                case NEW -> status != Baseline.Status.ACCEPTED;
                case ANY -> true;
            };
            if (status != Baseline.Status.ACCEPTED || arguments.failOn == ReportSettings.FailOn.ANY) {
                out.println(status.name() + " " + summary.id() + " " + FindingText.message(summary));
            }
            if (fails) {
                failing++;
            }
        }
        for (Baseline.Entry stale : stale(aggregate, view)) {
            out.println("STALE " + stale.id() + " matches nothing in these files: remove it from the baseline ("
                    + stale.callSite() + ")");
        }
        out.println(summary(aggregate, view));
        if (failing > 0) {
            out.println("nplusone check: FAILED, " + failing + (failing == 1 ? " finding" : " findings")
                    + " not accepted by the baseline (fail on " + arguments.failOn.name().toLowerCase(Locale.ROOT) + ")");
            return 1;
        }
        out.println("nplusone check: passed");
        return 0;
    }

    private int baseline(Arguments arguments) throws IOException, UsageException {
        ReportAggregate aggregate = read(arguments, ReportAggregate.everyFinding(), false);
        out.print(Baseline.write(aggregate.findings(), LocalDate.now()));
        return 0;
    }

    /**
     * Folds the files into {@code aggregate}: the gate and the baseline take one that keeps every finding id (its
     * memory grows with the distinct findings, not the scopes), the report the bounded one the HTML page shows.
     */
    private ReportAggregate read(Arguments arguments, ReportAggregate aggregate, boolean activity)
            throws IOException, UsageException {
        if (arguments.files.isEmpty()) {
            throw new UsageException("no JSON Lines files given");
        }
        JsonLinesReader reader = new JsonLinesReader(activity);
        int[] problems = new int[1];
        for (Path file : arguments.files) {
            try {
                reader.read(file, aggregate::add, problem -> {
                    if (problems[0]++ < 10) {
                        err.println("nplusone: " + problem);
                    }
                });
            } catch (IOException e) {
                throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        if (problems[0] > 10) {
            err.println("nplusone: " + (problems[0] - 10) + " more lines skipped");
        }
        return aggregate;
    }

    private ReportView view(Arguments arguments) throws IOException {
        Baseline baseline = arguments.baseline == null ? Baseline.EMPTY : Baseline.read(arguments.baseline);
        ReportSettings settings = Config.fromSystemProperties(err::println).reports();
        return ReportView.of(settings, baseline, "Report of " + arguments.files.size() + " JSON Lines file"
                + (arguments.files.size() == 1 ? "" : "s") + ": " + names(arguments.files), true);
    }

    private static String names(List<Path> files) {
        List<String> names = new ArrayList<>();
        for (Path file : files) {
            if (names.size() == 5) {
                names.add("...");
                break;
            }
            names.add(String.valueOf(file.getFileName()));
        }
        return String.join(", ", names);
    }

    private static List<Baseline.Entry> stale(ReportAggregate aggregate, ReportView view) {
        Set<String> seen = new HashSet<>();
        for (ReportAggregate.FindingSummary summary : aggregate.findings()) {
            seen.add(summary.id());
        }
        return view.baseline().stale(seen);
    }

    private static String summary(ReportAggregate aggregate, ReportView view) {
        int fresh = 0;
        int accepted = 0;
        int expired = 0;
        for (ReportAggregate.FindingSummary summary : aggregate.findings()) {
            switch (view.status(summary.id())) {
                case NEW -> fresh++;
                case ACCEPTED -> accepted++;
                case EXPIRED -> expired++;
            }
        }
        return "nplusone: " + aggregate.scopes() + " scopes, " + aggregate.statements() + " statements, "
                + aggregate.findings().size() + " findings (" + fresh + " new, " + accepted + " accepted, " + expired
                + " expired), " + stale(aggregate, view).size() + " stale baseline entries"
                + (aggregate.findingsDropped() == 0 ? ""
                : "; " + aggregate.findingsDropped() + " more findings not in this report (run check for all)");
    }

    /** A command line the user got wrong. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** The options and files after the command. */
    private static final class Arguments {
        Path html;
        Path sarif;
        Path baseline;
        /** {@code --fail-on}, else {@code -Dnplusone.failOn}, else new. */
        ReportSettings.FailOn failOn;
        final List<Path> files = new ArrayList<>();

        static Arguments parse(String[] args) throws UsageException {
            Arguments parsed = new Arguments();
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--html" -> parsed.html = path(args, ++i, arg);
                    case "--sarif" -> parsed.sarif = path(args, ++i, arg);
                    case "--baseline" -> parsed.baseline = path(args, ++i, arg);
                    case "--fail-on" -> parsed.failOn = failOn(++i < args.length ? args[i] : null, "--fail-on");
                    default -> {
                        if (arg.startsWith("--")) {
                            throw new UsageException("unknown option " + arg);
                        }
                        parsed.files.add(path(args, i, "file"));
                    }
                }
            }
            if (parsed.failOn == null) {
                String property = System.getProperty("nplusone.failOn");
                parsed.failOn = property == null || property.isBlank() ? ReportSettings.FailOn.NEW
                        : failOn(property, "-Dnplusone.failOn");
            }
            return parsed;
        }

        private static Path path(String[] args, int i, String option) throws UsageException {
            if (i >= args.length) {
                throw new UsageException(option + " needs a file");
            }
            try {
                return Path.of(args[i]);
            } catch (InvalidPathException e) {
                throw new UsageException(option + " '" + args[i] + "' is not a file path");
            }
        }

        /** A gate that is off by a typo would pass every build: a value that is not one is bad usage. */
        private static ReportSettings.FailOn failOn(String value, String option) throws UsageException {
            if (value == null) {
                throw new UsageException(option + " needs none, new or any");
            }
            try {
                return ReportSettings.FailOn.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UsageException(option + " '" + value + "' is not none, new or any");
            }
        }
    }
}
