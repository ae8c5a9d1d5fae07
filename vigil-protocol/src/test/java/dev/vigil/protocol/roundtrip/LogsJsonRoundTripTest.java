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
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/** CloudWatch Logs over awsJson1_1: every operation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogsJsonRoundTripTest {
    static final String TARGET_PREFIX = "Logs_20140328";

    final FakeHttpClient http = new FakeHttpClient();
    final List<RoundTrip.Op> ops = RoundTrip.operations(CloudWatchLogsClient.class);
    final ServiceDescriptor service = RoundTrip.describe(ServiceDescriptor.builder("logs")
            .protocols(Protocol.AWS_JSON_1_1)
            .jsonTargetPrefix(TARGET_PREFIX)
            .apiVersion("2014-03-28")
            .error("ResourceNotFoundException", 400),
            "logs", ops);
    final RoundTrip roundTrip = new RoundTrip(new AwsJsonCodec(Protocol.AWS_JSON_1_1), service, ops,
            RoundTrip.client(CloudWatchLogsClient.builder(), http), http,
            RoundTrip.jsonOperation("application/x-amz-json-1.1", TARGET_PREFIX),
            new ModelGenerator())
            .checkResponses(RoundTrip.headers("application/x-amz-json-1.1"))
            .coveredElsewhere("StartLiveTail"); // LogsEventStreamRoundTripTest

    @TestFactory
    Stream<DynamicNode> everyOperation() {
        assertThat(ops).hasSizeGreaterThan(100);
        return roundTrip.tests();
    }

    @Test
    void modeledError() {
        AwsServiceException e = roundTrip.error("DescribeLogStreams",
                new AwsException("ResourceNotFoundException", 400, "The specified log group does not exist."));
        assertThat(e).isInstanceOf(ResourceNotFoundException.class);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified log group does not exist.");
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.requestId()).isEqualTo(RoundTrip.REQUEST_ID);
    }
}
