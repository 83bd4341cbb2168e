package dev.nplusone.support;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what nplusone logs through System.Logger (java.util.logging underneath, by default). */
public final class CapturedLog extends Handler implements AutoCloseable {
    private final Logger logger = Logger.getLogger("dev.nplusone");
    private final List<String> messages = new ArrayList<>();

    public CapturedLog() {
        logger.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        messages.add(record.getMessage());
    }

    public synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    public String text() {
        return String.join("\n", messages());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
