package dev.nplusone.internal.report;

import dev.nplusone.internal.Failures;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A {@link ReportAggregate} fed from the threads that close scopes without making them wait: a closing scope only
 * puts its result in a bounded queue (when it is full the scope is counted as missed), and a daemon thread folds the
 * queue into the aggregate every {@link #FOLD_MILLIS}, sooner when the queue fills up. A reader folds what is queued
 * before it reads, so it sees every scope closed before it asked.
 */
public final class LiveAggregate {
    static final int QUEUE_CAPACITY = 4_096;
    static final long FOLD_MILLIS = 100;

    private final BlockingQueue<ClosedScope> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicLong missed = new AtomicLong();
    private final ReportAggregate aggregate = new ReportAggregate(); // guarded by this
    private final Consumer<ReportAggregate> afterFold;
    private final Thread folder;
    private boolean stopped; // guarded by this

    private LiveAggregate(String threadName, Consumer<ReportAggregate> afterFold) {
        this.afterFold = afterFold;
        if (threadName == null) {
            folder = null;
        } else {
            folder = new Thread(this::foldWhileRunning, threadName);
            folder.setDaemon(true);
            folder.start();
        }
    }

    /**
     * Folded by a daemon thread of this name, which hands the aggregate to {@code afterFold} after each fold (under
     * the aggregate's lock, as {@link #read} does) until {@link #stop()}.
     */
    public static LiveAggregate folding(String threadName, Consumer<ReportAggregate> afterFold) {
        return new LiveAggregate(threadName, afterFold);
    }

    /** Folded only by {@link #read} (for tests). */
    static LiveAggregate withoutFolder() {
        return new LiveAggregate(null, aggregate -> { });
    }

    /** Hands a closed scope over without waiting. */
    public void offer(ClosedScope scope) {
        if (!queue.offer(scope)) {
            missed.incrementAndGet();
        } else if (folder != null && queue.remainingCapacity() < QUEUE_CAPACITY / 2) {
            LockSupport.unpark(folder);
        }
    }

    /** Folds what is queued, then reads the aggregate; the folding thread waits meanwhile, closing scopes never. */
    public synchronized <T> T read(Function<ReportAggregate, T> reader) {
        fold();
        return reader.apply(aggregate);
    }

    /**
     * Ends the folding thread (an application context that closes, reports configured anew); what is queued stays
     * readable. Once this returns, {@code afterFold} never runs again. The thread is not interrupted: an interrupt
     * would break a file write it is in the middle of.
     */
    public void stop() {
        synchronized (this) {
            stopped = true;
        }
        if (folder != null) {
            LockSupport.unpark(folder);
        }
    }

    private void foldWhileRunning() {
        while (true) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(FOLD_MILLIS));
            try {
                synchronized (this) {
                    if (stopped) {
                        return;
                    }
                    fold();
                    afterFold.accept(aggregate);
                }
            } catch (Throwable t) {
                Failures.record("live report " + Thread.currentThread().getName(), t);
            }
        }
    }

    private void fold() {
        ClosedScope scope;
        while ((scope = queue.poll()) != null) {
            aggregate.add(scope);
        }
        long lost = missed.getAndSet(0);
        if (lost > 0) {
            aggregate.missed(lost);
        }
    }
}
