package dev.vigil.messaging.sns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Retry schedules of SNS delivery policies (AWS's "Amazon SNS message delivery retries" examples). */
class DeliveryPolicyTest {

    @Test
    void awsDefaultIsThreeRetriesTwentySecondsApart() {
        DeliveryPolicy p = DeliveryPolicy.of(null, null);
        assertThat(p.delayBefore(1)).isEqualTo(Duration.ofSeconds(20));
        assertThat(p.delayBefore(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(p.delayBefore(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(p.delayBefore(4)).isNull();
    }

    @Test
    void phasesOfACustomPolicy() {
        String policy = "{\"healthyRetryPolicy\":{\"minDelayTarget\":1,\"maxDelayTarget\":60,\"numRetries\":50,"
                + "\"numNoDelayRetries\":3,\"numMinDelayRetries\":2,\"numMaxDelayRetries\":35,\"backoffFunction\":\"linear\"}}";
        DeliveryPolicy p = DeliveryPolicy.of(policy, null);
        assertThat(p.delayBefore(1)).isZero();
        assertThat(p.delayBefore(3)).isZero();
        assertThat(p.delayBefore(4)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.delayBefore(5)).isEqualTo(Duration.ofSeconds(1));
        // Backoff phase: 10 retries from 1 s to 60 s, linear.
        assertThat(p.delayBefore(6)).isEqualTo(Duration.ofSeconds(1));
        assertThat(p.delayBefore(15)).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.delayBefore(10).toMillis()).isBetween(20_000L, 30_000L);
        assertThat(p.delayBefore(16)).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.delayBefore(50)).isEqualTo(Duration.ofSeconds(60));
        assertThat(p.delayBefore(51)).isNull();
    }

    @Test
    void topicPolicyAppliesWhenTheSubscriptionHasNone() {
        String topic = "{\"http\":{\"defaultHealthyRetryPolicy\":{\"minDelayTarget\":5,\"maxDelayTarget\":5,\"numRetries\":1}}}";
        DeliveryPolicy p = DeliveryPolicy.of(null, topic);
        assertThat(p.delayBefore(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(p.delayBefore(2)).isNull();
    }
}
