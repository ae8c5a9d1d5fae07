package dev.vigil.events.schemas;

import dev.vigil.events.schemas.SchemaRecords.CodeBinding;
import dev.vigil.events.schemas.SchemaRecords.Discoverer;
import dev.vigil.events.schemas.SchemaRecords.Policy;
import dev.vigil.events.schemas.SchemaRecords.Registry;
import dev.vigil.events.schemas.SchemaRecords.Schema;
import dev.vigil.events.schemas.SchemaRecords.Version;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Schema Registry's store (DESIGN §4): registries, schemas and versions, code bindings, discoverers, policies, tags. */
interface SchemasRepository {

    /** False when the registry exists already. */
    boolean createRegistry(Registry r);

    Optional<Registry> registry(String account, String region, String name);

    /** Sorted by name. */
    List<Registry> registries(String account, String region);

    boolean updateRegistry(String account, String region, String name, String description);

    /** Deletes the registry with its schemas, versions, code bindings and policy; false when it did not exist. */
    boolean deleteRegistry(String account, String region, String name);

    Optional<Schema> schema(String account, String region, String registry, String name);

    /** Sorted by name. */
    List<Schema> schemas(String account, String region, String registry);

    /** Versions in ascending order. */
    List<Version> versions(String account, String region, String registry, String schema);

    Optional<Version> version(String account, String region, String registry, String schema, int version);

    Optional<Version> latest(String account, String region, String registry, String schema);

    /**
     * Adds a version (the first one creates the schema) in one transaction that locks the schema row, so concurrent
     * writers get consecutive numbers. With {@code mustCreate} an existing schema is left alone and null answered.
     * A null {@code description} keeps the current one.
     */
    Version addVersion(String account, String region, String registry, String schema, String description, String type,
                       String content, Instant now, boolean mustCreate);

    void updateDescription(String account, String region, String registry, String schema, String description, Instant now);

    boolean deleteSchema(String account, String region, String registry, String schema);

    /** Deletes one version; the schema goes with its last version. False when the version did not exist. */
    boolean deleteVersion(String account, String region, String registry, String schema, int version);

    Optional<CodeBinding> codeBinding(String account, String region, String registry, String schema, int version,
                                      String language);

    void putCodeBinding(String account, String region, CodeBinding b);

    boolean createDiscoverer(Discoverer d);

    Optional<Discoverer> discoverer(String account, String region, String id);

    List<Discoverer> discoverers(String account, String region);

    /** Every STARTED discoverer of every account (the discovery cache is rebuilt from this). */
    List<Discoverer> startedDiscoverers();

    void updateDiscoverer(Discoverer d);

    boolean deleteDiscoverer(String account, String region, String id);

    Optional<Policy> policy(String account, String region, String registry);

    void putPolicy(String account, String region, String registry, Policy p);

    boolean deletePolicy(String account, String region, String registry);

    Map<String, String> tags(String account, String region, String arn);

    void tag(String account, String region, String arn, Map<String, String> tags);

    void untag(String account, String region, String arn, List<String> keys);

    /** Drops the tags of {@code arn} and, unless null, of every ARN starting with {@code underPrefix}. */
    void dropTags(String account, String region, String arn, String underPrefix);
}
