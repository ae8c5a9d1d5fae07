package dev.vigil.core.spi;

import java.time.Instant;
import java.util.List;

/** Puts an event on an account's EventBridge bus (alarm state changes, audited calls): owned by EventBridge. */
public interface EventPublisher {
    void publish(String accountId, String region, String source, String detailType, String detailJson,
                 List<String> resources, Instant time);
}
