package dev.vigil.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.MutableClock;
import dev.vigil.core.spi.DeliveryFailures;
import dev.vigil.core.spi.EventPublisher;
import dev.vigil.core.spi.Interconnect;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Write management events become "AWS API Call via CloudTrail" events; reads and data events do not. */
class ApiCallEventsTest {
    record Published(String account, String region, String source, String detailType, String detail) {}

    final Instant now = Instant.parse("2026-11-30T00:00:00Z");
    final Interconnect interconnect = new Interconnect(new DeliveryFailures(new MutableClock(now)));
    final List<Published> published = new ArrayList<>();

    @Test
    void onlyWriteManagementEventsArePublishedWithTheServiceAsSource() {
        interconnect.register(EventPublisher.class, (account, region, source, detailType, detail, resources, time) ->
                published.add(new Published(account, region, source, detailType, detail)));
        new ApiCallEvents(interconnect).accept(List.of(
                row("iam.amazonaws.com", "CreateUser", false, true),
                row("iam.amazonaws.com", "ListUsers", true, true),
                row("logs.amazonaws.com", "PutLogEvents", false, false),
                row("monitoring.amazonaws.com", "PutMetricAlarm", false, true)));
        assertThat(published).extracting(Published::source).containsExactly("aws.iam", "aws.cloudwatch");
        assertThat(published).allSatisfy(p -> {
            assertThat(p.detailType()).isEqualTo("AWS API Call via CloudTrail");
            assertThat(p.account()).isEqualTo("000000000000");
        });
        assertThat(published.get(0).detail()).contains("\"eventName\":\"CreateUser\"");
    }

    @Test
    void withoutEventBridgeNothingIsPublishedAndNoFailureIsRecorded() {
        new ApiCallEvents(interconnect).accept(List.of(row("iam.amazonaws.com", "CreateUser", false, true)));
        assertThat(interconnect.failures().recent()).isEmpty();
    }

    private StoredEvent row(String source, String name, boolean readOnly, boolean management) {
        return new StoredEvent("000000000000", "us-east-1", "id-" + name, now, name, source, "root", "AKIA",
                readOnly, management, List.of(), "{\"eventName\":\"" + name + "\"}");
    }
}
