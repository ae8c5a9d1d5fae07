package dev.vigil.protocol.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.AwsException;
import dev.vigil.core.service.Protocol;
import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.protocol.json.AwsJsonCodec;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;

/** EventBridge over awsJson1_1: every operation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventBridgeJsonRoundTripTest {
    static final String TARGET_PREFIX = "AWSEvents";

    final FakeHttpClient http = new FakeHttpClient();
    final List<RoundTrip.Op> ops = RoundTrip.operations(EventBridgeClient.class);
    final ServiceDescriptor service = RoundTrip.describe(ServiceDescriptor.builder("events")
            .protocols(Protocol.AWS_JSON_1_1)
            .jsonTargetPrefix(TARGET_PREFIX)
            .apiVersion("2015-10-07")
            .error("ResourceNotFoundException", 400),
            "events", ops);
    final RoundTrip roundTrip = new RoundTrip(new AwsJsonCodec(Protocol.AWS_JSON_1_1), service, ops,
            RoundTrip.client(EventBridgeClient.builder(), http), http,
            RoundTrip.jsonOperation("application/x-amz-json-1.1", TARGET_PREFIX),
            new ModelGenerator().withoutMembers("EndpointId"))
            .edgeRequestValues(new ModelGenerator(ModelGenerator.Mode.RICH, ModelGenerator.Profile.EDGE)
                    .withoutMembers("EndpointId"))
            .checkResponses(RoundTrip.headers("application/x-amz-json-1.1"));

    @TestFactory
    Stream<DynamicNode> everyOperation() {
        assertThat(ops).hasSizeGreaterThan(40);
        return roundTrip.tests();
    }

    @Test
    void modeledError() {
        AwsServiceException e = roundTrip.error("DescribeRule",
                new AwsException("ResourceNotFoundException", 400, "Rule r does not exist on EventBus default."));
        assertThat(e).isInstanceOf(ResourceNotFoundException.class);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rule r does not exist on EventBus default.");
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.requestId()).isEqualTo(RoundTrip.REQUEST_ID);
    }
}
