package dev.vigil.protocol.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.AwsException;
import dev.vigil.core.service.Protocol;
import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.protocol.WireRequest;
import dev.vigil.protocol.json.AwsJsonCodec;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;

/** SQS over awsJson1_0 with awsQueryCompatible: every operation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqsJsonRoundTripTest {
    static final String TARGET_PREFIX = "AmazonSQS";

    final FakeHttpClient http = new FakeHttpClient();
    final List<RoundTrip.Op> ops = RoundTrip.operations(SqsClient.class);
    final ServiceDescriptor service = RoundTrip.describe(ServiceDescriptor.builder("sqs")
            .protocols(Protocol.AWS_JSON_1_0, Protocol.AWS_QUERY)
            .jsonTargetPrefix(TARGET_PREFIX)
            .xmlNamespace("http://queue.amazonaws.com/doc/2012-11-05/")
            .apiVersion("2012-11-05")
            .errorNamespace("com.amazonaws.sqs")
            .queryCompatible()
            .error("QueueDoesNotExist", 400, "AWS.SimpleQueueService.NonExistentQueue")
            .error("QueueNameExists", 400, "QueueAlreadyExists"),
            "sqs", ops);
    final RoundTrip roundTrip = new RoundTrip(new AwsJsonCodec(Protocol.AWS_JSON_1_0), service, ops,
            // the SDK checks the MD5 digests of message bodies it receives; generated responses carry arbitrary ones
            RoundTrip.client(SqsClient.builder().checksumValidationEnabled(false), http), http,
            SqsJsonRoundTripTest::operation, new ModelGenerator())
            .checkResponses(RoundTrip.headers("application/x-amz-json-1.0"));

    static String operation(WireRequest w) {
        assertThat(w.header("x-amzn-query-mode")).isEqualTo("true");
        return RoundTrip.jsonOperation("application/x-amz-json-1.0", TARGET_PREFIX).apply(w);
    }

    @TestFactory
    Stream<DynamicNode> everyOperation() {
        assertThat(ops).hasSizeGreaterThan(20);
        return roundTrip.tests();
    }

    @Test
    void queryCompatibleErrorThrownByQueryCode() {
        AwsServiceException e = roundTrip.error("GetQueueUrl", new AwsException(
                "AWS.SimpleQueueService.NonExistentQueue", 400, "The specified queue does not exist."));
        assertThat(e).isInstanceOf(QueueDoesNotExistException.class);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The specified queue does not exist.");
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.requestId()).isEqualTo(RoundTrip.REQUEST_ID);
    }

    @Test
    void queryCompatibleErrorThrownByShapeName() {
        AwsServiceException e = roundTrip.error("CreateQueue",
                new AwsException("QueueNameExists", 400, "A queue already exists with the same name & attributes"));
        assertThat(e).isInstanceOf(QueueNameExistsException.class);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("A queue already exists with the same name & attributes");
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("QueueAlreadyExists");
    }
}
