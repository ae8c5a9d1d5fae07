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
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.IdpRejectedClaimException;
import software.amazon.awssdk.services.sts.model.MalformedPolicyDocumentException;

/** STS over awsQuery: every operation (the unsigned ones too; signing is not the codec's concern). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StsQueryRoundTripTest {
    static final String API_VERSION = "2011-06-15";

    final FakeHttpClient http = new FakeHttpClient();
    final List<RoundTrip.Op> ops = RoundTrip.operations(StsClient.class);
    final ServiceDescriptor service = RoundTrip.describe(ServiceDescriptor.builder("sts")
            .protocols(Protocol.AWS_QUERY)
            .xmlNamespace("https://sts.amazonaws.com/doc/2011-06-15/")
            .apiVersion(API_VERSION)
            .error("MalformedPolicyDocumentException", 400, "MalformedPolicyDocument")
            .error("IDPRejectedClaimException", 403, "IDPRejectedClaim"),
            "sts", ops);
    final RoundTrip roundTrip = new RoundTrip(new QueryCodec(), service, ops,
            RoundTrip.client(StsClient.builder(), http), http, RoundTrip.queryOperation(API_VERSION), new ModelGenerator())
            // the awsQuery marshaller sends nothing for an empty map (an empty list is "Name="): not carried
            .edgeRequestValues(new ModelGenerator(ModelGenerator.Mode.RICH, ModelGenerator.Profile.EDGE).withoutEmptyMaps())
            .checkResponses(RoundTrip.queryEnvelope("https://sts.amazonaws.com/doc/2011-06-15/"));

    @TestFactory
    Stream<DynamicNode> everyOperation() {
        assertThat(ops).hasSizeGreaterThan(8);
        return roundTrip.tests();
    }

    @Test
    void modeledError() {
        AwsServiceException e = roundTrip.error("AssumeRole",
                new AwsException("MalformedPolicyDocument", 400, "Syntax errors in policy: \"Statement\" & <x>."));
        assertThat(e).isInstanceOf(MalformedPolicyDocumentException.class);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Syntax errors in policy: \"Statement\" & <x>.");
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicyDocument");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.requestId()).isEqualTo(RoundTrip.REQUEST_ID);
    }

    @Test
    void modeledErrorThrownByShapeName() {
        AwsServiceException e = roundTrip.error("AssumeRoleWithWebIdentity",
                new AwsException("IDPRejectedClaimException", 403, "Incorrect token audience"));
        assertThat(e).isInstanceOf(IdpRejectedClaimException.class);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("IDPRejectedClaim");
        assertThat(e.statusCode()).isEqualTo(403);
    }
}
