package dev.vigil.messaging.sqs;

import dev.vigil.core.Arn;
import java.time.Instant;
import java.util.Map;

/**
 * A stored queue: identity, type and its settable attributes (defaults filled in). Immutable.
 *
 * @param purgedAt when PurgeQueue last ran, or null
 */
public record Queue(String queueId, String accountId, String region, String name, boolean fifo,
                    Map<String, String> attributes, Instant createdAt, Instant modifiedAt, Instant purgedAt) {

    public Queue {
        attributes = Map.copyOf(attributes);
    }

    public String arn() { return arn(region, accountId, name); }

    public static String arn(String region, String accountId, String name) {
        return Arn.of("sqs", region, accountId, name).toString();
    }

    public int intAttribute(String name) { return Integer.parseInt(attributes.get(name)); }

    public boolean flag(String name) { return "true".equals(attributes.get(name)); }

    public String attribute(String name) { return attributes.get(name); }
}
