package dev.vigil.messaging.sns;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.messaging.Json;
import java.time.Duration;

/**
 * The http/https retry schedule of an SNS delivery policy ({@code healthyRetryPolicy}): immediate retries,
 * retries at the minimum delay, a backoff phase between minimum and maximum (linear, arithmetic, geometric or
 * exponential), then retries at the maximum delay. AWS's default: 3 retries, 20 seconds apart. Immutable.
 */
record DeliveryPolicy(int minDelay, int maxDelay, int numRetries, int numNoDelayRetries, int numMinDelayRetries,
                      int numMaxDelayRetries, String backoffFunction) {

    static final DeliveryPolicy DEFAULT = new DeliveryPolicy(20, 20, 3, 0, 0, 0, "linear");
    static final String EFFECTIVE_DEFAULT = "{\"http\":{\"defaultHealthyRetryPolicy\":{\"minDelayTarget\":20,"
            + "\"maxDelayTarget\":20,\"numRetries\":3,\"numMaxDelayRetries\":0,\"numNoDelayRetries\":0,"
            + "\"numMinDelayRetries\":0,\"backoffFunction\":\"linear\"},\"disableSubscriptionOverrides\":false,"
            + "\"defaultRequestPolicy\":{\"headerContentType\":\"text/plain; charset=UTF-8\"}}}";

    /** The policy of a subscription's or topic's DeliveryPolicy JSON; the default where none is given. */
    static DeliveryPolicy of(String subscriptionPolicy, String topicPolicy) {
        JsonNode sub = Json.tryParse(subscriptionPolicy);
        if (sub != null && sub.has("healthyRetryPolicy")) return from(sub.get("healthyRetryPolicy"));
        JsonNode topic = Json.tryParse(topicPolicy);
        if (topic != null && topic.path("http").has("defaultHealthyRetryPolicy")) {
            return from(topic.path("http").get("defaultHealthyRetryPolicy"));
        }
        return DEFAULT;
    }

    private static DeliveryPolicy from(JsonNode p) {
        return new DeliveryPolicy(p.path("minDelayTarget").asInt(20), p.path("maxDelayTarget").asInt(20),
                p.path("numRetries").asInt(3), p.path("numNoDelayRetries").asInt(0), p.path("numMinDelayRetries").asInt(0),
                p.path("numMaxDelayRetries").asInt(0), p.path("backoffFunction").asText("linear"));
    }

    /** The delay before retry {@code n} (1-based), or null when retries are spent. */
    Duration delayBefore(int n) {
        if (n > numRetries) return null;
        if (n <= numNoDelayRetries) return Duration.ZERO;
        if (n <= numNoDelayRetries + numMinDelayRetries) return Duration.ofSeconds(minDelay);
        int backoff = numRetries - numNoDelayRetries - numMinDelayRetries - numMaxDelayRetries;
        int i = n - numNoDelayRetries - numMinDelayRetries; // 1..backoff within the backoff phase
        if (i > backoff || backoff <= 1) return Duration.ofSeconds(i > backoff ? maxDelay : minDelay);
        double f = (double) (i - 1) / (backoff - 1);
        double span = maxDelay - minDelay;
        double d = switch (backoffFunction) {
            case "arithmetic" -> minDelay + span * f * f;
            case "geometric" -> minDelay + span * Math.pow(f, 3);
            case "exponential" -> minDelay * Math.pow(Math.max(1.0, (double) maxDelay / Math.max(1, minDelay)), f);
            default -> minDelay + span * f;
        };
        return Duration.ofMillis(Math.round(d * 1000));
    }
}
