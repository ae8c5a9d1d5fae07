package dev.vigil.protocol.json;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.AwsException;
import dev.vigil.core.service.OperationDescriptor;
import dev.vigil.core.service.Protocol;
import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.protocol.ProtocolCodec;
import dev.vigil.protocol.WireRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse;

/** A body that is not the protocol's document is a 400 SerializationException, never a crash. */
class MalformedBodyTest {
    static final OperationDescriptor<PutMetricDataRequest, PutMetricDataResponse> OP =
            OperationDescriptor.builder("PutMetricData", PutMetricDataRequest.class, PutMetricDataResponse.class)
                    .handler((c, r) -> PutMetricDataResponse.builder().build()).iamAction("cloudwatch:PutMetricData").build();
    static final ServiceDescriptor CW = ServiceDescriptor.builder("monitoring")
            .protocols(Protocol.RPC_V2_CBOR, Protocol.AWS_JSON_1_0).operation(OP).build();

    private static void refused(ProtocolCodec codec, byte[] body) {
        WireRequest r = new WireRequest("POST", "/", null, Map.of("content-type", List.of("application/cbor")), body, "127.0.0.1");
        assertThatThrownBy(() -> codec.readRequest(r, CW, OP))
                .isInstanceOf(AwsException.class)
                .satisfies(e -> {
                    org.assertj.core.api.Assertions.assertThat(((AwsException) e).code()).isEqualTo("SerializationException");
                    org.assertj.core.api.Assertions.assertThat(((AwsException) e).status()).isEqualTo(400);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"ff", "a1", "bf6149", "9f01", "a1694e616d65737061636501", "a1694e616d657370616365a0"})
    void garbageCbor(String hex) {
        refused(new CborCodec(), java.util.HexFormat.of().parseHex(hex));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[1,2]", "{\"Namespace\": 5}", "{\"MetricData\": {}}", "{\"MetricData\": [{\"Value\": \"x\"}]}", "nul"})
    void garbageJson(String body) {
        refused(new AwsJsonCodec(Protocol.AWS_JSON_1_0), body.getBytes(StandardCharsets.UTF_8));
    }
}
