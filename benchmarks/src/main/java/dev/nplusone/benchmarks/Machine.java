package dev.nplusone.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One line naming the JDK and the machine the figures came from. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        Runtime runtime = Runtime.getRuntime();
        return String.format(java.util.Locale.ROOT, "JDK %s (%s %s), %s %s %s, %d CPUs%s, %.1f GB RAM",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                System.getProperty("java.vm.version"), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"), runtime.availableProcessors(),
                cpuModel(), physicalMemory() / 1e9) + loadAverage();
    }

    /** Other processes' load, which a shared machine's figures depend on: 1, 5 and 15 minute averages. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return "; load average at report time " + fields[0] + " / " + fields[1] + " / " + fields[2]
                    + " (1 / 5 / 15 min)";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (String line : lines) {
                if (line.startsWith("model name")) {
                    return " (" + line.substring(line.indexOf(':') + 1).trim() + ")";
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the model is left out
        }
        return "";
    }

    private static double physicalMemory() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Double.NaN;
    }
}
