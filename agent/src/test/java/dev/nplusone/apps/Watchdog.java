package dev.nplusone.apps;

/** Test programs end by themselves even if the test that started them is gone. */
final class Watchdog {
    private Watchdog() {
    }

    static void exitAfterSeconds(int seconds) {
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
