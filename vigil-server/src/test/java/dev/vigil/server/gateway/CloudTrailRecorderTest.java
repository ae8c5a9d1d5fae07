package dev.vigil.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.Caller;
import dev.vigil.core.service.OperationDescriptor;
import dev.vigil.core.spi.AuditRecord;
import dev.vigil.core.spi.AuditSink;
import dev.vigil.core.spi.DeliveryFailures;
import dev.vigil.core.spi.Interconnect;
import dev.vigil.protocol.WireRequest;
import dev.vigil.protocol.sigv4.SigV4Scope;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;

/** Which calls become audit records, and what a data event's record carries. */
class CloudTrailRecorderTest {
    private final List<AuditRecord> recorded = new ArrayList<>();
    private boolean selectsDataEvents;
    private final AuditSink sink = new AuditSink() {
        @Override
        public void record(AuditRecord r) { recorded.add(r); }

        @Override
        public boolean wantsDataEvent(String accountId, String region, String eventSource, String eventName) {
            return selectsDataEvents;
        }
    };

    private final PutLogEventsRequest putLogEvents = PutLogEventsRequest.builder().logGroupName("g").logStreamName("s")
            .logEvents(InputLogEvent.builder().timestamp(1L).message("secret payload").build()).build();

    @Test
    void managementEventsCarryTheWholeRequestAndResponse() {
        recorder().record(exchange(op("CreateLogGroup", CreateLogGroupRequest.class, CreateLogGroupResponse.class, false),
                CreateLogGroupRequest.builder().logGroupName("g").build(), CreateLogGroupResponse.builder().build()));
        assertThat(recorded).singleElement().satisfies(r -> {
            assertThat(r.managementEvent()).isTrue();
            assertThat(r.requestParameters()).isEqualTo("{\"logGroupName\":\"g\"}");
        });
    }

    @Test
    void dataEventsAreNotRecordedUnlessSelected() {
        recorder().record(exchange(op("PutLogEvents", PutLogEventsRequest.class, PutLogEventsResponse.class, true),
                putLogEvents, PutLogEventsResponse.builder().nextSequenceToken("t").build()));
        assertThat(recorded).isEmpty();
    }

    @Test
    void aSelectedDataEventNamesItsResourceWithoutThePayload() {
        selectsDataEvents = true;
        recorder().record(exchange(op("PutLogEvents", PutLogEventsRequest.class, PutLogEventsResponse.class, true),
                putLogEvents, PutLogEventsResponse.builder().nextSequenceToken("t").build()));
        assertThat(recorded).singleElement().satisfies(r -> {
            assertThat(r.managementEvent()).isFalse();
            assertThat(r.requestParameters()).isEqualTo("{\"logGroupName\":\"g\",\"logStreamName\":\"s\"}");
            assertThat(r.responseElements()).isNull();
        });
    }

    private CloudTrailRecorder recorder() {
        Interconnect interconnect = new Interconnect(new DeliveryFailures(Clock.systemUTC()));
        interconnect.register(AuditSink.class, sink);
        return new CloudTrailRecorder(interconnect, "us-east-1");
    }

    private static <I extends software.amazon.awssdk.core.SdkPojo, O extends software.amazon.awssdk.core.SdkPojo>
            OperationDescriptor<I, O> op(String name, Class<I> in, Class<O> out, boolean dataEvent) {
        OperationDescriptor.Builder<I, O> b = OperationDescriptor.builder(name, in, out).handler((ctx, r) -> null)
                .iamAction("logs:" + name);
        return (dataEvent ? b.dataEvent() : b).build();
    }

    private static Exchange exchange(OperationDescriptor<?, ?> op, software.amazon.awssdk.core.SdkPojo input,
                                     software.amazon.awssdk.core.SdkPojo output) {
        Exchange x = new Exchange(new WireRequest("POST", "/", null, Map.of(), new byte[0], "127.0.0.1"), "req-1",
                Instant.parse("2026-11-30T00:00:00Z"));
        x.caller = Caller.root("000000000000", "test");
        x.scope = new SigV4Scope("test", "us-east-1", "logs");
        x.operation = op;
        x.operationName = op.name();
        x.input = input;
        x.output = output;
        return x;
    }
}
