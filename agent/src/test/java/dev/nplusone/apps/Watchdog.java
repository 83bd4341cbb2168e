package dev.nplusone.apps;

/** Test programs end by themselves even if the test that started them is gone. */
final class Watchdog {
    private Watchdog() {
    }

    /** After {@code seconds}, or the {@code watchdog.seconds} system property's value for long measurement runs. */
    static void exitAfterSeconds(int defaultSeconds) {
        int seconds = Integer.getInteger("watchdog.seconds", defaultSeconds);
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(seconds * 1000L);
                System.err.println("watchdog: still running after " + seconds + " s, exiting");
                System.exit(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
