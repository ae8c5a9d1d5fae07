package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testkit.VigilTestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.schemas.SchemasClient;
import software.amazon.awssdk.services.schemas.model.BadRequestException;
import software.amazon.awssdk.services.schemas.model.CodeGenerationStatus;
import software.amazon.awssdk.services.schemas.model.ConflictException;
import software.amazon.awssdk.services.schemas.model.DescribeSchemaResponse;
import software.amazon.awssdk.services.schemas.model.DiscovererState;
import software.amazon.awssdk.services.schemas.model.ForbiddenException;
import software.amazon.awssdk.services.schemas.model.NotFoundException;
import software.amazon.awssdk.services.schemas.model.PreconditionFailedException;
import software.amazon.awssdk.services.schemas.model.RegistrySummary;
import software.amazon.awssdk.services.schemas.model.SchemaVersionSummary;
import software.amazon.awssdk.services.schemas.model.Type;

/**
 * The EventBridge Schema Registry through the SDK v2 SchemasClient (restJson1, retries off): registries, schema
 * versions and search, the aws.events registry, a discoverer learning a schema from PutEvents on a bus (and a new
 * version when a field appears), and the Java8 code binding of it downloaded, unzipped and compiled here.
 */
class SchemasIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static VigilTestServer vigil;
    static SchemasClient schemas;
    static EventBridgeClient events;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        vigil = VigilTestServer.start();
        schemas = vigil.client(SchemasClient.builder());
        events = vigil.client(EventBridgeClient.builder());
    }

    @AfterAll
    static void stop() {
        if (schemas != null) schemas.close();
        if (events != null) events.close();
        if (vigil != null) vigil.close();
    }

    static String openApi(String title, String properties) {
        return "{\"openapi\":\"3.0.0\",\"info\":{\"version\":\"1.0.0\",\"title\":\"" + title + "\"},\"paths\":{},"
                + "\"components\":{\"schemas\":{\"" + title + "\":{\"type\":\"object\",\"properties\":{" + properties
                + "}}}}}";
    }

    @Test
    void registriesBuiltInAndCustom() {
        assertThat(schemas.listRegistries(r -> r.scope("AWS")).registries()).extracting(RegistrySummary::registryName)
                .containsExactly("aws.events");
        assertThat(schemas.listRegistries(r -> r.scope("LOCAL")).registries()).extracting(RegistrySummary::registryName)
                .contains("discovered-schemas").doesNotContain("aws.events");

        var created = schemas.createRegistry(r -> r.registryName("it-orders").description("Orders").tags(Map.of("team", "a")));
        assertThat(created.registryArn()).isEqualTo("arn:aws:schemas:us-east-1:000000000000:registry/it-orders");
        assertThat(created.tags()).containsEntry("team", "a");
        assertThatThrownBy(() -> schemas.createRegistry(r -> r.registryName("it-orders")))
                .isInstanceOf(ConflictException.class);
        schemas.updateRegistry(r -> r.registryName("it-orders").description("All orders"));
        assertThat(schemas.describeRegistry(r -> r.registryName("it-orders")).description()).isEqualTo("All orders");
        assertThat(schemas.listRegistries(r -> r.registryNamePrefix("it-ord")).registries())
                .extracting(RegistrySummary::registryName).containsExactly("it-orders");
        assertThatThrownBy(() -> schemas.describeRegistry(r -> r.registryName("it-nope")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotFoundException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("it-nope");
                });
        assertThatThrownBy(() -> schemas.deleteRegistry(r -> r.registryName("aws.events")))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> schemas.createRegistry(r -> r.registryName("x".repeat(65))))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .contains("Member must have length less than or equal to 64"));
        assertThatThrownBy(() -> schemas.createRegistry(r -> r.registryName("it-tags")
                .tags(Map.of("k".repeat(129), "v")))).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> schemas.describeRegistry(r -> r.registryName("it-tags")))
                .isInstanceOf(NotFoundException.class); // nothing stored

        // tags and the registry's resource policy
        schemas.tagResource(r -> r.resourceArn(created.registryArn()).tags(Map.of("env", "test")));
        schemas.untagResource(r -> r.resourceArn(created.registryArn()).tagKeys("team"));
        assertThat(schemas.listTagsForResource(r -> r.resourceArn(created.registryArn())).tags())
                .isEqualTo(Map.of("env", "test"));
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"111122223333\"},\"Action\":\"schemas:DescribeSchema\",\"Resource\":\"*\"}]}";
        var put = schemas.putResourcePolicy(r -> r.registryName("it-orders").policy(policy));
        assertThat(JSON.valueToTree(schemas.getResourcePolicy(r -> r.registryName("it-orders")).policy()).toString())
                .contains("schemas:DescribeSchema");
        assertThatThrownBy(() -> schemas.putResourcePolicy(r -> r.registryName("it-orders").policy(policy).revisionId("stale")))
                .isInstanceOf(PreconditionFailedException.class);
        schemas.putResourcePolicy(r -> r.registryName("it-orders").policy(policy).revisionId(put.revisionId()));
        schemas.deleteResourcePolicy(r -> r.registryName("it-orders"));
        assertThatThrownBy(() -> schemas.getResourcePolicy(r -> r.registryName("it-orders")))
                .isInstanceOf(NotFoundException.class);

        schemas.deleteRegistry(r -> r.registryName("it-orders"));
        assertThatThrownBy(() -> schemas.describeRegistry(r -> r.registryName("it-orders")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void schemaVersionsSearchAndExport() {
        schemas.createRegistry(r -> r.registryName("it-shop"));
        var v1 = schemas.createSchema(r -> r.registryName("it-shop").schemaName("OrderCreated").type(Type.OPEN_API3)
                .description("An order was created").content(openApi("OrderCreated", "\"id\":{\"type\":\"string\"}")));
        assertThat(v1.schemaVersion()).isEqualTo("1");
        assertThat(v1.versionCreatedDate()).isNotNull();
        assertThat(v1.schemaArn()).isEqualTo("arn:aws:schemas:us-east-1:000000000000:schema/it-shop/OrderCreated");
        assertThatThrownBy(() -> schemas.createSchema(r -> r.registryName("it-shop").schemaName("OrderCreated")
                .type(Type.OPEN_API3).content(openApi("X", "")))).isInstanceOf(ConflictException.class);

        var v2 = schemas.updateSchema(r -> r.registryName("it-shop").schemaName("OrderCreated")
                .content(openApi("OrderCreated", "\"id\":{\"type\":\"string\"},\"total\":{\"type\":\"number\"}")));
        assertThat(v2.schemaVersion()).isEqualTo("2");
        DescribeSchemaResponse latest = schemas.describeSchema(r -> r.registryName("it-shop").schemaName("OrderCreated"));
        assertThat(latest.schemaVersion()).isEqualTo("2");
        assertThat(latest.content()).contains("total");
        assertThat(latest.description()).isEqualTo("An order was created");
        assertThat(schemas.describeSchema(r -> r.registryName("it-shop").schemaName("OrderCreated").schemaVersion("1"))
                .content()).doesNotContain("total");
        assertThat(schemas.listSchemaVersions(r -> r.registryName("it-shop").schemaName("OrderCreated")).schemaVersions())
                .extracting(SchemaVersionSummary::schemaVersion).containsExactly("1", "2");

        // content is validated before anything is stored
        assertThatThrownBy(() -> schemas.updateSchema(r -> r.registryName("it-shop").schemaName("OrderCreated")
                .content("{not json"))).isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).contains("not valid JSON"));
        assertThatThrownBy(() -> schemas.createSchema(r -> r.registryName("it-shop").schemaName("Bad")
                .type(Type.OPEN_API3).content("{\"swagger\":\"2.0\"}"))).isInstanceOf(BadRequestException.class);
        assertThat(schemas.listSchemaVersions(r -> r.registryName("it-shop").schemaName("OrderCreated")).schemaVersions())
                .hasSize(2);

        schemas.createSchema(r -> r.registryName("it-shop").schemaName("UserSignedUp").type(Type.JSON_SCHEMA_DRAFT4)
                .content("{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"type\":\"object\","
                        + "\"properties\":{\"userId\":{\"type\":\"string\"}}}"));
        assertThat(schemas.searchSchemas(r -> r.registryName("it-shop").keywords("order")).schemas())
                .singleElement().satisfies(s -> {
                    assertThat(s.schemaName()).isEqualTo("OrderCreated");
                    assertThat(s.schemaVersions()).hasSize(2);
                });
        assertThat(schemas.listSchemas(r -> r.registryName("it-shop")).schemas()).hasSize(2);

        var exported = schemas.exportSchema(r -> r.registryName("it-shop").schemaName("OrderCreated").type("JSONSchemaDraft4"));
        assertThat(exported.content()).contains("draft-04").contains("total");

        schemas.deleteSchemaVersion(r -> r.registryName("it-shop").schemaName("OrderCreated").schemaVersion("1"));
        assertThatThrownBy(() -> schemas.describeSchema(r -> r.registryName("it-shop").schemaName("OrderCreated")
                .schemaVersion("1"))).isInstanceOf(NotFoundException.class);
        var v3 = schemas.updateSchema(r -> r.registryName("it-shop").schemaName("OrderCreated")
                .content(openApi("OrderCreated", "\"id\":{\"type\":\"integer\"}")));
        assertThat(v3.schemaVersion()).isEqualTo("3"); // numbers are never reused
        schemas.deleteSchema(r -> r.registryName("it-shop").schemaName("OrderCreated"));
        assertThatThrownBy(() -> schemas.describeSchema(r -> r.registryName("it-shop").schemaName("OrderCreated")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theAwsEventsRegistryDescribesVigilsOwnEvents() throws Exception {
        DescribeSchemaResponse alarm = schemas.describeSchema(r -> r.registryName("aws.events")
                .schemaName("aws.cloudwatch@CloudWatchAlarmStateChange"));
        JsonNode doc = JSON.readTree(alarm.content());
        JsonNode detail = doc.at("/components/schemas/CloudWatchAlarmStateChange/properties");
        assertThat(detail.has("alarmName")).isTrue();
        assertThat(detail.has("previousState")).isTrue();
        assertThat(doc.at("/components/schemas/AWSEvent/x-amazon-events-source").asText()).isEqualTo("aws.cloudwatch");
        assertThat(schemas.searchSchemas(r -> r.registryName("aws.events").keywords("CloudTrail")).schemas())
                .extracting(s -> s.schemaName()).contains("aws.iam@AWSAPICallViaCloudTrail");
        assertThatThrownBy(() -> schemas.createSchema(r -> r.registryName("aws.events").schemaName("x")
                .type(Type.OPEN_API3).content(openApi("X", "")))).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void getDiscoveredSchemaInfersFromGivenEvents() throws Exception {
        String e1 = "{\"version\":\"0\",\"id\":\"1\",\"detail-type\":\"Ping\",\"source\":\"it.ping\","
                + "\"account\":\"000000000000\",\"time\":\"2026-11-30T12:00:00Z\",\"region\":\"us-east-1\","
                + "\"resources\":[],\"detail\":{\"n\":1}}";
        String e2 = e1.replace("{\"n\":1}", "{\"n\":2.5,\"tag\":\"x\"}");
        JsonNode doc = JSON.readTree(schemas.getDiscoveredSchema(r -> r.type(Type.OPEN_API3).events(e1, e2)).content());
        assertThat(doc.at("/components/schemas/Ping/properties/n/type").asText()).isEqualTo("number");
        assertThat(doc.at("/components/schemas/Ping/required").toString()).isEqualTo("[\"n\"]");
        assertThatThrownBy(() -> schemas.getDiscoveredSchema(r -> r.type(Type.OPEN_API3).events("{oops")))
                .isInstanceOf(BadRequestException.class);
    }

    @Test
    void aDiscovererLearnsFromPutEventsAndTheCodeBindingCompiles() throws Exception {
        String bus = events.createEventBus(r -> r.name("it-discovered")).eventBusArn();
        var d = schemas.createDiscoverer(r -> r.sourceArn(bus).description("orders bus"));
        assertThat(d.state()).isEqualTo(DiscovererState.STARTED);
        assertThat(d.discovererId()).isEqualTo("events-event-bus-it-discovered");
        assertThatThrownBy(() -> schemas.createDiscoverer(r -> r.sourceArn(bus))).isInstanceOf(ConflictException.class);
        assertThat(schemas.listDiscoverers(r -> r.sourceArnPrefix(bus)).discoverers()).hasSize(1);

        put(bus, "{\"orderId\":\"o-1\",\"total\":12.5,\"placedAt\":\"2026-11-30T12:00:00Z\"}");
        put(bus, "{\"orderId\":\"o-2\",\"total\":3,\"placedAt\":\"2026-11-30T12:01:00Z\"}");
        String name = "it.shop@OrderPlaced";
        var first = schemas.describeSchema(r -> r.registryName("discovered-schemas").schemaName(name));
        assertThat(first.schemaVersion()).isEqualTo("1"); // an integer total is a number already: no new shape
        JsonNode v1 = JSON.readTree(first.content());
        assertThat(v1.at("/components/schemas/OrderPlaced/properties/placedAt/format").asText()).isEqualTo("date-time");
        assertThat(v1.at("/components/schemas/OrderPlaced/properties/total/type").asText()).isEqualTo("number");

        put(bus, "{\"orderId\":\"o-3\",\"total\":1.5,\"placedAt\":\"2026-11-30T12:02:00Z\",\"coupon\":{\"code\":\"X\"}}");
        var second = schemas.describeSchema(r -> r.registryName("discovered-schemas").schemaName(name));
        assertThat(second.schemaVersion()).isEqualTo("2");
        JsonNode v2 = JSON.readTree(second.content());
        assertThat(v2.at("/components/schemas/OrderPlaced/properties/coupon/$ref").asText())
                .isEqualTo("#/components/schemas/Coupon");
        assertThat(v2.at("/components/schemas/OrderPlaced/required").toString()).doesNotContain("coupon");

        // stopped: nothing more is learned
        assertThat(schemas.stopDiscoverer(r -> r.discovererId(d.discovererId())).state()).isEqualTo(DiscovererState.STOPPED);
        put(bus, "{\"orderId\":\"o-4\",\"total\":1.5,\"placedAt\":\"2026-11-30T12:03:00Z\",\"note\":\"n\"}");
        assertThat(schemas.listSchemaVersions(r -> r.registryName("discovered-schemas").schemaName(name))
                .schemaVersions()).hasSize(2);
        assertThat(schemas.startDiscoverer(r -> r.discovererId(d.discovererId())).state()).isEqualTo(DiscovererState.STARTED);

        // the Java8 binding of the discovered schema, downloaded, unzipped and compiled
        var put = schemas.putCodeBinding(r -> r.registryName("discovered-schemas").schemaName(name).language("Java8"));
        assertThat(put.status()).isEqualTo(CodeGenerationStatus.CREATE_IN_PROGRESS);
        assertThat(put.schemaVersion()).isEqualTo("2");
        assertThat(schemas.describeCodeBinding(r -> r.registryName("discovered-schemas").schemaName(name)
                .language("Java8")).status()).isEqualTo(CodeGenerationStatus.CREATE_COMPLETE);
        byte[] zip = schemas.getCodeBindingSource(r -> r.registryName("discovered-schemas").schemaName(name)
                .language("Java8")).body().asByteArray();
        Map<String, String> sources = unzip(zip);
        assertThat(sources).containsKeys("schema/it/shop/orderplaced/AWSEvent.java",
                "schema/it/shop/orderplaced/OrderPlaced.java", "schema/it/shop/orderplaced/Coupon.java",
                "schema/it/shop/orderplaced/marshaller/Marshaller.java");
        ClassLoader loader = compile(sources);
        Class<?> detail = loader.loadClass("schema.it.shop.orderplaced.OrderPlaced");
        Method unmarshal = loader.loadClass("schema.it.shop.orderplaced.marshaller.Marshaller")
                .getMethod("unmarshalEvent", java.io.InputStream.class, Class.class);
        Object event = unmarshal.invoke(null, new ByteArrayInputStream(("{\"source\":\"it.shop\",\"detail\":"
                + "{\"orderId\":\"o-9\",\"coupon\":{\"code\":\"Y\"}}}").getBytes(StandardCharsets.UTF_8)), detail);
        Object d9 = event.getClass().getMethod("getDetail").invoke(event);
        assertThat(d9.getClass().getMethod("getOrderId").invoke(d9)).isEqualTo("o-9");

        assertThatThrownBy(() -> schemas.describeCodeBinding(r -> r.registryName("discovered-schemas").schemaName(name)
                .language("Java8").schemaVersion("1"))).isInstanceOf(NotFoundException.class);
        for (var lang : Map.of("Python36", "OrderPlaced.py", "TypeScript3", "OrderPlaced.ts", "Go1", "OrderPlaced.go")
                .entrySet()) {
            schemas.putCodeBinding(r -> r.registryName("discovered-schemas").schemaName(name).language(lang.getKey()));
            assertThat(unzip(schemas.getCodeBindingSource(r -> r.registryName("discovered-schemas").schemaName(name)
                    .language(lang.getKey())).body().asByteArray())).containsKey("schema/it/shop/orderplaced/" + lang.getValue());
        }
        assertThatThrownBy(() -> schemas.putCodeBinding(r -> r.registryName("discovered-schemas").schemaName(name)
                .language("Cobol85"))).isInstanceOf(BadRequestException.class);

        schemas.deleteDiscoverer(r -> r.discovererId(d.discovererId()));
        assertThatThrownBy(() -> schemas.describeDiscoverer(r -> r.discovererId(d.discovererId())))
                .isInstanceOf(NotFoundException.class);
    }

    static void put(String bus, String detail) {
        var res = events.putEvents(r -> r.entries(PutEventsRequestEntry.builder().eventBusName(bus).source("it.shop")
                .detailType("Order Placed").detail(detail).build()));
        assertThat(res.failedEntryCount()).isZero();
    }

    static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** javax.tools, as Java 8, against this JVM's class path (jackson-databind is on it). */
    ClassLoader compile(Map<String, String> sources) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Path out = Files.createDirectories(dir.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("--release", "8", "-Xlint:-options", "-d", out.toString(),
                "-classpath", System.getProperty("java.class.path")));
        for (Map.Entry<String, String> f : sources.entrySet()) {
            Path p = src.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
            args.add(p.toString());
        }
        StringWriter diagnostics = new StringWriter();
        PrintStream err = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) { diagnostics.write(b); }
        });
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, err, args.toArray(new String[0]));
        assertThat(rc).as("javac:\n%s", diagnostics).isZero();
        return new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader());
    }
}
