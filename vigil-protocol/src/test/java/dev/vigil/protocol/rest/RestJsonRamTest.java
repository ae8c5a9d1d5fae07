package dev.vigil.protocol.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.AwsException;
import dev.vigil.core.service.OperationDescriptor;
import dev.vigil.core.service.Protocol;
import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.protocol.WireRequest;
import dev.vigil.protocol.WireResponse;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ram.RamClient;
import software.amazon.awssdk.services.ram.model.CreateResourceShareRequest;
import software.amazon.awssdk.services.ram.model.CreateResourceShareResponse;
import software.amazon.awssdk.services.ram.model.DeletePermissionVersionRequest;
import software.amazon.awssdk.services.ram.model.DeletePermissionVersionResponse;
import software.amazon.awssdk.services.ram.model.DeleteResourceShareRequest;
import software.amazon.awssdk.services.ram.model.DeleteResourceShareResponse;
import software.amazon.awssdk.services.ram.model.GetResourceSharesRequest;
import software.amazon.awssdk.services.ram.model.GetResourceSharesResponse;
import software.amazon.awssdk.services.ram.model.PermissionAlreadyExistsException;
import software.amazon.awssdk.services.ram.model.RamException;
import software.amazon.awssdk.services.ram.model.ResourceShare;
import software.amazon.awssdk.services.ram.model.Tag;
import software.amazon.awssdk.services.ram.model.TagFilter;
import software.amazon.awssdk.services.ram.model.ThrottlingException;
import software.amazon.awssdk.services.ram.model.UnknownResourceException;

/** restJson1 through the real RAM SDK v2 client (2.40.2) and an in-process fake HTTP client. */
class RestJsonRamTest {
    static final String MODEL = "software.amazon.awssdk.services.ram.model.";
    static final ServiceDescriptor RAM = ramDescriptor();

    // One client for the class: building a RAM client is the slow part of these tests.
    private static SdkPojo nextResponse;
    private static AwsException nextError;
    private static final RestServer server = new RestServer(RAM, (op, request) -> {
        if (nextError != null) throw nextError;
        return nextResponse;
    });
    private static final FakeHttpClient http = new FakeHttpClient(server);
    private static final RamClient ram = RamClient.builder()
            .httpClient(http)
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .endpointOverride(URI.create("http://localhost:4566"))
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build();

    @BeforeEach
    void reset() {
        nextResponse = null;
        nextError = null;
    }

    @AfterAll
    static void close() { ram.close(); }

    /** Every RAM operation, as the convention finds them: each {@code <Op>Request} with an {@code <Op>Response}. */
    static List<String> operations() {
        try (JarFile jar = new JarFile(new File(RamClient.class.getProtectionDomain().getCodeSource().getLocation().toURI()))) {
            String dir = MODEL.replace('.', '/');
            return jar.stream().map(JarEntry::getName)
                    .filter(n -> n.startsWith(dir) && n.endsWith("Request.class") && n.indexOf('$') < 0)
                    .map(n -> n.substring(dir.length(), n.length() - "Request.class".length()))
                    .filter(op -> !op.equals("Ram") && exists(MODEL + op + "Response"))
                    .sorted().toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean exists(String className) {
        try {
            Class.forName(className);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static ServiceDescriptor ramDescriptor() {
        ServiceDescriptor.Builder b = ServiceDescriptor.builder("ram").protocols(Protocol.REST_JSON_1)
                .errorNamespace("com.amazonaws.ram")
                .error("UnknownResourceException", 400)
                .error("PermissionAlreadyExistsException", 409)
                .error("ThrottlingException", 429);
        for (String op : operations()) {
            try {
                Class req = Class.forName(MODEL + op + "Request");
                Class resp = Class.forName(MODEL + op + "Response");
                b.operation(OperationDescriptor.builder(op, req, resp).handler((ctx, r) -> null).iamAction("ram:" + op).build());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return b.build();
    }

    static Stream<String> allOperations() { return operations().stream(); }

    /** A fully populated request and response of every operation survive the trip both ways. */
    @ParameterizedTest
    @MethodSource("allOperations")
    void everyOperationRoundTrips(String op) throws Exception {
        SdkPojo request = ShapeFiller.filled(Class.forName(MODEL + op + "Request"));
        SdkPojo response = ShapeFiller.filled(Class.forName(MODEL + op + "Response"));
        nextResponse = response;

        Object got = call(op, request);

        assertThat(server.lastOperation).isEqualTo(op);
        assertThat(server.lastRequest).isEqualTo(request);
        assertSameMembers(got, response);
    }

    private Object call(String op, SdkPojo request) throws Exception {
        String method = Character.toLowerCase(op.charAt(0)) + op.substring(1);
        try {
            return RamClient.class.getMethod(method, request.getClass()).invoke(ram, request);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    @Test
    void createResourceShareSendsItsMembersAsAJsonBody() {
        CreateResourceShareRequest request = CreateResourceShareRequest.builder()
                .name("share \"one\"")
                .resourceArns("arn:aws:ec2:us-east-1:000000000000:subnet/subnet-1")
                .principals("111111111111", "arn:aws:organizations::000000000000:ou/o-1/ou-1")
                .tags(Tag.builder().key("team").value("ops").build())
                .allowExternalPrincipals(false)
                .clientToken("token-1")
                .build();
        nextResponse = CreateResourceShareResponse.builder()
                .resourceShare(ResourceShare.builder().name("share \"one\"").status("ACTIVE")
                        .creationTime(Instant.parse("2024-01-02T03:04:05.678Z")).build())
                .clientToken("token-1").build();

        CreateResourceShareResponse response = ram.createResourceShare(request);

        assertThat(http.last.method()).isEqualTo("POST");
        assertThat(http.last.rawPath()).isEqualTo("/createresourceshare");
        assertThat(server.lastRequest).isEqualTo(request);
        assertSameMembers(response, nextResponse);
        assertThat(response.responseMetadata().requestId()).isEqualTo(RestServer.REQUEST_ID);
    }

    @Test
    void deleteResourceShareSendsQueryParameters() {
        DeleteResourceShareRequest request = DeleteResourceShareRequest.builder()
                .resourceShareArn("arn:aws:ram:us-east-1:000000000000:resource-share/a b+c&d=e")
                .clientToken("tok/1").build();
        nextResponse = DeleteResourceShareResponse.builder().returnValue(true).clientToken("tok/1").build();

        DeleteResourceShareResponse response = ram.deleteResourceShare(request);

        assertThat(http.last.method()).isEqualTo("DELETE");
        assertThat(http.last.rawQuery()).contains("resourceShareArn=").doesNotContain(" ");
        assertThat(http.last.body()).isEmpty();
        assertThat(server.lastRequest).isEqualTo(request);
        assertSameMembers(response, nextResponse);
    }

    @Test
    void integerQueryParameterIsConverted() {
        DeletePermissionVersionRequest request = DeletePermissionVersionRequest.builder()
                .permissionArn("arn:aws:ram::000000000000:permission/p").permissionVersion(3).build();
        nextResponse = DeletePermissionVersionResponse.builder().returnValue(true).permissionStatus("DELETING").build();

        assertSameMembers(ram.deletePermissionVersion(request), nextResponse);
        assertThat(((DeletePermissionVersionRequest) server.lastRequest).permissionVersion()).isEqualTo(3);
    }

    @Test
    void listsAndNestedStructuresInTheBody() {
        GetResourceSharesRequest request = GetResourceSharesRequest.builder()
                .resourceOwner("SELF").resourceShareArns("a", "b")
                .tagFilters(TagFilter.builder().tagKey("k").tagValues("v1", "v2").build())
                .maxResults(50).nextToken("n").build();
        nextResponse = GetResourceSharesResponse.builder()
                .resourceShares(ResourceShare.builder().name("s").tags(Tag.builder().key("k").value("v").build()).build())
                .nextToken("next").build();

        assertSameMembers(ram.getResourceShares(request), nextResponse);
        assertThat(server.lastRequest).isEqualTo(request);
    }

    @Test
    void modeledErrorBecomesTheModeledException() {
        nextError = new AwsException("UnknownResourceException", 400, "ResourceShare arn:x could not be found.");

        assertThatThrownBy(() -> ram.getResourceShares(b -> b.resourceOwner("SELF")))
                .isInstanceOfSatisfying(UnknownResourceException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownResourceException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("ResourceShare arn:x could not be found.");
                    assertThat(e.getMessage()).startsWith("ResourceShare arn:x could not be found.");
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.requestId()).isEqualTo(RestServer.REQUEST_ID);
                });
    }

    @Test
    void statusComesFromTheDescriptor() {
        // Thrown as a generic 400; the descriptor says 409.
        nextError = new AwsException("PermissionAlreadyExistsException", 400, "exists");

        assertThatThrownBy(() -> ram.createPermission(b -> b.name("p").resourceType("ec2:subnet").policyTemplate("{}")))
                .isInstanceOfSatisfying(PermissionAlreadyExistsException.class, e -> assertThat(e.statusCode()).isEqualTo(409));

        nextError = new AwsException("ThrottlingException", 400, "Rate exceeded");
        assertThatThrownBy(() -> ram.listPermissions(b -> b.maxResults(1)))
                .isInstanceOfSatisfying(ThrottlingException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(429);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Rate exceeded");
                });
    }

    @Test
    void unmodeledErrorKeepsItsCodeAndStatus() {
        nextError = new AwsException("AccessDeniedException", 403, "User is not authorized");

        assertThatThrownBy(() -> ram.listResourceTypes(b -> b.maxResults(1)))
                .isInstanceOfSatisfying(RamException.class, e -> {
                    assertThat(e).isNotInstanceOf(UnknownResourceException.class);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User is not authorized");
                    assertThat(e.statusCode()).isEqualTo(403);
                });
    }

    @Test
    void errorWireShape() {
        WireResponse r = server.codec.writeError(new AwsException("UnknownResourceException", 404, "gone"), RAM, "rid");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.headers()).containsEntry("x-amzn-ErrorType", "UnknownResourceException")
                .containsEntry("x-amzn-RequestId", "rid").containsEntry("Content-Type", "application/json");
        assertThat(new String(r.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"__type\":\"com.amazonaws.ram#UnknownResourceException\",\"message\":\"gone\"}");
    }

    @Test
    void malformedBodyIsASerializationException() {
        WireRequest bad = post("/createresourceshare", "{\"name\": ");
        assertThatThrownBy(() -> server.codec.readRequest(bad, RAM, RAM.operation("CreateResourceShare")))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("SerializationException");
                    assertThat(e.status()).isEqualTo(400);
                });

        WireRequest wrongType = post("/createresourceshare", "{\"name\": 5}");
        assertThatThrownBy(() -> server.codec.readRequest(wrongType, RAM, RAM.operation("CreateResourceShare")))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("SerializationException"));

        WireResponse answer = server.apply(bad);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.headers()).containsEntry("x-amzn-ErrorType", "SerializationException");
    }

    @Test
    void emptyBodyIsAnEmptyRequest() {
        SdkPojo parsed = server.codec.readRequest(post("/listresourcetypes", ""), RAM, RAM.operation("ListResourceTypes"));
        assertThat(parsed).isEqualTo(software.amazon.awssdk.services.ram.model.ListResourceTypesRequest.builder().build());
    }

    @Test
    void routesEveryOperationByPath() {
        assertThat(RestRoutes.forService(RAM).match("POST", "/createresourceshare", null))
                .isEqualTo(new RestRoutes.Match("CreateResourceShare", Map.of()));
        assertThat(RestRoutes.forService(RAM).match("DELETE", "/deleteresourceshare", "resourceShareArn=x"))
                .extracting(RestRoutes.Match::operation).isEqualTo("DeleteResourceShare");
        assertThat(RestRoutes.forService(RAM).match("GET", "/createresourceshare", null)).isNull();
        assertThat(RestRoutes.forService(RAM)).isSameAs(RestRoutes.forService(RAM));
        assertThat(RestRoutes.forService(RAM).template("CreateResourceShare")).isEqualTo("/createresourceshare");
    }

    /** SDK responses also compare their HTTP metadata in equals(); the members are what the codec owns. */
    static void assertSameMembers(Object actual, SdkPojo expected) {
        assertThat(actual).usingEquals((a, b) -> ((SdkPojo) a).equalsBySdkFields(b)).isEqualTo(expected);
    }

    private static WireRequest post(String path, String body) {
        return new WireRequest("POST", path, null, Map.of("content-type", List.of("application/json")),
                body.getBytes(StandardCharsets.UTF_8), "127.0.0.1");
    }
}
