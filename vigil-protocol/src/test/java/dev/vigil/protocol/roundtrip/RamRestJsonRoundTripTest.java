package dev.vigil.protocol.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.AwsException;
import dev.vigil.core.service.Protocol;
import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.protocol.rest.RestJsonCodec;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ram.RamClient;
import software.amazon.awssdk.services.ram.model.ServerInternalException;
import software.amazon.awssdk.services.ram.model.UnknownResourceException;

/** AWS RAM over restJson1 (SDK v2 2.40.2): every operation, routed by method and URI template. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RamRestJsonRoundTripTest {

    final FakeHttpClient http = new FakeHttpClient();
    final List<RoundTrip.Op> ops = RoundTrip.operations(RamClient.class);
    final ServiceDescriptor service = RoundTrip.describe(ServiceDescriptor.builder("ram")
            .protocols(Protocol.REST_JSON_1)
            .apiVersion("2018-01-04")
            .error("UnknownResourceException", 400)
            .error("ServerInternalException", 500),
            "ram", ops);
    final RoundTrip roundTrip = new RoundTrip(new RestJsonCodec(), service, ops,
            RoundTrip.client(RamClient.builder(), http), http, RoundTrip.restOperation(service), new ModelGenerator())
            .checkResponses(RoundTrip.requestIdHeader());

    @TestFactory
    Stream<DynamicNode> everyOperation() {
        assertThat(ops).hasSizeGreaterThan(30);
        return roundTrip.tests();
    }

    @Test
    void modeledError() {
        AwsServiceException e = roundTrip.error("GetResourceShares",
                new AwsException("UnknownResourceException", 400, "The resource arn:aws:ram:x & <y> was not found."));
        assertThat(e).isInstanceOf(UnknownResourceException.class);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The resource arn:aws:ram:x & <y> was not found.");
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownResourceException");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.requestId()).isEqualTo(RoundTrip.REQUEST_ID);
    }

    @Test
    void modeledServerError() {
        AwsServiceException e = roundTrip.error("DeleteResourceShare",
                new AwsException("ServerInternalException", 500, "internal"));
        assertThat(e).isInstanceOf(ServerInternalException.class);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServerInternalException");
        assertThat(e.statusCode()).isEqualTo(500);
    }
}
