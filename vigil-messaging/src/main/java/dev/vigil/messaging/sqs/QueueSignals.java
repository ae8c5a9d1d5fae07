package dev.vigil.messaging.sqs;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Wakes long-polling receivers of a queue when a message arrives on this node. Receivers also re-check the
 * store at least every {@link #RECHECK_MILLIS}, for messages sent through other nodes and delays that end.
 * Thread-safe.
 */
final class QueueSignals {
    static final long RECHECK_MILLIS = 250;

    /** A queue's arrival counter; receivers wait on it. Guarded by its own monitor. */
    private static final class Signal {
        long version;
    }

    private final ConcurrentHashMap<String, Signal> signals = new ConcurrentHashMap<>();

    long version(String queueId) {
        Signal s = signals.computeIfAbsent(queueId, k -> new Signal());
        synchronized (s) {
            return s.version;
        }
    }

    void signal(String queueId) {
        Signal s = signals.get(queueId);
        if (s == null) return;
        synchronized (s) {
            s.version++;
            s.notifyAll();
        }
    }

    /** Waits until a signal after {@code seen}, the recheck interval, or the deadline (System.nanoTime). */
    void await(String queueId, long seen, long deadlineNanos) throws InterruptedException {
        Signal s = signals.computeIfAbsent(queueId, k -> new Signal());
        long until = Math.min(deadlineNanos, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RECHECK_MILLIS));
        synchronized (s) {
            while (s.version == seen) {
                long left = until - System.nanoTime();
                if (left <= 0) return;
                TimeUnit.NANOSECONDS.timedWait(s, left);
            }
        }
    }
}
