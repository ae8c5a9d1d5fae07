package dev.vigil.protocol.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.vigil.core.AwsException;
import dev.vigil.core.service.OperationDescriptor;
import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.protocol.ProtocolCodec;
import dev.vigil.protocol.Shapes;
import dev.vigil.protocol.WireRequest;
import dev.vigil.protocol.WireResponse;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.protocols.core.OperationInfo;
import software.amazon.awssdk.regions.Region;

/**
 * The codec round-trip of one service (DESIGN §7): every operation of its SDK v2 model, in both directions,
 * through the real SDK client and {@link FakeHttpClient}.
 * <ul>
 *   <li>request: a fully populated request is marshalled by the client; the captured HTTP request resolves
 *       to the operation and Vigil's codec parses it to an object equal to the original;</li>
 *   <li>response: a fully populated response is serialized by Vigil's codec and the client unmarshals it to
 *       an object whose modelled members equal the original's.</li>
 * </ul>
 * Each direction runs with typical values and with boundary values ({@link ModelGenerator.Profile}). The
 * tests use the service facts of botocore's model metadata (target prefix, namespace, API version).
 * Not thread-safe (one fake HTTP client per service).
 */
final class RoundTrip {
    static final String REQUEST_ID = "3a9b1c6e-5d2f-4e8a-9b7c-0d1e2f3a4b5c";

    /** One operation of a model: its wire name (AWS's spelling), SDK classes and sync client method. */
    record Op(String sdkName, String name, Class<? extends SdkPojo> request, Class<? extends SdkPojo> response,
              Method clientMethod) {
        @Override public String toString() { return name; }
    }

    private final ProtocolCodec codec;
    private final ServiceDescriptor service;
    private final List<Op> ops;
    private final Object client;
    private final FakeHttpClient http;
    private final Function<WireRequest, String> router;
    private final ModelGenerator generator;
    private final ModelGenerator edgeGenerator;
    private ModelGenerator edgeRequestGenerator;
    private BiConsumer<Op, WireResponse> responseCheck = (op, r) -> {};
    private final Set<String> elsewhere = new HashSet<>();

    /**
     * @param router which operation a captured request addresses, read the way Vigil's resolver reads it
     *               (X-Amz-Target, Action=, the rpcv2Cbor path, a REST route)
     */
    RoundTrip(ProtocolCodec codec, ServiceDescriptor service, List<Op> ops, Object client, FakeHttpClient http,
              Function<WireRequest, String> router, ModelGenerator generator) {
        this.codec = codec;
        this.service = service;
        this.ops = ops;
        this.client = client;
        this.http = http;
        this.router = router;
        this.generator = generator;
        this.edgeGenerator = new ModelGenerator(generator.mode(), ModelGenerator.Profile.EDGE);
        this.edgeRequestGenerator = edgeGenerator;
    }

    /**
     * Adds checks of the wire form of Vigil's successful responses that SDK v2 does not make but other
     * clients rely on (botocore finds the awsQuery result by its element name, for one).
     */
    RoundTrip checkResponses(BiConsumer<Op, WireResponse> check) {
        this.responseCheck = check;
        return this;
    }

    /** Content-Type, the request id header and the given further headers on every response. */
    static BiConsumer<Op, WireResponse> headers(String contentType, String... nameValues) {
        return (op, r) -> {
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.headers()).containsEntry("Content-Type", contentType)
                    .containsEntry("x-amzn-RequestId", REQUEST_ID);
            for (int i = 0; i < nameValues.length; i += 2) {
                assertThat(r.headers()).containsEntry(nameValues[i], nameValues[i + 1]);
            }
        };
    }

    /** How a restJson1 request names its operation: the route its method and URI template match. */
    static Function<WireRequest, String> restOperation(ServiceDescriptor service) {
        return w -> {
            dev.vigil.protocol.rest.RestRoutes.Match m = dev.vigil.protocol.rest.RestRoutes.forService(service)
                    .match(w.method(), w.rawPath(), w.rawQuery());
            assertThat(m).as("route of %s %s?%s", w.method(), w.rawPath(), w.rawQuery()).isNotNull();
            return m.operation();
        };
    }

    /** Only the request id header on every response (restJson1 responses' status and type vary by operation). */
    static BiConsumer<Op, WireResponse> requestIdHeader() {
        return (op, r) -> assertThat(r.headers()).containsEntry("x-amzn-RequestId", REQUEST_ID);
    }

    /** The awsQuery envelope: {@code <OpResponse xmlns=ns><OpResult>..</OpResult><ResponseMetadata>}. */
    /** How an awsQuery request names its operation: a form POST to / with Action and the API Version. */
    static Function<WireRequest, String> queryOperation(String apiVersion) {
        return w -> {
            assertThat(w.method()).isEqualTo("POST");
            assertThat(w.rawPath()).isEqualTo("/");
            assertThat(w.mediaType()).isEqualTo("application/x-www-form-urlencoded");
            java.util.Map<String, String> params = dev.vigil.protocol.query.FormParams.of(w);
            assertThat(params).containsEntry("Version", apiVersion);
            return params.get("Action");
        };
    }

    /** How an awsJson request names its operation: a POST to / of the protocol's media type, X-Amz-Target prefix.Op. */
    static Function<WireRequest, String> jsonOperation(String mediaType, String targetPrefix) {
        return w -> {
            assertThat(w.method()).isEqualTo("POST");
            assertThat(w.rawPath()).isEqualTo("/");
            assertThat(w.mediaType()).isEqualTo(mediaType);
            String target = w.header("x-amz-target");
            assertThat(target).startsWith(targetPrefix + ".");
            return target.substring(targetPrefix.length() + 1);
        };
    }

    static BiConsumer<Op, WireResponse> queryEnvelope(String namespace) {
        return headers("text/xml").andThen((op, r) -> {
            String xml = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
            String root = op.name() + "Response";
            assertThat(xml).startsWith("<" + root + " xmlns=\"" + namespace + "\">")
                    .endsWith("<ResponseMetadata><RequestId>" + REQUEST_ID + "</RequestId></ResponseMetadata></"
                            + root + ">");
            if (!Shapes.plan(op.response()).fields().isEmpty()) {
                assertThat(xml).contains("<" + root + " xmlns=\"" + namespace + "\"><" + op.name() + "Result>")
                        .contains("</" + op.name() + "Result><ResponseMetadata>");
            }
        });
    }

    /** Replaces the generator of the edge-value request cases (for what a client cannot send). */
    RoundTrip edgeRequestValues(ModelGenerator g) {
        this.edgeRequestGenerator = g;
        return this;
    }

    // ---------------------------------------------------------------- model discovery

    /**
     * Every operation of the model package next to {@code clientInterface}: each {@code <Op>Request} class
     * with a matching {@code <Op>Response}, with AWS's operation name (from the SDK marshaller's binding,
     * which spells e.g. {@code ListOpenIDConnectProviderTags} where the class says {@code ...OpenIdConnect...})
     * and the sync client method taking the request (null when only the async client has it).
     */
    static List<Op> operations(Class<?> clientInterface) {
        String servicePackage = clientInterface.getPackageName();
        String modelPath = (servicePackage + ".model.").replace('.', '/');
        Set<String> classes = new HashSet<>();
        try (JarFile jar = new JarFile(jarOf(clientInterface))) {
            for (JarEntry e : Collections.list(jar.entries())) {
                String n = e.getName();
                if (n.startsWith(modelPath) && n.endsWith(".class") && n.indexOf('/', modelPath.length()) < 0
                        && n.indexOf('$') < 0) {
                    classes.add(n.substring(modelPath.length(), n.length() - 6));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Op> out = new ArrayList<>();
        for (String c : new TreeSet<>(classes)) {
            if (!c.endsWith("Request")) continue;
            String sdkName = c.substring(0, c.length() - "Request".length());
            if (sdkName.isEmpty() || !classes.contains(sdkName + "Response")) continue;
            Class<? extends SdkPojo> request = load(servicePackage + ".model." + c);
            Class<? extends SdkPojo> response = load(servicePackage + ".model." + sdkName + "Response");
            // the service's abstract base classes (CloudWatchRequest / CloudWatchResponse) are no operation
            if (java.lang.reflect.Modifier.isAbstract(request.getModifiers())) continue;
            out.add(new Op(sdkName, wireName(servicePackage, sdkName), request, response,
                    clientMethod(clientInterface, sdkName, request)));
        }
        return out;
    }

    private static File jarOf(Class<?> c) {
        try {
            return new File(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends SdkPojo> load(String name) {
        try {
            return (Class<? extends SdkPojo>) Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String wireName(String servicePackage, String sdkName) {
        try {
            Class<?> marshaller = Class.forName(servicePackage + ".transform." + sdkName + "RequestMarshaller");
            Field f = marshaller.getDeclaredField("SDK_OPERATION_BINDING");
            f.setAccessible(true);
            OperationInfo info = (OperationInfo) f.get(null);
            String id = info.operationIdentifier();
            if (id != null) return id.substring(id.lastIndexOf('.') + 1);
            String uri = info.requestUri();
            int at = uri == null ? -1 : uri.indexOf("/operation/");
            if (at >= 0) return uri.substring(at + "/operation/".length());
        } catch (ReflectiveOperationException e) {
            // no marshaller (event-stream operations of the async client only): keep the class name
        }
        return sdkName;
    }

    private static Method clientMethod(Class<?> clientInterface, String sdkName, Class<?> request) {
        for (Method m : clientInterface.getMethods()) {
            if (m.getParameterCount() == 1 && m.getParameterTypes()[0] == request
                    && m.getName().equalsIgnoreCase(sdkName)) {
                return m;
            }
        }
        return null;
    }

    /** Registers every operation with a dummy handler and IAM action {@code <iamPrefix>:<Op>}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static ServiceDescriptor describe(ServiceDescriptor.Builder b, String iamPrefix, List<Op> ops) {
        for (Op op : ops) {
            b.operation(OperationDescriptor.builder(op.name(), (Class) op.request(), (Class) op.response())
                    .handler((ctx, req) -> null)
                    .iamAction(iamPrefix + ":" + op.name())
                    .build());
        }
        return b.build();
    }

    /** A sync SDK client that sends through {@code http}, signs with fixed keys and never retries. */
    static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C client(B builder, FakeHttpClient http) {
        return builder.region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")))
                .endpointOverride(URI.create("http://localhost:4566"))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .httpClient(http)
                .build();
    }

    // ---------------------------------------------------------------- the tests

    /**
     * One container per operation holding its "request" and "response" cases, with typical values
     * ({@link ModelGenerator.Profile#FULL}) and with boundary values ({@link ModelGenerator.Profile#EDGE}).
     */
    Stream<DynamicNode> tests() {
        return ops.stream().filter(op -> !elsewhere.contains(op.name())).map(op -> op.clientMethod() == null
                ? DynamicTest.dynamicTest(op.name(), () -> Assumptions.abort(
                        op.name() + " has no sync client method (event stream): cannot be sent by the sync client"))
                : DynamicContainer.dynamicContainer(op.name(), Stream.of(
                        test(op, "request", () -> requestRoundTrip(op, generator)),
                        test(op, "response", () -> responseRoundTrip(op, generator)),
                        test(op, "request (edge values)", () -> requestRoundTrip(op, edgeRequestGenerator)),
                        test(op, "response (edge values)", () -> responseRoundTrip(op, edgeGenerator)))));
    }

    /** Leaves out operations that a test of their own covers (the event streams, through the async client). */
    RoundTrip coveredElsewhere(String... operations) {
        elsewhere.addAll(List.of(operations));
        return this;
    }

    /** A case whose failure names the operation (Surefire's report only numbers dynamic tests). */
    private static DynamicTest test(Op op, String name, Runnable body) {
        return DynamicTest.dynamicTest(name, () -> {
            try {
                body.run();
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(op.name() + " " + name + ": " + e.getMessage(), e);
            }
        });
    }

    void requestRoundTrip(Op op, ModelGenerator generator) {
        OperationDescriptor<?, ?> desc = descriptor(op);
        SdkPojo original = generator.generate(op.request());
        SdkPojo empty = Shapes.build(Shapes.plan(op.response()).builder().get());
        http.respondWith(wire -> codec.writeResponse(empty, service, desc, REQUEST_ID));
        Throwable clientError = null;
        try {
            invoke(op, original);
        } catch (RuntimeException e) {
            clientError = e;
        }
        WireRequest wire = http.last();
        if (wire == null) fail("the client sent nothing", clientError);
        assertThat(router.apply(wire)).as("operation the request addresses").isEqualTo(op.name());
        SdkPojo parsed = codec.readRequest(wire, service, desc);
        List<String> diff = SdkFieldsDiff.diff(original, parsed);
        assertThat(diff).as("%s request parsed by Vigil differs; wire body:%n%s", op.name(), describe(wire)).isEmpty();
        assertThat(parsed).isEqualTo(original);
        if (clientError != null) fail("the client failed on Vigil's (empty) response", clientError);
    }

    void responseRoundTrip(Op op, ModelGenerator generator) {
        OperationDescriptor<?, ?> desc = descriptor(op);
        SdkPojo request = this.generator.generate(op.request());
        SdkPojo original = generator.generate(op.response());
        WireResponse[] sent = new WireResponse[1];
        http.respondWith(wire -> sent[0] = codec.writeResponse(original, service, desc, REQUEST_ID));
        SdkPojo received;
        try {
            received = invoke(op, request);
        } catch (RuntimeException e) {
            throw new AssertionError(op.name() + ": the client could not read Vigil's response:\n" + describe(sent[0]), e);
        }
        List<String> diff = SdkFieldsDiff.diff(original, received);
        assertThat(diff).as("%s response read by the client differs; Vigil sent:%n%s", op.name(), describe(sent[0]))
                .isEmpty();
        assertThat(original.equalsBySdkFields(received)).as("equalsBySdkFields").isTrue();
        responseCheck.accept(op, sent[0]);
    }

    /**
     * Sends {@code op} with a fully populated request while Vigil's codec answers with {@code error}, and
     * returns what the client raised.
     */
    AwsServiceException error(String opName, AwsException error) {
        Op op = ops.stream().filter(o -> o.name().equals(opName)).findFirst().orElseThrow();
        SdkPojo request = generator.generate(op.request());
        http.respondWith(wire -> codec.writeError(error, service, REQUEST_ID));
        try {
            invoke(op, request);
        } catch (AwsServiceException e) {
            return e;
        }
        throw new AssertionError(opName + " did not fail");
    }

    private OperationDescriptor<?, ?> descriptor(Op op) {
        OperationDescriptor<?, ?> d = service.operation(op.name());
        if (d == null) throw new IllegalStateException(op.name() + " not in the descriptor");
        return d;
    }

    private SdkPojo invoke(Op op, SdkPojo request) {
        try {
            return (SdkPojo) op.clientMethod().invoke(client, request);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(WireRequest w) {
        return w.method() + " " + w.rawPath() + (w.rawQuery() == null ? "" : "?" + w.rawQuery()) + "\n"
                + w.headers() + "\n" + printable(w.body());
    }

    private static String describe(WireResponse r) {
        if (r == null) return "(nothing)";
        return r.status() + " " + r.headers() + "\n" + printable(r.body());
    }

    private static String printable(byte[] body) {
        if (body == null) return "";
        String s = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        boolean binary = s.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0xFFFD);
        if (binary) {
            StringBuilder hex = new StringBuilder("(binary, " + body.length + " bytes) ");
            for (int i = 0; i < Math.min(body.length, 2000); i++) hex.append(String.format("%02x", body[i]));
            return hex.toString();
        }
        return s.length() > 6000 ? s.substring(0, 6000) + "..." : s;
    }
}
