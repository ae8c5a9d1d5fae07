package dev.vigil.events.schemas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.RequestContext;
import dev.vigil.events.schemas.SchemaRecords.Policy;
import dev.vigil.events.schemas.SchemaRecords.Registry;
import dev.vigil.events.schemas.SchemaRecords.Schema;
import dev.vigil.events.schemas.SchemaRecords.Version;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.schemas.model.*;

/**
 * Registries, schemas and their versions, search, export, resource policies and tags of the Schema Registry. The
 * {@code aws.events} registry is generated and read-only; {@code discovered-schemas} always exists and is written
 * by the discoverers (and may be written by callers too, as on AWS). Thread-safe (stateless over the store).
 */
final class SchemasProvider {
    static final String SCOPE_AWS = "AWS";
    static final String SCOPE_LOCAL = "LOCAL";

    private final SchemasRepository repo;
    private final AwsEventSchemas awsSchemas;
    private final Clock clock;

    SchemasProvider(SchemasRepository repo, AwsEventSchemas awsSchemas, Clock clock) {
        this.repo = repo;
        this.awsSchemas = awsSchemas;
        this.clock = clock;
    }

    // ---- registries

    static boolean builtIn(String registry) {
        return AwsEventSchemas.REGISTRY.equals(registry) || SchemaDiscovery.REGISTRY.equals(registry);
    }

    /** NotFoundException unless the registry exists (the built-in ones always do). */
    Optional<Registry> requireRegistry(RequestContext ctx, String name) {
        if (builtIn(name)) return Optional.empty();
        return Optional.of(repo.registry(ctx.accountId(), ctx.region(), name)
                .orElseThrow(() -> SchemasErrors.registryNotFound(name)));
    }

    private static void writable(String registry) {
        if (AwsEventSchemas.REGISTRY.equals(registry)) {
            throw SchemasErrors.forbidden("The registry '" + registry + "' is managed by AWS and cannot be modified.");
        }
    }

    CreateRegistryResponse createRegistry(RequestContext ctx, CreateRegistryRequest r) {
        String name = r.registryName();
        if (builtIn(name) || name.startsWith("aws.")) {
            throw SchemasErrors.badRequest("Registry names starting with 'aws.' and the name '" + SchemaDiscovery.REGISTRY
                    + "' are reserved.");
        }
        if (r.hasTags()) checkTags(r.tags());
        if (!repo.createRegistry(new Registry(ctx.accountId(), ctx.region(), name, r.description(), clock.instant()))) {
            throw SchemasErrors.conflict("Registry with name '" + name + "' already exists.");
        }
        String arn = SchemasArns.registry(ctx.region(), ctx.accountId(), name);
        if (r.hasTags()) repo.tag(ctx.accountId(), ctx.region(), arn, r.tags());
        return CreateRegistryResponse.builder().registryName(name).registryArn(arn).description(r.description())
                .tags(tags(ctx, arn)).build();
    }

    DescribeRegistryResponse describeRegistry(RequestContext ctx, DescribeRegistryRequest r) {
        Optional<Registry> reg = requireRegistry(ctx, r.registryName());
        String arn = SchemasArns.registry(ctx.region(), ctx.accountId(), r.registryName());
        return DescribeRegistryResponse.builder().registryName(r.registryName()).registryArn(arn)
                .description(reg.map(Registry::description).orElse(builtInDescription(r.registryName())))
                .tags(tags(ctx, arn)).build();
    }

    private static String builtInDescription(String registry) {
        return AwsEventSchemas.REGISTRY.equals(registry) ? "Schemas of the events AWS services send to EventBridge"
                : "Schemas discovered from the events on event buses";
    }

    UpdateRegistryResponse updateRegistry(RequestContext ctx, UpdateRegistryRequest r) {
        writable(r.registryName());
        if (SchemaDiscovery.REGISTRY.equals(r.registryName())) {
            throw SchemasErrors.forbidden("The registry '" + r.registryName() + "' cannot be modified.");
        }
        requireRegistry(ctx, r.registryName());
        repo.updateRegistry(ctx.accountId(), ctx.region(), r.registryName(), r.description());
        String arn = SchemasArns.registry(ctx.region(), ctx.accountId(), r.registryName());
        return UpdateRegistryResponse.builder().registryName(r.registryName()).registryArn(arn)
                .description(r.description()).tags(tags(ctx, arn)).build();
    }

    DeleteRegistryResponse deleteRegistry(RequestContext ctx, DeleteRegistryRequest r) {
        if (builtIn(r.registryName())) {
            throw SchemasErrors.forbidden("The registry '" + r.registryName() + "' cannot be deleted.");
        }
        if (!repo.deleteRegistry(ctx.accountId(), ctx.region(), r.registryName())) {
            throw SchemasErrors.registryNotFound(r.registryName());
        }
        repo.dropTags(ctx.accountId(), ctx.region(), SchemasArns.registry(ctx.region(), ctx.accountId(), r.registryName()),
                SchemasArns.schemasOf(ctx.region(), ctx.accountId(), r.registryName()));
        return DeleteRegistryResponse.builder().build();
    }

    ListRegistriesResponse listRegistries(RequestContext ctx, ListRegistriesRequest r) {
        String scope = r.scope();
        if (scope != null && !scope.equals(SCOPE_AWS) && !scope.equals(SCOPE_LOCAL)) {
            throw SchemasErrors.badRequest("Invalid scope '" + scope + "'. Valid values are: AWS, LOCAL.");
        }
        List<String> names = new ArrayList<>();
        if (scope == null || scope.equals(SCOPE_AWS)) names.add(AwsEventSchemas.REGISTRY);
        if (scope == null || scope.equals(SCOPE_LOCAL)) {
            names.add(SchemaDiscovery.REGISTRY);
            for (Registry reg : repo.registries(ctx.accountId(), ctx.region())) names.add(reg.name());
        }
        names.sort(null);
        String prefix = r.registryNamePrefix();
        List<RegistrySummary> all = new ArrayList<>();
        for (String n : names) {
            if (prefix != null && !n.startsWith(prefix)) continue;
            String arn = SchemasArns.registry(ctx.region(), ctx.accountId(), n);
            all.add(RegistrySummary.builder().registryName(n).registryArn(arn).tags(tags(ctx, arn)).build());
        }
        Pages.Page<RegistrySummary> page = Pages.of(all, r.nextToken(), r.limit());
        return ListRegistriesResponse.builder().registries(page.items()).nextToken(page.nextToken()).build();
    }

    // ---- schemas

    /** A schema's row as callers see it: stored, or generated for aws.events. */
    private Optional<Schema> findSchema(RequestContext ctx, String registry, String name) {
        if (AwsEventSchemas.REGISTRY.equals(registry)) {
            Version v = awsSchemas.get(name);
            return v == null ? Optional.empty() : Optional.of(new Schema(ctx.accountId(), ctx.region(), registry, name,
                    null, 2, v.createdAt()));
        }
        return repo.schema(ctx.accountId(), ctx.region(), registry, name);
    }

    private List<Schema> schemas(RequestContext ctx, String registry) {
        if (!AwsEventSchemas.REGISTRY.equals(registry)) return repo.schemas(ctx.accountId(), ctx.region(), registry);
        List<Schema> out = new ArrayList<>();
        awsSchemas.all().forEach((n, v) -> out.add(new Schema(ctx.accountId(), ctx.region(), registry, n, null, 2,
                v.createdAt())));
        return out;
    }

    List<Version> versions(RequestContext ctx, String registry, String schema) {
        if (AwsEventSchemas.REGISTRY.equals(registry)) {
            Version v = awsSchemas.get(schema);
            return v == null ? List.of() : List.of(v);
        }
        return repo.versions(ctx.accountId(), ctx.region(), registry, schema);
    }

    /** The version asked for (latest when null); NotFoundException for a missing registry, schema or version. */
    Version requireVersion(RequestContext ctx, String registry, String schema, String version) {
        requireRegistry(ctx, registry);
        Schema s = findSchema(ctx, registry, schema).orElseThrow(() -> SchemasErrors.schemaNotFound(registry, schema));
        if (version == null) {
            List<Version> all = versions(ctx, registry, s.name());
            if (all.isEmpty()) throw SchemasErrors.schemaNotFound(registry, schema);
            return all.get(all.size() - 1);
        }
        int n = versionNumber(version);
        if (AwsEventSchemas.REGISTRY.equals(registry)) {
            Version v = awsSchemas.get(schema);
            if (v.version() == n) return v;
            throw SchemasErrors.versionNotFound(schema, version);
        }
        return repo.version(ctx.accountId(), ctx.region(), registry, schema, n)
                .orElseThrow(() -> SchemasErrors.versionNotFound(schema, version));
    }

    static int versionNumber(String version) {
        try {
            int n = Integer.parseInt(version);
            if (n >= 1) return n;
        } catch (NumberFormatException e) {
            // fall through
        }
        throw SchemasErrors.badRequest("Invalid schema version '" + version + "'. A schema version is a positive integer.");
    }

    CreateSchemaResponse createSchema(RequestContext ctx, CreateSchemaRequest r) {
        writable(r.registryName());
        requireRegistry(ctx, r.registryName());
        SchemaContent.validate(r.typeAsString(), r.content());
        if (r.hasTags()) checkTags(r.tags());
        Version v = repo.addVersion(ctx.accountId(), ctx.region(), r.registryName(), r.schemaName(), r.description(),
                r.typeAsString(), r.content(), clock.instant(), true);
        if (v == null) {
            throw SchemasErrors.conflict("Schema with name '" + r.schemaName() + "' already exists in registry '"
                    + r.registryName() + "'.");
        }
        String arn = SchemasArns.schema(ctx.region(), ctx.accountId(), r.registryName(), r.schemaName());
        if (r.hasTags()) repo.tag(ctx.accountId(), ctx.region(), arn, r.tags());
        return CreateSchemaResponse.builder().schemaName(r.schemaName()).schemaArn(arn).description(r.description())
                .type(v.type()).schemaVersion(Integer.toString(v.version())).versionCreatedDate(v.createdAt())
                .lastModified(v.createdAt()).tags(tags(ctx, arn)).build();
    }

    UpdateSchemaResponse updateSchema(RequestContext ctx, UpdateSchemaRequest r) {
        writable(r.registryName());
        requireRegistry(ctx, r.registryName());
        Schema s = findSchema(ctx, r.registryName(), r.schemaName())
                .orElseThrow(() -> SchemasErrors.schemaNotFound(r.registryName(), r.schemaName()));
        Version latest = requireVersion(ctx, r.registryName(), r.schemaName(), null);
        String type = r.type() != null ? r.typeAsString() : latest.type();
        Instant now = clock.instant();
        Version v = latest;
        if (r.content() != null || r.type() != null) {
            String content = r.content() != null ? r.content() : latest.content();
            SchemaContent.validate(type, content);
            // Same document, same type: no new version (an update of the description only).
            if (!content.equals(latest.content()) || !type.equals(latest.type())) {
                v = repo.addVersion(ctx.accountId(), ctx.region(), r.registryName(), r.schemaName(), r.description(),
                        type, content, now, false);
            }
        }
        if (r.description() != null && v == latest) {
            repo.updateDescription(ctx.accountId(), ctx.region(), r.registryName(), r.schemaName(), r.description(), now);
        }
        String arn = SchemasArns.schema(ctx.region(), ctx.accountId(), r.registryName(), r.schemaName());
        Schema after = findSchema(ctx, r.registryName(), r.schemaName()).orElse(s);
        return UpdateSchemaResponse.builder().schemaName(r.schemaName()).schemaArn(arn).description(after.description())
                .type(v.type()).schemaVersion(Integer.toString(v.version())).versionCreatedDate(v.createdAt())
                .lastModified(after.modifiedAt()).tags(tags(ctx, arn)).build();
    }

    DescribeSchemaResponse describeSchema(RequestContext ctx, DescribeSchemaRequest r) {
        Version v = requireVersion(ctx, r.registryName(), r.schemaName(), r.schemaVersion());
        Schema s = findSchema(ctx, r.registryName(), r.schemaName()).orElseThrow();
        String arn = SchemasArns.schema(ctx.region(), ctx.accountId(), r.registryName(), r.schemaName());
        return DescribeSchemaResponse.builder().schemaName(s.name()).schemaArn(arn).description(s.description())
                .content(v.content()).type(v.type()).schemaVersion(Integer.toString(v.version()))
                .versionCreatedDate(v.createdAt()).lastModified(s.modifiedAt()).tags(tags(ctx, arn)).build();
    }

    ListSchemasResponse listSchemas(RequestContext ctx, ListSchemasRequest r) {
        requireRegistry(ctx, r.registryName());
        List<SchemaSummary> all = new ArrayList<>();
        for (Schema s : schemas(ctx, r.registryName())) {
            if (r.schemaNamePrefix() != null && !s.name().startsWith(r.schemaNamePrefix())) continue;
            String arn = SchemasArns.schema(ctx.region(), ctx.accountId(), r.registryName(), s.name());
            all.add(SchemaSummary.builder().schemaName(s.name()).schemaArn(arn).lastModified(s.modifiedAt())
                    .versionCount((long) versions(ctx, r.registryName(), s.name()).size()).tags(tags(ctx, arn)).build());
        }
        Pages.Page<SchemaSummary> page = Pages.of(all, r.nextToken(), r.limit());
        return ListSchemasResponse.builder().schemas(page.items()).nextToken(page.nextToken()).build();
    }

    ListSchemaVersionsResponse listSchemaVersions(RequestContext ctx, ListSchemaVersionsRequest r) {
        requireRegistry(ctx, r.registryName());
        findSchema(ctx, r.registryName(), r.schemaName())
                .orElseThrow(() -> SchemasErrors.schemaNotFound(r.registryName(), r.schemaName()));
        String arn = SchemasArns.schema(ctx.region(), ctx.accountId(), r.registryName(), r.schemaName());
        List<SchemaVersionSummary> all = new ArrayList<>();
        for (Version v : versions(ctx, r.registryName(), r.schemaName())) {
            all.add(SchemaVersionSummary.builder().schemaName(r.schemaName()).schemaArn(arn)
                    .schemaVersion(Integer.toString(v.version())).type(v.type()).build());
        }
        Pages.Page<SchemaVersionSummary> page = Pages.of(all, r.nextToken(), r.limit());
        return ListSchemaVersionsResponse.builder().schemaVersions(page.items()).nextToken(page.nextToken()).build();
    }

    DeleteSchemaResponse deleteSchema(RequestContext ctx, DeleteSchemaRequest r) {
        writable(r.registryName());
        requireRegistry(ctx, r.registryName());
        if (!repo.deleteSchema(ctx.accountId(), ctx.region(), r.registryName(), r.schemaName())) {
            throw SchemasErrors.schemaNotFound(r.registryName(), r.schemaName());
        }
        repo.dropTags(ctx.accountId(), ctx.region(),
                SchemasArns.schema(ctx.region(), ctx.accountId(), r.registryName(), r.schemaName()), null);
        return DeleteSchemaResponse.builder().build();
    }

    DeleteSchemaVersionResponse deleteSchemaVersion(RequestContext ctx, DeleteSchemaVersionRequest r) {
        writable(r.registryName());
        requireRegistry(ctx, r.registryName());
        findSchema(ctx, r.registryName(), r.schemaName())
                .orElseThrow(() -> SchemasErrors.schemaNotFound(r.registryName(), r.schemaName()));
        int n = versionNumber(r.schemaVersion());
        if (!repo.deleteVersion(ctx.accountId(), ctx.region(), r.registryName(), r.schemaName(), n)) {
            throw SchemasErrors.versionNotFound(r.schemaName(), r.schemaVersion());
        }
        if (repo.schema(ctx.accountId(), ctx.region(), r.registryName(), r.schemaName()).isEmpty()) {
            repo.dropTags(ctx.accountId(), ctx.region(),
                    SchemasArns.schema(ctx.region(), ctx.accountId(), r.registryName(), r.schemaName()), null);
        }
        return DeleteSchemaVersionResponse.builder().build();
    }

    /** Schemas whose name or description contains any of the space-separated keywords (case-insensitive). */
    SearchSchemasResponse searchSchemas(RequestContext ctx, SearchSchemasRequest r) {
        requireRegistry(ctx, r.registryName());
        if (r.keywords() == null || r.keywords().isBlank()) throw SchemasErrors.badRequest("Keywords must not be empty.");
        List<String> words = new ArrayList<>();
        for (String w : r.keywords().toLowerCase(Locale.ROOT).trim().split("\\s+")) words.add(w);
        List<SearchSchemaSummary> all = new ArrayList<>();
        for (Schema s : schemas(ctx, r.registryName())) {
            String text = (s.name() + " " + (s.description() == null ? "" : s.description())).toLowerCase(Locale.ROOT);
            if (words.stream().noneMatch(text::contains)) continue;
            List<SearchSchemaVersionSummary> versions = new ArrayList<>();
            for (Version v : versions(ctx, r.registryName(), s.name())) {
                versions.add(SearchSchemaVersionSummary.builder().schemaVersion(Integer.toString(v.version()))
                        .createdDate(v.createdAt()).type(v.type()).build());
            }
            all.add(SearchSchemaSummary.builder().registryName(r.registryName()).schemaName(s.name())
                    .schemaArn(SchemasArns.schema(ctx.region(), ctx.accountId(), r.registryName(), s.name()))
                    .schemaVersions(versions).build());
        }
        Pages.Page<SearchSchemaSummary> page = Pages.of(all, r.nextToken(), r.limit());
        return SearchSchemasResponse.builder().schemas(page.items()).nextToken(page.nextToken()).build();
    }

    ExportSchemaResponse exportSchema(RequestContext ctx, ExportSchemaRequest r) {
        String type = r.type();
        if (!SchemaContent.JSON_SCHEMA_DRAFT_4.equals(type) && !SchemaContent.OPEN_API_3.equals(type)) {
            throw SchemasErrors.badRequest("Invalid export type '" + type + "'. Valid types are: OpenApi3, JSONSchemaDraft4.");
        }
        Version v = requireVersion(ctx, r.registryName(), r.schemaName(), r.schemaVersion());
        String content = SchemaExport.convert(v.type(), type, v.content(), r.schemaName());
        return ExportSchemaResponse.builder().schemaName(r.schemaName()).schemaVersion(Integer.toString(v.version()))
                .type(type).content(content)
                .schemaArn(SchemasArns.schema(ctx.region(), ctx.accountId(), r.registryName(), r.schemaName())).build();
    }

    /** The OpenAPI 3 schema of a list of events (all of one source and detail type are merged into one). */
    GetDiscoveredSchemaResponse getDiscoveredSchema(RequestContext ctx, GetDiscoveredSchemaRequest r) {
        if (!SchemaContent.OPEN_API_3.equals(r.typeAsString())) {
            throw SchemasErrors.badRequest("Invalid type '" + r.typeAsString() + "'. Schemas are discovered as OpenApi3.");
        }
        if (!r.hasEvents() || r.events().isEmpty()) throw SchemasErrors.badRequest("Events must not be empty.");
        Shape merged = null;
        String source = null;
        String detailType = null;
        for (String text : r.events()) {
            JsonNode event;
            try {
                event = OpenApiDocs.JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw SchemasErrors.badRequest("Event is not valid JSON: " + e.getOriginalMessage());
            }
            if (event == null || !event.isObject() || !event.path("source").isTextual()
                    || !event.path("detail-type").isTextual() || !event.path("detail").isObject()) {
                throw SchemasErrors.badRequest("Each event must be a JSON object with 'source', 'detail-type' and a"
                        + " 'detail' object.");
            }
            if (source == null) {
                source = event.get("source").textValue();
                detailType = event.get("detail-type").textValue();
            } else if (!source.equals(event.get("source").textValue())
                    || !detailType.equals(event.get("detail-type").textValue())) {
                throw SchemasErrors.badRequest("All events must have the same 'source' and 'detail-type'.");
            }
            merged = ShapeInference.merge(merged, ShapeInference.infer(event));
        }
        return GetDiscoveredSchemaResponse.builder()
                .content(OpenApiDocs.render((Shape.Obj) merged, source, detailType).toString()).build();
    }

    // ---- resource policies (RegistryName absent: the account's policy)

    PutResourcePolicyResponse putResourcePolicy(RequestContext ctx, PutResourcePolicyRequest r) {
        String registry = policyKey(ctx, r.registryName());
        try {
            JsonNode doc = OpenApiDocs.JSON.readTree(r.policy());
            if (doc == null || !doc.isObject()) throw new IllegalArgumentException();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw SchemasErrors.badRequest("The policy is not a valid JSON policy document.");
        }
        Optional<Policy> current = repo.policy(ctx.accountId(), ctx.region(), registry);
        if (r.revisionId() != null && current.isPresent() && !r.revisionId().equals(current.get().revisionId())) {
            throw SchemasErrors.preconditionFailed("The revision id '" + r.revisionId()
                    + "' does not match the current revision of the policy.");
        }
        Policy p = new Policy(r.policy(), UUID.randomUUID().toString());
        repo.putPolicy(ctx.accountId(), ctx.region(), registry, p);
        return PutResourcePolicyResponse.builder().policy(p.policy()).revisionId(p.revisionId()).build();
    }

    GetResourcePolicyResponse getResourcePolicy(RequestContext ctx, GetResourcePolicyRequest r) {
        Policy p = repo.policy(ctx.accountId(), ctx.region(), policyKey(ctx, r.registryName()))
                .orElseThrow(() -> SchemasErrors.notFound("Resource policy does not exist."));
        return GetResourcePolicyResponse.builder().policy(p.policy()).revisionId(p.revisionId()).build();
    }

    DeleteResourcePolicyResponse deleteResourcePolicy(RequestContext ctx, DeleteResourcePolicyRequest r) {
        if (!repo.deletePolicy(ctx.accountId(), ctx.region(), policyKey(ctx, r.registryName()))) {
            throw SchemasErrors.notFound("Resource policy does not exist.");
        }
        return DeleteResourcePolicyResponse.builder().build();
    }

    private String policyKey(RequestContext ctx, String registry) {
        if (registry == null) return "";
        writable(registry);
        requireRegistry(ctx, registry);
        return registry;
    }

    // ---- tags

    /** Tag keys of 1 to 128 and values of up to 256 characters, at most 50 a resource (checked before writing). */
    static Map<String, String> checkTags(Map<String, String> tags) {
        if (tags.size() > 50) throw SchemasErrors.badRequest("A resource can have at most 50 tags.");
        for (Map.Entry<String, String> t : tags.entrySet()) {
            if (t.getKey() == null || t.getKey().isEmpty() || t.getKey().length() > 128) {
                throw SchemasErrors.badRequest("Invalid tag key '" + t.getKey() + "': a key has 1 to 128 characters.");
            }
            if (t.getValue() == null || t.getValue().length() > 256) {
                throw SchemasErrors.badRequest("Invalid value of tag '" + t.getKey() + "': a value has at most 256 characters.");
            }
        }
        return tags;
    }

    Map<String, String> tags(RequestContext ctx, String arn) {
        return repo.tags(ctx.accountId(), ctx.region(), arn);
    }

    TagResourceResponse tagResource(RequestContext ctx, TagResourceRequest r) {
        requireTaggable(ctx, r.resourceArn());
        if (r.hasTags()) repo.tag(ctx.accountId(), ctx.region(), r.resourceArn(), checkTags(r.tags()));
        return TagResourceResponse.builder().build();
    }

    UntagResourceResponse untagResource(RequestContext ctx, UntagResourceRequest r) {
        requireTaggable(ctx, r.resourceArn());
        if (r.hasTagKeys()) repo.untag(ctx.accountId(), ctx.region(), r.resourceArn(), r.tagKeys());
        return UntagResourceResponse.builder().build();
    }

    ListTagsForResourceResponse listTagsForResource(RequestContext ctx, ListTagsForResourceRequest r) {
        requireTaggable(ctx, r.resourceArn());
        return ListTagsForResourceResponse.builder().tags(tags(ctx, r.resourceArn())).build();
    }

    /** NotFoundException unless the ARN names an existing registry, schema or discoverer of the caller's account. */
    private void requireTaggable(RequestContext ctx, String arn) {
        dev.vigil.core.Arn a;
        try {
            a = dev.vigil.core.Arn.parse(arn);
        } catch (IllegalArgumentException e) {
            throw SchemasErrors.badRequest("Invalid resource ARN '" + arn + "'.");
        }
        if (!a.service().equals(SchemasArns.SERVICE)) throw SchemasErrors.badRequest("Invalid resource ARN '" + arn + "'.");
        boolean exists = false;
        if (a.accountId().equals(ctx.accountId()) && a.region().equals(ctx.region())) {
            String[] parts = a.resource().split("/", 3);
            if (parts[0].equals("registry") && parts.length == 2) {
                exists = !builtIn(parts[1]) && repo.registry(ctx.accountId(), ctx.region(), parts[1]).isPresent();
            } else if (parts[0].equals("schema") && parts.length == 3) {
                exists = !AwsEventSchemas.REGISTRY.equals(parts[1])
                        && repo.schema(ctx.accountId(), ctx.region(), parts[1], parts[2]).isPresent();
            } else if (parts[0].equals("discoverer") && parts.length == 2) {
                exists = repo.discoverer(ctx.accountId(), ctx.region(), parts[1]).isPresent();
            }
        }
        if (!exists) throw SchemasErrors.notFound("Resource '" + arn + "' does not exist.");
    }
}
