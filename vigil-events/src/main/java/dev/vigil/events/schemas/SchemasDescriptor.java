package dev.vigil.events.schemas;

import static dev.vigil.core.service.Constraint.length;
import static dev.vigil.core.service.Constraint.pattern;
import static dev.vigil.core.service.Constraint.required;

import dev.vigil.core.RequestContext;
import dev.vigil.core.service.OperationDescriptor;
import dev.vigil.core.service.OperationHandler;
import dev.vigil.core.service.Protocol;
import dev.vigil.core.service.ServiceDescriptor;
import java.util.List;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.schemas.model.*;

/**
 * What the SDK model does not say about the EventBridge Schema Registry (DESIGN §2): restJson1 under signing name
 * {@code schemas} (routes come from the SDK marshallers), its errors, the model's input constraints, and per
 * operation the IAM action ({@code schemas:<Op>}) and resources (registry, schema and discoverer ARNs). Stateless.
 */
final class SchemasDescriptor {
    static final String SIGNING_NAME = "schemas";
    private static final String NAME = "[a-zA-Z0-9\\-_.@]+";

    private SchemasDescriptor() {}

    static ServiceDescriptor descriptor(SchemasProvider p, DiscoverersProvider d, CodeBindingsProvider c) {
        ServiceDescriptor.Builder b = ServiceDescriptor.builder(SIGNING_NAME)
                .displayName("schemas")
                .protocols(Protocol.REST_JSON_1)
                .apiVersion("2019-12-02");
        SchemasErrors.declare(b);
        constraints(b);
        b.operation(op("CreateRegistry", CreateRegistryRequest.class, CreateRegistryResponse.class, p::createRegistry)
                .resources((ctx, r) -> registry(ctx, r.registryName())).build());
        b.operation(op("DescribeRegistry", DescribeRegistryRequest.class, DescribeRegistryResponse.class,
                p::describeRegistry).resources((ctx, r) -> registry(ctx, r.registryName())).readOnly().build());
        b.operation(op("UpdateRegistry", UpdateRegistryRequest.class, UpdateRegistryResponse.class, p::updateRegistry)
                .resources((ctx, r) -> registry(ctx, r.registryName())).build());
        b.operation(op("DeleteRegistry", DeleteRegistryRequest.class, DeleteRegistryResponse.class, p::deleteRegistry)
                .resources((ctx, r) -> registry(ctx, r.registryName())).build());
        b.operation(op("ListRegistries", ListRegistriesRequest.class, ListRegistriesResponse.class, p::listRegistries)
                .readOnly().build());
        b.operation(op("CreateSchema", CreateSchemaRequest.class, CreateSchemaResponse.class, p::createSchema)
                .resources((ctx, r) -> schema(ctx, r.registryName(), r.schemaName())).build());
        b.operation(op("UpdateSchema", UpdateSchemaRequest.class, UpdateSchemaResponse.class, p::updateSchema)
                .resources((ctx, r) -> schema(ctx, r.registryName(), r.schemaName())).build());
        b.operation(op("DescribeSchema", DescribeSchemaRequest.class, DescribeSchemaResponse.class, p::describeSchema)
                .resources((ctx, r) -> schema(ctx, r.registryName(), r.schemaName())).readOnly().build());
        b.operation(op("ListSchemas", ListSchemasRequest.class, ListSchemasResponse.class, p::listSchemas)
                .resources((ctx, r) -> schema(ctx, r.registryName(), "*")).readOnly().build());
        b.operation(op("ListSchemaVersions", ListSchemaVersionsRequest.class, ListSchemaVersionsResponse.class,
                p::listSchemaVersions).resources((ctx, r) -> schema(ctx, r.registryName(), r.schemaName())).readOnly()
                .build());
        b.operation(op("DeleteSchema", DeleteSchemaRequest.class, DeleteSchemaResponse.class, p::deleteSchema)
                .resources((ctx, r) -> schema(ctx, r.registryName(), r.schemaName())).build());
        b.operation(op("DeleteSchemaVersion", DeleteSchemaVersionRequest.class, DeleteSchemaVersionResponse.class,
                p::deleteSchemaVersion).resources((ctx, r) -> schema(ctx, r.registryName(), r.schemaName())).build());
        b.operation(op("SearchSchemas", SearchSchemasRequest.class, SearchSchemasResponse.class, p::searchSchemas)
                .resources((ctx, r) -> schema(ctx, r.registryName(), "*")).readOnly().build());
        b.operation(op("ExportSchema", ExportSchemaRequest.class, ExportSchemaResponse.class, p::exportSchema)
                .resources((ctx, r) -> schema(ctx, r.registryName(), r.schemaName())).readOnly().build());
        b.operation(op("GetDiscoveredSchema", GetDiscoveredSchemaRequest.class, GetDiscoveredSchemaResponse.class,
                p::getDiscoveredSchema).readOnly().build());
        b.operation(op("PutResourcePolicy", PutResourcePolicyRequest.class, PutResourcePolicyResponse.class,
                p::putResourcePolicy).resources((ctx, r) -> registryOrAll(ctx, r.registryName())).build());
        b.operation(op("GetResourcePolicy", GetResourcePolicyRequest.class, GetResourcePolicyResponse.class,
                p::getResourcePolicy).resources((ctx, r) -> registryOrAll(ctx, r.registryName())).readOnly().build());
        b.operation(op("DeleteResourcePolicy", DeleteResourcePolicyRequest.class, DeleteResourcePolicyResponse.class,
                p::deleteResourcePolicy).resources((ctx, r) -> registryOrAll(ctx, r.registryName())).build());
        b.operation(op("TagResource", TagResourceRequest.class, TagResourceResponse.class, p::tagResource)
                .resources((ctx, r) -> arn(r.resourceArn())).build());
        b.operation(op("UntagResource", UntagResourceRequest.class, UntagResourceResponse.class, p::untagResource)
                .resources((ctx, r) -> arn(r.resourceArn())).build());
        b.operation(op("ListTagsForResource", ListTagsForResourceRequest.class, ListTagsForResourceResponse.class,
                p::listTagsForResource).resources((ctx, r) -> arn(r.resourceArn())).readOnly().build());
        b.operation(op("CreateDiscoverer", CreateDiscovererRequest.class, CreateDiscovererResponse.class,
                d::createDiscoverer).build());
        b.operation(op("DescribeDiscoverer", DescribeDiscovererRequest.class, DescribeDiscovererResponse.class,
                d::describeDiscoverer).resources((ctx, r) -> discoverer(ctx, r.discovererId())).readOnly().build());
        b.operation(op("ListDiscoverers", ListDiscoverersRequest.class, ListDiscoverersResponse.class,
                d::listDiscoverers).readOnly().build());
        b.operation(op("UpdateDiscoverer", UpdateDiscovererRequest.class, UpdateDiscovererResponse.class,
                d::updateDiscoverer).resources((ctx, r) -> discoverer(ctx, r.discovererId())).build());
        b.operation(op("DeleteDiscoverer", DeleteDiscovererRequest.class, DeleteDiscovererResponse.class,
                d::deleteDiscoverer).resources((ctx, r) -> discoverer(ctx, r.discovererId())).build());
        b.operation(op("StartDiscoverer", StartDiscovererRequest.class, StartDiscovererResponse.class,
                d::startDiscoverer).resources((ctx, r) -> discoverer(ctx, r.discovererId())).build());
        b.operation(op("StopDiscoverer", StopDiscovererRequest.class, StopDiscovererResponse.class,
                d::stopDiscoverer).resources((ctx, r) -> discoverer(ctx, r.discovererId())).build());
        b.operation(op("PutCodeBinding", PutCodeBindingRequest.class, PutCodeBindingResponse.class, c::putCodeBinding)
                .resources((ctx, r) -> schema(ctx, r.registryName(), r.schemaName())).build());
        b.operation(op("DescribeCodeBinding", DescribeCodeBindingRequest.class, DescribeCodeBindingResponse.class,
                c::describeCodeBinding).resources((ctx, r) -> schema(ctx, r.registryName(), r.schemaName())).readOnly()
                .build());
        b.operation(op("GetCodeBindingSource", GetCodeBindingSourceRequest.class, GetCodeBindingSourceResponse.class,
                c::getCodeBindingSource).resources((ctx, r) -> schema(ctx, r.registryName(), r.schemaName())).readOnly()
                .build());
        return b.build();
    }

    private static <I extends SdkPojo, O extends SdkPojo> OperationDescriptor.Builder<I, O> op(
            String name, Class<I> in, Class<O> out, OperationHandler<I, O> handler) {
        return OperationDescriptor.builder(name, in, out).handler(handler).iamAction("schemas:" + name);
    }

    private static List<String> registry(RequestContext ctx, String name) {
        return name == null ? List.of("*") : List.of(SchemasArns.registry(ctx.region(), ctx.accountId(), name));
    }

    private static List<String> registryOrAll(RequestContext ctx, String name) {
        return name == null ? List.of("*") : registry(ctx, name);
    }

    private static List<String> schema(RequestContext ctx, String registry, String name) {
        if (registry == null || name == null) return List.of("*");
        return List.of(SchemasArns.schema(ctx.region(), ctx.accountId(), registry, name));
    }

    private static List<String> discoverer(RequestContext ctx, String id) {
        return id == null ? List.of("*") : List.of(SchemasArns.discoverer(ctx.region(), ctx.accountId(), id));
    }

    private static List<String> arn(String arn) {
        return arn == null || arn.isEmpty() ? List.of("*") : List.of(arn);
    }

    /** The model's required members and lengths (schemas 2019-12-02). */
    private static void constraints(ServiceDescriptor.Builder b) {
        b.constrain(CreateSchemaRequest.class, "Content", required(), length(1, SchemaContent.MAX_LENGTH));
        b.constrain(CreateSchemaRequest.class, "Type", required());
        b.constrain(UpdateSchemaRequest.class, "Content", length(1, SchemaContent.MAX_LENGTH));
        b.constrain(CreateDiscovererRequest.class, "SourceArn", required(), length(20, 1600));
        b.constrain(PutResourcePolicyRequest.class, "Policy", required());
        b.constrain(SearchSchemasRequest.class, "Keywords", required());
        b.constrain(ExportSchemaRequest.class, "Type", required());
        b.constrain(GetDiscoveredSchemaRequest.class, "Events", required(), length(1, 10));
        b.constrain(GetDiscoveredSchemaRequest.class, "Type", required());
        b.constrain(TagResourceRequest.class, "Tags", required());
        b.constrain(UntagResourceRequest.class, "TagKeys", required());
        // Names as the service accepts them (and as the store's columns hold them).
        for (Class<?> shape : List.of(CreateRegistryRequest.class, DescribeRegistryRequest.class,
                UpdateRegistryRequest.class, DeleteRegistryRequest.class, CreateSchemaRequest.class,
                UpdateSchemaRequest.class, DescribeSchemaRequest.class, DeleteSchemaRequest.class,
                DeleteSchemaVersionRequest.class, ListSchemasRequest.class, ListSchemaVersionsRequest.class,
                SearchSchemasRequest.class, ExportSchemaRequest.class, PutCodeBindingRequest.class,
                DescribeCodeBindingRequest.class, GetCodeBindingSourceRequest.class, PutResourcePolicyRequest.class,
                GetResourcePolicyRequest.class, DeleteResourcePolicyRequest.class)) {
            b.constrain(shape, "RegistryName", length(1, 64), pattern(NAME));
        }
        for (Class<?> shape : List.of(CreateSchemaRequest.class, UpdateSchemaRequest.class, DescribeSchemaRequest.class,
                DeleteSchemaRequest.class, DeleteSchemaVersionRequest.class, ListSchemaVersionsRequest.class,
                ExportSchemaRequest.class, PutCodeBindingRequest.class, DescribeCodeBindingRequest.class,
                GetCodeBindingSourceRequest.class)) {
            b.constrain(shape, "SchemaName", length(1, 385), pattern(NAME));
        }
        for (Class<?> shape : List.of(CreateRegistryRequest.class, UpdateRegistryRequest.class,
                CreateSchemaRequest.class, UpdateSchemaRequest.class, CreateDiscovererRequest.class,
                UpdateDiscovererRequest.class)) {
            b.constrain(shape, "Description", length(0, 256));
        }
    }
}
