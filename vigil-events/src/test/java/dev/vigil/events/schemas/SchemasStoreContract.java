package dev.vigil.events.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.AwsException;
import dev.vigil.core.Caller;
import dev.vigil.core.MutableClock;
import dev.vigil.core.RequestContext;
import dev.vigil.store.JdbcDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.schemas.model.*;

/** Registries, schema versions, discoverers, code bindings, policies and tags against a real database; one subclass per engine. */
abstract class SchemasStoreContract {
    static final String ACCOUNT = "123456789012";
    static final String OTHER = "210987654321";
    static final String REGION = "us-east-1";
    static final String BUS = "arn:aws:events:us-east-1:123456789012:event-bus/orders";

    private JdbcDatabase db;
    private MutableClock clock;
    private JdbcSchemasRepository repo;
    private SchemaDiscovery discovery;
    private SchemasProvider schemas;
    private DiscoverersProvider discoverers;
    private CodeBindingsProvider bindings;

    @TempDir
    Path dir;

    abstract JdbcDatabase open();

    @BeforeEach
    void setUp() {
        db = open();
        clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
        repo = new JdbcSchemasRepository(db);
        discovery = new SchemaDiscovery(repo, clock);
        schemas = new SchemasProvider(repo, new AwsEventSchemas(clock.instant()), clock);
        discoverers = new DiscoverersProvider(repo, discovery, schemas, clock);
        bindings = new CodeBindingsProvider(repo, schemas, clock);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private RequestContext ctx() {
        return new RequestContext("req", clock.instant(), REGION, Caller.root(ACCOUNT, "AKIDEXAMPLE"), "127.0.0.1",
                null, "schemas", "Test");
    }

    private static AwsException error(Runnable r) {
        try {
            r.run();
        } catch (AwsException e) {
            return e;
        }
        throw new AssertionError("expected an AwsException");
    }

    static String doc(String props) {
        return "{\"openapi\":\"3.0.0\",\"info\":{\"title\":\"T\",\"version\":\"1\"},\"paths\":{},\"components\":"
                + "{\"schemas\":{\"T\":{\"type\":\"object\",\"properties\":{" + props + "}}}}}";
    }

    static JsonNode event(String account, String detail) {
        return SchemaInferenceTest.json("{'version':'0','id':'1','detail-type':'Order Placed','source':'shop',"
                + "'account':'" + account + "','time':'2026-11-30T12:00:00Z','region':'us-east-1','resources':[],"
                + "'detail':" + detail + "}");
    }

    @Test
    void versionsCountUpAndSurviveDeletes() {
        schemas.createRegistry(ctx(), CreateRegistryRequest.builder().registryName("r").tags(Map.of("k", "v")).build());
        var v1 = schemas.createSchema(ctx(), CreateSchemaRequest.builder().registryName("r").schemaName("s")
                .type("OpenApi3").content(doc("\"a\":{\"type\":\"string\"}")).description("d").build());
        assertThat(v1.schemaVersion()).isEqualTo("1");
        assertThat(v1.versionCreatedDate()).isEqualTo(clock.instant());
        clock.advance(Duration.ofMinutes(1));
        var v2 = schemas.updateSchema(ctx(), UpdateSchemaRequest.builder().registryName("r").schemaName("s")
                .content(doc("\"b\":{\"type\":\"string\"}")).build());
        assertThat(v2.schemaVersion()).isEqualTo("2");
        assertThat(v2.versionCreatedDate()).isEqualTo(clock.instant());
        // same content again: no new version, only the description changes
        var same = schemas.updateSchema(ctx(), UpdateSchemaRequest.builder().registryName("r").schemaName("s")
                .content(doc("\"b\":{\"type\":\"string\"}")).description("new").build());
        assertThat(same.schemaVersion()).isEqualTo("2");
        assertThat(same.description()).isEqualTo("new");

        schemas.deleteSchemaVersion(ctx(), DeleteSchemaVersionRequest.builder().registryName("r").schemaName("s")
                .schemaVersion("2").build());
        assertThat(schemas.describeSchema(ctx(), DescribeSchemaRequest.builder().registryName("r").schemaName("s")
                .build()).schemaVersion()).isEqualTo("1");
        var v3 = schemas.updateSchema(ctx(), UpdateSchemaRequest.builder().registryName("r").schemaName("s")
                .content(doc("\"c\":{\"type\":\"string\"}")).build());
        assertThat(v3.schemaVersion()).isEqualTo("3");

        // a bad document stores nothing
        AwsException bad = error(() -> schemas.updateSchema(ctx(), UpdateSchemaRequest.builder().registryName("r")
                .schemaName("s").content("[1]").build()));
        assertThat(bad.code()).isEqualTo("BadRequestException");
        assertThat(repo.versions(ACCOUNT, REGION, "r", "s")).extracting(SchemaRecords.Version::version).containsExactly(1, 3);

        assertThat(error(() -> schemas.describeSchema(ctx(), DescribeSchemaRequest.builder().registryName("r")
                .schemaName("nope").build())).status()).isEqualTo(404);
        schemas.deleteRegistry(ctx(), DeleteRegistryRequest.builder().registryName("r").build());
        assertThat(repo.schemas(ACCOUNT, REGION, "r")).isEmpty();
        assertThat(repo.tags(ACCOUNT, REGION, SchemasArns.registry(REGION, ACCOUNT, "r"))).isEmpty();
    }

    @Test
    void discoveryWritesOnlyWhenTheShapeChangesAndHonoursCrossAccount() {
        var d = discoverers.createDiscoverer(ctx(), CreateDiscovererRequest.builder().sourceArn(BUS).crossAccount(false)
                .build());
        assertThat(d.state()).isEqualTo(DiscovererState.STARTED);
        discovery.accepted(ACCOUNT, REGION, "orders", event(ACCOUNT, "{\"id\":\"1\"}"));
        discovery.accepted(ACCOUNT, REGION, "orders", event(ACCOUNT, "{\"id\":\"2\"}"));
        assertThat(repo.versions(ACCOUNT, REGION, "discovered-schemas", "shop@OrderPlaced")).hasSize(1);
        // another account's event is ignored without CrossAccount
        discovery.accepted(ACCOUNT, REGION, "orders", event(OTHER, "{\"id\":\"3\",\"x\":1}"));
        assertThat(repo.versions(ACCOUNT, REGION, "discovered-schemas", "shop@OrderPlaced")).hasSize(1);
        discoverers.updateDiscoverer(ctx(), UpdateDiscovererRequest.builder().discovererId(d.discovererId())
                .crossAccount(true).build());
        discovery.accepted(ACCOUNT, REGION, "orders", event(OTHER, "{\"id\":\"3\",\"x\":1}"));
        assertThat(repo.versions(ACCOUNT, REGION, "discovered-schemas", "shop@OrderPlaced")).hasSize(2);
        // another bus: no discoverer there
        discovery.accepted(ACCOUNT, REGION, "default", event(ACCOUNT, "{\"id\":\"4\",\"y\":1}"));
        assertThat(repo.versions(ACCOUNT, REGION, "discovered-schemas", "shop@OrderPlaced")).hasSize(2);

        // A fresh node (empty cache) merges into the stored shape instead of starting over.
        SchemaDiscovery restarted = new SchemaDiscovery(repo, clock);
        restarted.refresh();
        restarted.accepted(ACCOUNT, REGION, "orders", event(ACCOUNT, "{\"id\":\"5\"}"));
        assertThat(repo.versions(ACCOUNT, REGION, "discovered-schemas", "shop@OrderPlaced")).hasSize(2);
        restarted.accepted(ACCOUNT, REGION, "orders", event(ACCOUNT, "{\"id\":\"5\",\"z\":true}"));
        var versions = repo.versions(ACCOUNT, REGION, "discovered-schemas", "shop@OrderPlaced");
        assertThat(versions).hasSize(3);
        assertThat(versions.get(2).content()).contains("\"x\"").contains("\"z\"");
    }

    @Test
    void twoNodesShareDiscoverersAndMergeIntoEachOthersVersions() {
        SchemaDiscovery nodeB = new SchemaDiscovery(repo, clock);
        nodeB.refresh(); // no discoverer yet
        discoverers.createDiscoverer(ctx(), CreateDiscovererRequest.builder().sourceArn(BUS).build());
        nodeB.accepted(ACCOUNT, REGION, "orders", event(ACCOUNT, "{\"id\":\"1\"}"));
        assertThat(repo.schemas(ACCOUNT, REGION, "discovered-schemas")).isEmpty(); // B has not re-read yet
        clock.advance(Duration.ofMillis(SchemaDiscovery.REFRESH_MILLIS + 1));
        nodeB.accepted(ACCOUNT, REGION, "orders", event(ACCOUNT, "{\"id\":\"1\"}"));
        assertThat(repo.versions(ACCOUNT, REGION, "discovered-schemas", "shop@OrderPlaced")).hasSize(1);

        discovery.accepted(ACCOUNT, REGION, "orders", event(ACCOUNT, "{\"id\":\"2\",\"a\":1}")); // node A: v2 with a
        nodeB.accepted(ACCOUNT, REGION, "orders", event(ACCOUNT, "{\"id\":\"3\",\"b\":1}"));     // node B: v3 with a and b
        var versions = repo.versions(ACCOUNT, REGION, "discovered-schemas", "shop@OrderPlaced");
        assertThat(versions).hasSize(3);
        assertThat(versions.get(2).content()).contains("\"a\"").contains("\"b\"");
        // A's cache lacks b; an event like A's last one is already covered by the stored version: no new one.
        discovery.accepted(ACCOUNT, REGION, "orders", event(ACCOUNT, "{\"id\":\"4\",\"a\":1,\"b\":2}"));
        assertThat(repo.versions(ACCOUNT, REGION, "discovered-schemas", "shop@OrderPlaced")).hasSize(3);
    }

    @Test
    void codeBindingsAreStoredPerVersionAndCompile() throws Exception {
        schemas.createRegistry(ctx(), CreateRegistryRequest.builder().registryName("r").build());
        schemas.createSchema(ctx(), CreateSchemaRequest.builder().registryName("r").schemaName("Order")
                .type("OpenApi3").content(doc("\"id\":{\"type\":\"string\"}")).build());
        var put = bindings.putCodeBinding(ctx(), PutCodeBindingRequest.builder().registryName("r").schemaName("Order")
                .language("Java8").build());
        assertThat(put.status()).isEqualTo(CodeGenerationStatus.CREATE_IN_PROGRESS);
        assertThat(bindings.describeCodeBinding(ctx(), DescribeCodeBindingRequest.builder().registryName("r")
                .schemaName("Order").language("Java8").schemaVersion("1").build()).status())
                .isEqualTo(CodeGenerationStatus.CREATE_COMPLETE);
        byte[] zip = bindings.getCodeBindingSource(ctx(), GetCodeBindingSourceRequest.builder().registryName("r")
                .schemaName("Order").language("Java8").build()).body().asByteArray();
        JavaCompilation.compile(JavaCompilation.unzip(zip), dir);
        assertThat(error(() -> bindings.putCodeBinding(ctx(), PutCodeBindingRequest.builder().registryName("r")
                .schemaName("Order").language("Cobol").build())).code()).isEqualTo("BadRequestException");
        assertThat(error(() -> bindings.describeCodeBinding(ctx(), DescribeCodeBindingRequest.builder()
                .registryName("r").schemaName("Order").language("Java8").schemaVersion("2").build())).status())
                .isEqualTo(404);
    }

    @Test
    void policiesAndTags() {
        schemas.createRegistry(ctx(), CreateRegistryRequest.builder().registryName("r").build());
        var p = schemas.putResourcePolicy(ctx(), PutResourcePolicyRequest.builder().policy("{\"Version\":\"2012-10-17\"}")
                .build());
        assertThat(schemas.getResourcePolicy(ctx(), GetResourcePolicyRequest.builder().build()).revisionId())
                .isEqualTo(p.revisionId());
        assertThat(error(() -> schemas.getResourcePolicy(ctx(), GetResourcePolicyRequest.builder().registryName("r")
                .build())).status()).isEqualTo(404);
        // for the policy engine: the registry's own policy, else the account's
        RegistryPolicies engineView = new RegistryPolicies(repo);
        String schemaArn = SchemasArns.schema(REGION, ACCOUNT, "r", "s");
        assertThat(engineView.policyFor(schemaArn)).contains("{\"Version\":\"2012-10-17\"}");
        schemas.putResourcePolicy(ctx(), PutResourcePolicyRequest.builder().registryName("r")
                .policy("{\"Statement\":[]}").build());
        assertThat(engineView.policyFor(schemaArn)).contains("{\"Statement\":[]}");
        assertThat(engineView.policyFor(SchemasArns.registry(REGION, ACCOUNT, "other"))).contains("{\"Version\":\"2012-10-17\"}");
        assertThat(engineView.policyFor(SchemasArns.schema(REGION, ACCOUNT, "aws.events", "x"))).isEmpty();
        String arn = SchemasArns.registry(REGION, ACCOUNT, "r");
        schemas.tagResource(ctx(), TagResourceRequest.builder().resourceArn(arn).tags(Map.of("a", "1", "b", "2")).build());
        schemas.untagResource(ctx(), UntagResourceRequest.builder().resourceArn(arn).tagKeys(List.of("a")).build());
        assertThat(schemas.listTagsForResource(ctx(), ListTagsForResourceRequest.builder().resourceArn(arn).build())
                .tags()).isEqualTo(Map.of("b", "2"));
        assertThat(error(() -> schemas.tagResource(ctx(), TagResourceRequest.builder()
                .resourceArn(SchemasArns.registry(REGION, ACCOUNT, "nope")).tags(Map.of("a", "1")).build())).status())
                .isEqualTo(404);
    }
}
