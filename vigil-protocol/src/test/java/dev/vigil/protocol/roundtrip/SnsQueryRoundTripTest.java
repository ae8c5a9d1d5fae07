package dev.vigil.protocol.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.AwsException;
import dev.vigil.core.service.Protocol;
import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.protocol.query.QueryCodec;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;

/** SNS over awsQuery: every operation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnsQueryRoundTripTest {
    static final String API_VERSION = "2010-03-31";

    final FakeHttpClient http = new FakeHttpClient();
    final List<RoundTrip.Op> ops = RoundTrip.operations(SnsClient.class);
    final ServiceDescriptor service = RoundTrip.describe(ServiceDescriptor.builder("sns")
            .protocols(Protocol.AWS_QUERY)
            .xmlNamespace("http://sns.amazonaws.com/doc/2010-03-31/")
            .apiVersion(API_VERSION)
            .error("NotFoundException", 404, "NotFound"),
            "sns", ops);
    final RoundTrip roundTrip = new RoundTrip(new QueryCodec(), service, ops,
            RoundTrip.client(SnsClient.builder(), http), http, RoundTrip.queryOperation(API_VERSION), new ModelGenerator())
            // the awsQuery marshaller sends nothing for an empty map (an empty list is "Name="): not carried
            .edgeRequestValues(new ModelGenerator(ModelGenerator.Mode.RICH, ModelGenerator.Profile.EDGE).withoutEmptyMaps())
            .checkResponses(RoundTrip.queryEnvelope("http://sns.amazonaws.com/doc/2010-03-31/"));

    @TestFactory
    Stream<DynamicNode> everyOperation() {
        assertThat(ops).hasSizeGreaterThan(40);
        return roundTrip.tests();
    }

    @Test
    void modeledError() {
        AwsServiceException e = roundTrip.error("GetTopicAttributes",
                new AwsException("NotFound", 404, "Topic does not exist & <x>."));
        assertThat(e).isInstanceOf(NotFoundException.class);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Topic does not exist & <x>.");
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotFound");
        assertThat(e.statusCode()).isEqualTo(404);
        assertThat(e.requestId()).isEqualTo(RoundTrip.REQUEST_ID);
    }
}
