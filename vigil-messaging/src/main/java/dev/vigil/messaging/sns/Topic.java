package dev.vigil.messaging.sns;

import java.time.Instant;
import java.util.Map;

/** A stored topic with its settable attributes (Policy and DisplayName always present). Immutable. */
public record Topic(String arn, String accountId, String region, String name, boolean fifo,
                    Map<String, String> attributes, Instant createdAt) {
    public Topic {
        attributes = Map.copyOf(attributes);
    }

    public String attribute(String name) { return attributes.get(name); }
}
