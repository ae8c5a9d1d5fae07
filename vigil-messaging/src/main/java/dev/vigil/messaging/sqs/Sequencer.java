package dev.vigil.messaging.sqs;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Message order numbers: the send time in microseconds, kept strictly increasing on this node, so order
 * follows acceptance and FIFO SequenceNumbers grow. Thread-safe.
 */
final class Sequencer {
    private final AtomicLong last = new AtomicLong();

    long next(Instant now) {
        long base = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        return last.updateAndGet(prev -> Math.max(prev + 1, base));
    }
}
