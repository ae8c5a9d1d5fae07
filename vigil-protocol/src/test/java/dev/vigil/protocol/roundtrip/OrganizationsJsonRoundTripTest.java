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
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AccountNotFoundException;

/** Organizations over awsJson1_1 (SDK v2 2.40.2, the newest model served here): every operation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganizationsJsonRoundTripTest {
    static final String TARGET_PREFIX = "AWSOrganizationsV20161128";

    final FakeHttpClient http = new FakeHttpClient();
    final List<RoundTrip.Op> ops = RoundTrip.operations(OrganizationsClient.class);
    final ServiceDescriptor service = RoundTrip.describe(ServiceDescriptor.builder("organizations")
            .protocols(Protocol.AWS_JSON_1_1)
            .jsonTargetPrefix(TARGET_PREFIX)
            .apiVersion("2016-11-28")
            .error("AccountNotFoundException", 400),
            "organizations", ops);
    final RoundTrip roundTrip = new RoundTrip(new AwsJsonCodec(Protocol.AWS_JSON_1_1), service, ops,
            RoundTrip.client(OrganizationsClient.builder(), http), http,
            RoundTrip.jsonOperation("application/x-amz-json-1.1", TARGET_PREFIX),
            new ModelGenerator())
            .checkResponses(RoundTrip.headers("application/x-amz-json-1.1"));

    @TestFactory
    Stream<DynamicNode> everyOperation() {
        assertThat(ops).hasSizeGreaterThan(60);
        return roundTrip.tests();
    }

    @Test
    void modeledError() {
        AwsServiceException e = roundTrip.error("DescribeAccount",
                new AwsException("AccountNotFoundException", 400, "You specified an account that doesn't exist."));
        assertThat(e).isInstanceOf(AccountNotFoundException.class);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("You specified an account that doesn't exist.");
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccountNotFoundException");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.requestId()).isEqualTo(RoundTrip.REQUEST_ID);
    }
}
