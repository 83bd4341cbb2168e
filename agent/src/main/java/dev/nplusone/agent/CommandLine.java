package dev.nplusone.agent;

import dev.nplusone.internal.report.Cli;

/**
 * {@code java -jar nplusone-agent.jar report|check|baseline ...}: the agent jar is also the command line that turns
 * JSON Lines into the HTML and SARIF reports and gates a CI build on a baseline (see {@link Cli}).
 */
public final class CommandLine {
    private CommandLine() {
    }

    public static void main(String[] args) {
        System.exit(new Cli(System.out, System.err).run(args));
    }
}
