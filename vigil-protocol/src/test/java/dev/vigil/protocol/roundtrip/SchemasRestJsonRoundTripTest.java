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
import software.amazon.awssdk.services.schemas.SchemasClient;
import software.amazon.awssdk.services.schemas.model.BadRequestException;
import software.amazon.awssdk.services.schemas.model.NotFoundException;

/**
 * The EventBridge Schema Registry over restJson1 (SDK v2 2.40.2): every operation, routed by method and URI
 * template — including GetCodeBindingSource's blob payload and the {@code /tags/{resource-arn}} label that carries
 * a whole ARN.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemasRestJsonRoundTripTest {

    final FakeHttpClient http = new FakeHttpClient();
    final List<RoundTrip.Op> ops = RoundTrip.operations(SchemasClient.class);
    final ServiceDescriptor service = RoundTrip.describe(ServiceDescriptor.builder("schemas")
            .protocols(Protocol.REST_JSON_1)
            .apiVersion("2019-12-02")
            .error("BadRequestException", 400)
            .error("NotFoundException", 404),
            "schemas", ops);
    final RoundTrip roundTrip = new RoundTrip(new RestJsonCodec(), service, ops,
            RoundTrip.client(SchemasClient.builder(), http), http, RoundTrip.restOperation(service), new ModelGenerator())
            .checkResponses(RoundTrip.requestIdHeader());

    @TestFactory
    Stream<DynamicNode> everyOperation() {
        assertThat(ops).hasSizeGreaterThanOrEqualTo(31);
        return roundTrip.tests();
    }

    @Test
    void modeledErrorWithItsCode() {
        AwsServiceException e = roundTrip.error("DescribeSchema",
                new AwsException("NotFoundException", 404, "Schema with name 'x' does not exist.")
                        .with("Code", "NotFoundException"));
        assertThat(e).isInstanceOfSatisfying(NotFoundException.class,
                nf -> assertThat(nf.code()).isEqualTo("NotFoundException"));
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Schema with name 'x' does not exist.");
        assertThat(e.statusCode()).isEqualTo(404);
        assertThat(e.requestId()).isEqualTo(RoundTrip.REQUEST_ID);
    }

    @Test
    void badRequest() {
        AwsServiceException e = roundTrip.error("CreateSchema",
                new AwsException("BadRequestException", 400, "Invalid OpenApi3 schema."));
        assertThat(e).isInstanceOf(BadRequestException.class);
        assertThat(e.statusCode()).isEqualTo(400);
    }
}
