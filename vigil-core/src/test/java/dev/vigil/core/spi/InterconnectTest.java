package dev.vigil.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.AwsException;
import dev.vigil.core.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A call to a service that is not built yet is a recorded delivery failure, never a crash (DESIGN §5). */
class InterconnectTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T00:00:00Z"));
    final Interconnect ic = new Interconnect(new DeliveryFailures(clock));

    @Test
    void standInsRecordDeliveryFailures() {
        ic.get(MetricSink.class).put("000000000000", "us-east-1", "Vigil/Test", "M", Map.of(), clock.instant(), 1, "None");
        ic.get(EventPublisher.class).publish("000000000000", "us-east-1", "aws.cloudwatch", "CloudWatch Alarm State Change",
                "{}", List.of(), clock.instant());
        assertThatThrownBy(() -> ic.get(MessageSink.class).deliver("events.amazonaws.com", "arn:aws:events:x",
                "arn:aws:sqs:us-east-1:000000000000:q", "m", Map.of()))
                .isInstanceOf(AwsException.class);
        assertThat(ic.failures().recent()).extracting(DeliveryFailures.Failure::target)
                .containsExactly("Vigil/Test/M", "events:000000000000:default", "arn:aws:sqs:us-east-1:000000000000:q");
        assertThat(ic.get(ResourcePolicySource.class).policyFor("arn:aws:sqs:us-east-1:000000000000:q")).isEmpty();
        assertThat(ic.get(CredentialStore.class)).isNull();
    }

    @Test
    void resourcePoliciesComeFromTheOwnerOfTheArnNamespace() {
        ic.registerResourcePolicies("sqs", arn -> arn.endsWith(":q") ? Optional.of("{\"Version\":\"2012-10-17\"}")
                : Optional.empty());
        assertThat(ic.resourcePolicy("arn:aws:sqs:us-east-1:000000000000:q")).contains("{\"Version\":\"2012-10-17\"}");
        assertThat(ic.resourcePolicy("arn:aws:sqs:us-east-1:000000000000:other")).isEmpty();
        assertThat(ic.resourcePolicy("arn:aws:sns:us-east-1:000000000000:q")).isEmpty();
        assertThat(ic.resourcePolicy("*")).isEmpty();
        assertThat(ic.resourcePolicy("arn:aws")).isEmpty();
    }

    @Test
    void registeredImplementationWins() {
        MetricSink real = (a, r, ns, n, d, t, v, u) -> { };
        ic.register(MetricSink.class, real);
        assertThat(ic.get(MetricSink.class)).isSameAs(real);
        assertThat(ic.isProvided(MetricSink.class)).isTrue();
        assertThat(ic.isProvided(EventPublisher.class)).isFalse();
    }
}
