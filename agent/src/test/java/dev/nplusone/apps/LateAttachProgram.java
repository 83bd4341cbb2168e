package dev.nplusone.apps;

import com.sun.tools.attach.VirtualMachine;
import dev.nplusone.scenarios.BlogPages;
import dev.nplusone.scenarios.SeedDatabase;
import javax.sql.DataSource;

/**
 * An application the agent is attached to while it runs ({@code Agent-Class}): it loads the authors page
 * once, attaches {@code args[0]} with arguments {@code args[1]} to itself, then loads the page twice more.
 * Needs {@code -Djdk.attach.allowAttachSelf=true}.
 */
public final class LateAttachProgram {
    private LateAttachProgram() {
    }

    public static void main(String[] args) throws Exception {
        Watchdog.exitAfterSeconds(60);
        DataSource dataSource = JdbcProgram.open("hikari", SeedDatabase.create()).dataSource();
        BlogPages.authorsInLoop(dataSource);
        VirtualMachine self = VirtualMachine.attach(Long.toString(ProcessHandle.current().pid()));
        try {
            self.loadAgent(args[0], args[1]);
        } finally {
            self.detach();
        }
        BlogPages.authorsInLoop(dataSource);
        BlogPages.authorsInLoop(dataSource);
    }
}
