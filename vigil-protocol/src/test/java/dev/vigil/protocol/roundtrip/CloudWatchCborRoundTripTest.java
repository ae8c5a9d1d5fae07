package dev.vigil.protocol.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.AwsException;
import dev.vigil.core.service.Protocol;
import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.protocol.WireRequest;
import dev.vigil.protocol.json.CborCodec;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.DashboardNotFoundErrorException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;

/** CloudWatch over smithy rpcv2Cbor (query-compatible), as SDK v2 2.59 speaks it: every operation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudWatchCborRoundTripTest {
    static final String SERVICE_NAME = "GraniteServiceVersion20100801";

    final FakeHttpClient http = new FakeHttpClient();
    final List<RoundTrip.Op> ops = RoundTrip.operations(CloudWatchClient.class);
    final ServiceDescriptor service = RoundTrip.describe(ServiceDescriptor.builder("monitoring")
            .displayName("cloudwatch")
            .protocols(Protocol.AWS_QUERY, Protocol.AWS_JSON_1_0, Protocol.RPC_V2_CBOR)
            .jsonTargetPrefix(SERVICE_NAME)
            .cborServiceName(SERVICE_NAME)
            .xmlNamespace("http://monitoring.amazonaws.com/doc/2010-08-01/")
            .apiVersion("2010-08-01")
            .errorNamespace("com.amazonaws.cloudwatch")
            .queryCompatible()
            .error("DashboardNotFoundError", 404, "ResourceNotFound")
            .error("InvalidParameterValueException", 400, "InvalidParameterValue")
            .error("ResourceNotFoundException", 404),
            "cloudwatch", ops);
    final RoundTrip roundTrip = new RoundTrip(new CborCodec(), service, ops,
            RoundTrip.client(CloudWatchClient.builder(), http), http, CloudWatchCborRoundTripTest::operation,
            new ModelGenerator())
            .checkResponses(RoundTrip.headers("application/cbor", "smithy-protocol", "rpc-v2-cbor"))
            // SDK v2 sends a double with an integral value as a CBOR integer, so -0.0 arrives as 0
            .edgeRequestValues(new ModelGenerator(ModelGenerator.Mode.RICH, ModelGenerator.Profile.EDGE).withoutNegativeZero());

    static String operation(WireRequest w) {
        assertThat(w.method()).isEqualTo("POST");
        assertThat(w.header("smithy-protocol")).isEqualTo("rpc-v2-cbor");
        String prefix = "/service/" + SERVICE_NAME + "/operation/";
        assertThat(w.rawPath()).startsWith(prefix);
        return w.rawPath().substring(prefix.length());
    }

    @TestFactory
    Stream<DynamicNode> everyOperation() {
        assertThat(ops).hasSizeGreaterThan(40);
        return roundTrip.tests();
    }

    @Test
    void modeledErrorByShapeName() {
        AwsServiceException e = roundTrip.error("GetMetricStream",
                new AwsException("ResourceNotFoundException", 404, "Stream s-1 & <x> not found"));
        assertThat(e).isInstanceOf(ResourceNotFoundException.class);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Stream s-1 & <x> not found");
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
        assertThat(e.statusCode()).isEqualTo(404);
        assertThat(e.requestId()).isEqualTo(RoundTrip.REQUEST_ID);
    }

    @Test
    void modeledErrorByQueryCode() {
        AwsServiceException e = roundTrip.error("PutMetricData",
                new AwsException("InvalidParameterValue", 400, "The value NaN for parameter MetricData.member.1.Value is invalid."));
        assertThat(e).isInstanceOf(InvalidParameterValueException.class);
        assertThat(e.getMessage()).startsWith("The value NaN for parameter MetricData.member.1.Value is invalid.");
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(e.statusCode()).isEqualTo(400);
    }

    @Test
    void modeledErrorSharingAQueryCode() {
        AwsServiceException e = roundTrip.error("GetDashboard",
                new AwsException("DashboardNotFoundError", 404, "Dashboard d does not exist"));
        assertThat(e).isInstanceOf(DashboardNotFoundErrorException.class);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Dashboard d does not exist");
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound");
    }
}
