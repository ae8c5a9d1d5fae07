package dev.vigil.messaging.sns;

import java.time.Instant;
import java.util.Map;

/**
 * A subscription: confirmed, or pending with the token ConfirmSubscription redeems. Attributes are the
 * settable ones (RawMessageDelivery, FilterPolicy, FilterPolicyScope, DeliveryPolicy, RedrivePolicy, ...).
 * Immutable.
 */
public record Subscription(String arn, String topicArn, String accountId, String region, String protocol,
                           String endpoint, boolean confirmed, String token, Map<String, String> attributes,
                           Instant createdAt) {
    public Subscription {
        attributes = Map.copyOf(attributes);
    }

    public boolean raw() { return "true".equals(attributes.get("RawMessageDelivery")); }

    Subscription withAttributes(Map<String, String> next) {
        return new Subscription(arn, topicArn, accountId, region, protocol, endpoint, confirmed, token, next, createdAt);
    }

    Subscription confirmedNow() {
        return new Subscription(arn, topicArn, accountId, region, protocol, endpoint, true, token, attributes, createdAt);
    }
}
