package dev.vigil.protocol.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.AwsException;
import dev.vigil.core.service.Protocol;
import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.protocol.query.QueryCodec;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/** IAM over awsQuery: every operation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IamQueryRoundTripTest {
    static final String API_VERSION = "2010-05-08";

    final FakeHttpClient http = new FakeHttpClient();
    final List<RoundTrip.Op> ops = RoundTrip.operations(IamClient.class);
    final ServiceDescriptor service = RoundTrip.describe(ServiceDescriptor.builder("iam")
            .protocols(Protocol.AWS_QUERY)
            .xmlNamespace("https://iam.amazonaws.com/doc/2010-05-08/")
            .apiVersion(API_VERSION)
            .global()
            .error("NoSuchEntityException", 404, "NoSuchEntity"),
            "iam", ops);
    final RoundTrip roundTrip = new RoundTrip(new QueryCodec(), service, ops,
            RoundTrip.client(IamClient.builder().region(software.amazon.awssdk.regions.Region.AWS_GLOBAL), http), http,
            RoundTrip.queryOperation(API_VERSION), new ModelGenerator())
            // the awsQuery marshaller sends nothing for an empty map (an empty list is "Name="): not carried
            .edgeRequestValues(new ModelGenerator(ModelGenerator.Mode.RICH, ModelGenerator.Profile.EDGE).withoutEmptyMaps())
            .checkResponses(RoundTrip.queryEnvelope("https://iam.amazonaws.com/doc/2010-05-08/"));

    @TestFactory
    Stream<DynamicNode> everyOperation() {
        assertThat(ops).hasSizeGreaterThan(170);
        return roundTrip.tests();
    }

    @Test
    void modeledError() {
        AwsServiceException e = roundTrip.error("GetRole",
                new AwsException("NoSuchEntity", 404, "The role with name r-1 & <x> cannot be found."));
        assertThat(e).isInstanceOf(NoSuchEntityException.class);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The role with name r-1 & <x> cannot be found.");
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
        assertThat(e.statusCode()).isEqualTo(404);
        assertThat(e.requestId()).isEqualTo(RoundTrip.REQUEST_ID);
    }

    @Test
    void modeledErrorThrownByShapeName() {
        AwsServiceException e = roundTrip.error("GetUser",
                new AwsException("NoSuchEntityException", 404, "The user with name u cannot be found."));
        assertThat(e).isInstanceOf(NoSuchEntityException.class);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
    }
}
