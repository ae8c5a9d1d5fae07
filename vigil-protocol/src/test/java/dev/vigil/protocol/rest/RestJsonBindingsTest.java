package dev.vigil.protocol.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.AwsException;
import dev.vigil.core.service.OperationDescriptor;
import dev.vigil.core.service.Protocol;
import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.protocol.WireRequest;
import dev.vigil.protocol.WireResponse;
import dev.vigil.protocol.rest.fake.model.Config;
import dev.vigil.protocol.rest.fake.model.GetObjectRequest;
import dev.vigil.protocol.rest.fake.model.GetObjectResponse;
import dev.vigil.protocol.rest.fake.model.GetWidgetRequest;
import dev.vigil.protocol.rest.fake.model.GetWidgetResponse;
import dev.vigil.protocol.rest.fake.model.Part;
import dev.vigil.protocol.rest.fake.model.PutConfigRequest;
import dev.vigil.protocol.rest.fake.model.PutConfigResponse;
import dev.vigil.protocol.rest.fake.model.PutMetaRequest;
import dev.vigil.protocol.rest.fake.model.PutMetaResponse;
import dev.vigil.protocol.rest.fake.model.PutNoteRequest;
import dev.vigil.protocol.rest.fake.model.PutNoteResponse;
import dev.vigil.protocol.rest.fake.model.PutObjectRequest;
import dev.vigil.protocol.rest.fake.model.PutObjectResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ClientEndpointProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.client.config.SdkClientConfiguration;
import software.amazon.awssdk.core.client.config.SdkClientOption;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.protocols.core.OperationInfo;
import software.amazon.awssdk.protocols.json.AwsJsonProtocol;
import software.amazon.awssdk.protocols.json.AwsJsonProtocolFactory;
import software.amazon.awssdk.protocols.json.JsonOperationMetadata;

/**
 * The HTTP bindings RAM does not use (labels, greedy labels, literal query, query maps, headers of every
 * type, explicit payloads, status codes), marshalled and unmarshalled by the SDK's own restJson1
 * protocol factory over hand-written model classes ({@code fake.model}).
 */
class RestJsonBindingsTest {
    static final Instant T = Instant.parse("2024-05-06T07:08:09Z");
    static final ServiceDescriptor FAKE = ServiceDescriptor.builder("fake").protocols(Protocol.REST_JSON_1)
            .operation(op("GetWidget", GetWidgetRequest.class, GetWidgetResponse.class))
            .operation(op("GetObject", GetObjectRequest.class, GetObjectResponse.class))
            .operation(op("PutObject", PutObjectRequest.class, PutObjectResponse.class))
            .operation(op("PutConfig", PutConfigRequest.class, PutConfigResponse.class))
            .operation(op("PutNote", PutNoteRequest.class, PutNoteResponse.class))
            .operation(op("PutMeta", PutMetaRequest.class, PutMetaResponse.class))
            .build();

    private final AwsJsonProtocolFactory sdk = AwsJsonProtocolFactory.builder()
            .clientConfiguration(SdkClientConfiguration.builder()
                    .option(SdkClientOption.CLIENT_ENDPOINT_PROVIDER,
                            ClientEndpointProvider.forEndpointOverride(URI.create("http://localhost:4566")))
                    .build())
            .protocol(AwsJsonProtocol.REST_JSON).protocolVersion("1.1")
            .build();
    private final RestJsonCodec codec = new RestJsonCodec();

    static <I extends SdkPojo, O extends SdkPojo> OperationDescriptor<I, O> op(String name, Class<I> in, Class<O> out) {
        return OperationDescriptor.builder(name, in, out).handler((ctx, r) -> null).iamAction("fake:" + name).build();
    }

    @Test
    void labelsQueryAndHeadersOfEveryScalarType() {
        GetWidgetRequest request = GetWidgetRequest.builder()
                .set("WidgetName", "my widget/ä%+").set("PartId", 42)
                .set("MaxResults", 10).set("Kinds", List.of("a b", "c,d", "e&f=g")).set("Since", T.plusMillis(250))
                .set("Verbose", false).set("Ratio", 0.25)
                .set("ClientTag", "tag \"quoted\"").set("Limit", 9_000_000_000L).set("At", T)
                // The SDK does not quote list items, so an item with a comma could not survive; Vigil reads quotes.
                .set("Ids", List.of("id-1", "id;2", "id 3")).set("Dates", List.of(T, T.plusSeconds(60)))
                .set("Flag", true).set("Policy", "{\"Version\": \"2012-10-17\"}").set("Epoch", T.plusMillis(500))
                .build();
        GetWidgetResponse response = GetWidgetResponse.builder()
                .set("Status", 202).set("ETag", "\"abc\"").set("Modified", T).set("Count", 3)
                .set("Name", "w").set("Size", 12L).set("Created", T.plusMillis(123)).set("Ratio", Double.NaN)
                .set("Attributes", Map.of("color", "red", "shape", "round"))
                .set("Parts", List.of(Part.builder().set("Name", "p1").set("Size", 1L).set("Created", T)
                        .set("Tags", List.of("x", "y")).build(), Part.builder().set("Name", "p2").build()))
                .build();

        WireRequest wire = roundTrip("GetWidget", request, response, GetWidgetResponse::builder, true);

        assertThat(wire.method()).isEqualTo("GET");
        assertThat(wire.rawPath()).isEqualTo("/v1/widgets/my%20widget%2F%C3%A4%25%2B/parts/42");
        assertThat(wire.header("x-amz-at")).isEqualTo("Mon, 06 May 2024 07:08:09 GMT");
    }

    @Test
    void greedyLabelKeepsSlashesAndBlobPayloadIsRaw() {
        GetObjectRequest request = GetObjectRequest.builder()
                .set("Bucket", "b1").set("Key", "dir one/sub/file+name.txt").set("Range", "bytes=0-9").build();
        GetObjectResponse response = GetObjectResponse.builder()
                .set("Body", SdkBytes.fromByteArray(new byte[] {0, 1, 2, (byte) 0xff})).set("ContentType", "image/png")
                .build();

        WireRequest wire = roundTrip("GetObject", request, response, GetObjectResponse::builder, false);

        assertThat(wire.rawPath()).isEqualTo("/buckets/b1/objects/dir%20one/sub/file%2Bname.txt");
        WireResponse out = codec.writeResponse(response, FAKE, FAKE.operation("GetObject"), "r");
        assertThat(out.headers()).containsEntry("Content-Type", "image/png");
        assertThat(out.body()).containsExactly(0, 1, 2, 0xff);
    }

    @Test
    void blobRequestPayloadAndHeaderOnlyResponse() {
        PutObjectRequest request = PutObjectRequest.builder().set("Bucket", "b").set("Key", "k")
                .set("Body", SdkBytes.fromUtf8String("raw {not json}")).set("ContentType", "text/csv").build();
        PutObjectResponse response = PutObjectResponse.builder().set("ETag", "e1").build();

        roundTrip("PutObject", request, response, PutObjectResponse::builder, false);

        WireResponse out = codec.writeResponse(response, FAKE, FAKE.operation("PutObject"), "r");
        assertThat(out.body()).isEmpty();
        assertThat(out.headers()).containsEntry("ETag", "e1").containsEntry("x-amzn-RequestId", "r");
    }

    @Test
    void structurePayloadLiteralQueryAndQueryMap() {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("opt", List.of("1", "2"));
        options.put("other key", List.of("v&w"));
        PutConfigRequest request = PutConfigRequest.builder().set("Name", "cfg")
                .set("Config", Config.builder().set("Enabled", true).set("Threshold", 2.5)
                        .set("Labels", Map.of("a", "b")).set("Updated", T.plusMillis(7))
                        .set("Extra", Document.mapBuilder().putString("s", "t").putNumber("n", 1).build()).build())
                .set("Options", options).build();
        PutConfigResponse response = PutConfigResponse.builder().set("Text", "plain text ✓").set("Version", 5L).build();

        WireRequest wire = roundTrip("PutConfig", request, response, PutConfigResponse::builder, false);

        assertThat(wire.rawQuery()).contains("mode=full");
        WireResponse out = codec.writeResponse(response, FAKE, FAKE.operation("PutConfig"), "r");
        assertThat(out.headers()).containsEntry("Content-Type", "text/plain");
        assertThat(new String(out.body(), StandardCharsets.UTF_8)).isEqualTo("plain text ✓");
    }

    @Test
    void textPayloadAndStatusCodeMember() {
        PutNoteRequest request = PutNoteRequest.builder().set("Id", "n-1").set("Text", "hello, {world}").build();
        PutNoteResponse response = PutNoteResponse.builder().set("Status", 201).set("NoteId", "n-1")
                .set("Created", T.plusMillis(5)).build();

        roundTrip("PutNote", request, response, PutNoteResponse::builder, true);

        WireResponse out = codec.writeResponse(response, FAKE, FAKE.operation("PutNote"), "r");
        assertThat(out.status()).isEqualTo(201);
        assertThat(new String(out.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"NoteId\":\"n-1\",\"Created\":\"2024-05-06T07:08:09.005Z\"}");
    }

    @Test
    void prefixHeadersAndListHeadersWithoutTheSdk() {
        // The SDK's JSON marshaller has no prefix-header support, so this one is driven by hand.
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("x-amz-meta-color", List.of("red"));
        headers.put("x-amz-meta-size", List.of("L"));
        headers.put("x-amz-tags", List.of("a, \"b,c\"", "d"));
        headers.put("x-amz-dates", List.of("Mon, 06 May 2024 07:08:09 GMT, Tue, 07 May 2024 07:08:09 GMT"));
        WireRequest wire = new WireRequest("POST", "/meta", null, headers, new byte[0], "127.0.0.1");

        SdkPojo parsed = codec.readRequest(wire, FAKE, FAKE.operation("PutMeta"));

        assertThat(parsed).isEqualTo(PutMetaRequest.builder()
                .set("Meta", Map.of("color", "red", "size", "L"))
                .set("Tags", List.of("a", "b,c", "d"))
                .set("Dates", List.of(T, T.plusSeconds(86400))).build());

        WireResponse out = codec.writeResponse(PutMetaResponse.builder().set("Meta", Map.of("owner", "me"))
                .set("Tags", List.of("a", "b,c")).set("Dates", List.of(T, T)).build(), FAKE, FAKE.operation("PutMeta"), "r");
        assertThat(out.headers()).containsEntry("x-amz-meta-owner", "me")
                .containsEntry("x-amz-tags", "a, \"b,c\"")
                .containsEntry("x-amz-dates", "Mon, 06 May 2024 07:08:09 GMT, Mon, 06 May 2024 07:08:09 GMT");
        assertThat(out.body()).isEmpty();
    }

    @Test
    void timestampListInTheQuery() {
        // The SDK cannot send a list of timestamps in the query (its marshaller loses the member), so by hand.
        WireRequest wire = get("/v1/widgets/w/parts/1", "day=2024-05-06T07%3A08%3A09Z&day=2024-05-07T07:08:09.000Z", Map.of());

        SdkPojo parsed = codec.readRequest(wire, FAKE, FAKE.operation("GetWidget"));

        assertThat(((GetWidgetRequest) parsed).get("Days")).isEqualTo(List.of(T, T.plusSeconds(86400)));
    }

    @Test
    void unparsableScalarsAreSerializationExceptions() {
        assertSerializationError(get("/v1/widgets/w/parts/forty-two", null, Map.of()));
        assertSerializationError(get("/v1/widgets/w/parts/1", "maxResults=ten", Map.of()));
        assertSerializationError(get("/v1/widgets/w/parts/1", "since=yesterday", Map.of()));
        assertSerializationError(get("/v1/widgets/w/parts/1", null, Map.of("x-amz-flag", List.of("yes"))));
        assertSerializationError(get("/v1/widgets/w/parts/1", "ratio=0x1p3", Map.of()));
        WireRequest badJson = new WireRequest("PUT", "/configs/c", "mode=full", Map.of(),
                "[1,".getBytes(StandardCharsets.UTF_8), "127.0.0.1");
        assertSerializationError(badJson);
    }

    private void assertSerializationError(WireRequest wire) {
        OperationDescriptor<?, ?> op = FAKE.operation(RestRoutes.forService(FAKE)
                .match(wire.method(), wire.rawPath(), wire.rawQuery()).operation());
        assertThatThrownBy(() -> codec.readRequest(wire, FAKE, op))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("SerializationException");
                    assertThat(e.status()).isEqualTo(400);
                });
    }

    private static WireRequest get(String path, String query, Map<String, List<String>> headers) {
        return new WireRequest("GET", path, query, headers, new byte[0], "127.0.0.1");
    }

    /**
     * The SDK marshals {@code request}; Vigil routes and parses it; Vigil writes {@code response}; the SDK
     * unmarshals it. Both sides must come out equal. Returns what went over the wire.
     */
    private WireRequest roundTrip(String operation, SdkPojo request, SdkPojo response, Supplier<SdkPojo> responseBuilder,
                                  boolean jsonPayload) {
        SdkHttpFullRequest http = sdk.createProtocolMarshaller(binding(operation)).marshall(request);
        WireRequest wire = FakeHttpClient.toWire(http, Optional.ofNullable(http.contentStreamProvider().orElse(null)));

        RestRoutes.Match match = RestRoutes.forService(FAKE).match(wire.method(), wire.rawPath(), wire.rawQuery());
        assertThat(match).isNotNull();
        assertThat(match.operation()).isEqualTo(operation);
        SdkPojo parsed = codec.readRequest(wire, FAKE, FAKE.operation(operation));
        assertThat(parsed).isEqualTo(request);

        WireResponse out = codec.writeResponse(response, FAKE, FAKE.operation(operation), "req-1");
        assertThat(out.headers()).containsEntry("x-amzn-RequestId", "req-1");
        try {
            SdkPojo back = sdk.<SdkPojo>createResponseHandler(JsonOperationMetadata.builder()
                            .hasStreamingSuccessResponse(false).isPayloadJson(jsonPayload).build(), responseBuilder)
                    .handle(FakeHttpClient.toSdk(out), new ExecutionAttributes());
            assertThat(back).isEqualTo(response);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return wire;
    }

    private static OperationInfo binding(String operation) {
        try {
            return (OperationInfo) Class.forName("dev.vigil.protocol.rest.fake.transform." + operation + "RequestMarshaller")
                    .getMethod("binding").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
