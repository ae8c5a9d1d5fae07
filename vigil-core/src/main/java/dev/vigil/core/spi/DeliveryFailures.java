package dev.vigil.core.spi;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deliveries that could not be made (target service missing or refusing), newest last, bounded.
 * Thread-safe.
 */
public final class DeliveryFailures {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryFailures.class);
    private static final int LIMIT = 1000;

    public record Failure(Instant at, String source, String target, String reason) {}

    private final Clock clock;
    private final Deque<Failure> recent = new ArrayDeque<>();

    public DeliveryFailures(Clock clock) { this.clock = clock; }

    public void record(String source, String target, String reason) {
        Failure f = new Failure(clock.instant(), source, target, reason);
        LOG.warn("delivery failed: {} -> {}: {}", source, target, reason);
        synchronized (recent) {
            recent.addLast(f);
            if (recent.size() > LIMIT) recent.removeFirst();
        }
    }

    public List<Failure> recent() {
        synchronized (recent) { return new ArrayList<>(recent); }
    }
}
