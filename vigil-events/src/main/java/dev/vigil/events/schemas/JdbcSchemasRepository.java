package dev.vigil.events.schemas;

import dev.vigil.core.store.Database;
import dev.vigil.events.schemas.SchemaRecords.CodeBinding;
import dev.vigil.events.schemas.SchemaRecords.Discoverer;
import dev.vigil.events.schemas.SchemaRecords.Policy;
import dev.vigil.events.schemas.SchemaRecords.Registry;
import dev.vigil.events.schemas.SchemaRecords.Schema;
import dev.vigil.events.schemas.SchemaRecords.Version;
import dev.vigil.store.Dialect;
import dev.vigil.store.Jdbc;
import dev.vigil.store.Rows;
import dev.vigil.store.StoreException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link SchemasRepository} over the sc_* tables. Version numbering runs in a transaction that locks the schema row
 * first. Thread-safe (stateless; connections per call).
 */
final class JdbcSchemasRepository implements SchemasRepository {
    private static final String VERSION_COLUMNS = "registry_name, schema_name, version_no, schema_type, content, created_at";
    private static final String DISCOVERER_COLUMNS = "account_id, region, discoverer_id, source_arn, description,"
            + " cross_account, state, created_at";

    private final Jdbc jdbc;
    private final String upsertBinding;
    private final String upsertPolicy;
    private final String upsertTag;

    JdbcSchemasRepository(Database database) {
        this.jdbc = new Jdbc(database);
        Dialect d = Dialect.of(database.engine());
        this.upsertBinding = d.upsert("sc_code_bindings",
                List.of("account_id", "region", "registry_name", "schema_name", "version_no", "language"),
                List.of("status", "source_zip", "created_at", "modified_at"));
        this.upsertPolicy = d.upsert("sc_policies", List.of("account_id", "region", "registry_name"),
                List.of("policy", "revision_id"));
        this.upsertTag = d.upsert("sc_tags", List.of("account_id", "region", "resource_arn", "tag_key"),
                List.of("tag_value"));
    }

    // ---- registries

    @Override
    public boolean createRegistry(Registry r) {
        return jdbc.insertUnique(
                "INSERT INTO sc_registries (account_id, region, registry_name, description, created_at)"
                + " VALUES (?, ?, ?, ?, ?)", r.accountId(), r.region(), r.name(), r.description(), r.createdAt());
    }

    @Override
    public Optional<Registry> registry(String account, String region, String name) {
        return jdbc.queryOne("SELECT registry_name, description, created_at FROM sc_registries"
                + " WHERE account_id = ? AND region = ? AND registry_name = ?",
                rs -> registry(account, region, rs), account, region, name);
    }

    @Override
    public List<Registry> registries(String account, String region) {
        return jdbc.query("SELECT registry_name, description, created_at FROM sc_registries"
                + " WHERE account_id = ? AND region = ? ORDER BY registry_name",
                rs -> registry(account, region, rs), account, region);
    }

    private static Registry registry(String account, String region, ResultSet rs) throws SQLException {
        return new Registry(account, region, rs.getString("registry_name"), rs.getString("description"),
                Rows.instant(rs, "created_at"));
    }

    @Override
    public boolean updateRegistry(String account, String region, String name, String description) {
        return jdbc.update("UPDATE sc_registries SET description = ? WHERE account_id = ? AND region = ?"
                + " AND registry_name = ?", description, account, region, name) > 0;
    }

    @Override
    public boolean deleteRegistry(String account, String region, String name) {
        return jdbc.inTransaction(c -> {
            for (String table : List.of("sc_code_bindings", "sc_versions", "sc_schemas", "sc_policies")) {
                jdbc.update("DELETE FROM " + table + " WHERE account_id = ? AND region = ? AND registry_name = ?",
                        account, region, name);
            }
            return jdbc.update("DELETE FROM sc_registries WHERE account_id = ? AND region = ? AND registry_name = ?",
                    account, region, name) > 0;
        });
    }

    // ---- schemas and versions

    @Override
    public Optional<Schema> schema(String account, String region, String registry, String name) {
        return jdbc.queryOne("SELECT registry_name, schema_name, description, next_version, modified_at FROM sc_schemas"
                + " WHERE account_id = ? AND region = ? AND registry_name = ? AND schema_name = ?",
                rs -> schema(account, region, rs), account, region, registry, name);
    }

    @Override
    public List<Schema> schemas(String account, String region, String registry) {
        return jdbc.query("SELECT registry_name, schema_name, description, next_version, modified_at FROM sc_schemas"
                + " WHERE account_id = ? AND region = ? AND registry_name = ? ORDER BY schema_name",
                rs -> schema(account, region, rs), account, region, registry);
    }

    private static Schema schema(String account, String region, ResultSet rs) throws SQLException {
        return new Schema(account, region, rs.getString("registry_name"), rs.getString("schema_name"),
                rs.getString("description"), rs.getInt("next_version"), Rows.instant(rs, "modified_at"));
    }

    @Override
    public List<Version> versions(String account, String region, String registry, String schema) {
        return jdbc.query("SELECT " + VERSION_COLUMNS + " FROM sc_versions WHERE account_id = ? AND region = ?"
                + " AND registry_name = ? AND schema_name = ? ORDER BY version_no", JdbcSchemasRepository::version,
                account, region, registry, schema);
    }

    @Override
    public Optional<Version> version(String account, String region, String registry, String schema, int version) {
        return jdbc.queryOne("SELECT " + VERSION_COLUMNS + " FROM sc_versions WHERE account_id = ? AND region = ?"
                + " AND registry_name = ? AND schema_name = ? AND version_no = ?", JdbcSchemasRepository::version,
                account, region, registry, schema, version);
    }

    @Override
    public Optional<Version> latest(String account, String region, String registry, String schema) {
        List<Version> v = jdbc.query("SELECT " + VERSION_COLUMNS + " FROM sc_versions WHERE account_id = ?"
                + " AND region = ? AND registry_name = ? AND schema_name = ? ORDER BY version_no DESC",
                JdbcSchemasRepository::version, account, region, registry, schema);
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    private static Version version(ResultSet rs) throws SQLException {
        return new Version(rs.getString("registry_name"), rs.getString("schema_name"), rs.getInt("version_no"),
                rs.getString("schema_type"), rs.getString("content"), Rows.instant(rs, "created_at"));
    }

    @Override
    public Version addVersion(String account, String region, String registry, String schema, String description,
                              String type, String content, Instant now, boolean mustCreate) {
        try {
            return jdbc.inTransaction(c -> {
                Optional<Integer> next = jdbc.queryOne("SELECT next_version FROM sc_schemas WHERE account_id = ?"
                        + " AND region = ? AND registry_name = ? AND schema_name = ? FOR UPDATE",
                        rs -> rs.getInt("next_version"), account, region, registry, schema);
                int number;
                if (next.isEmpty()) {
                    number = 1;
                    jdbc.update("INSERT INTO sc_schemas (account_id, region, registry_name, schema_name, description,"
                            + " next_version, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?)", account, region, registry,
                            schema, description, 2, now);
                } else {
                    if (mustCreate) return null;
                    number = next.get();
                    jdbc.update("UPDATE sc_schemas SET next_version = ?, modified_at = ?,"
                            + " description = COALESCE(?, description) WHERE account_id = ? AND region = ?"
                            + " AND registry_name = ? AND schema_name = ?", number + 1, now, description, account,
                            region, registry, schema);
                }
                jdbc.update("INSERT INTO sc_versions (account_id, region, registry_name, schema_name, version_no,"
                        + " schema_type, content, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", account, region,
                        registry, schema, number, type, content, now);
                return new Version(registry, schema, number, type, content, now);
            });
        } catch (StoreException e) {
            // Two first versions raced on the insert of the schema row: the loser sees the winner's schema.
            if (e.isUniqueViolation()) {
                if (mustCreate) return null;
                return addVersion(account, region, registry, schema, description, type, content, now, false);
            }
            throw e;
        }
    }

    @Override
    public void updateDescription(String account, String region, String registry, String schema, String description,
                                  Instant now) {
        jdbc.update("UPDATE sc_schemas SET description = ?, modified_at = ? WHERE account_id = ? AND region = ?"
                + " AND registry_name = ? AND schema_name = ?", description, now, account, region, registry, schema);
    }

    @Override
    public boolean deleteSchema(String account, String region, String registry, String schema) {
        return jdbc.inTransaction(c -> {
            for (String table : List.of("sc_code_bindings", "sc_versions")) {
                jdbc.update("DELETE FROM " + table + " WHERE account_id = ? AND region = ? AND registry_name = ?"
                        + " AND schema_name = ?", account, region, registry, schema);
            }
            return jdbc.update("DELETE FROM sc_schemas WHERE account_id = ? AND region = ? AND registry_name = ?"
                    + " AND schema_name = ?", account, region, registry, schema) > 0;
        });
    }

    @Override
    public boolean deleteVersion(String account, String region, String registry, String schema, int version) {
        return jdbc.inTransaction(c -> {
            jdbc.update("DELETE FROM sc_code_bindings WHERE account_id = ? AND region = ? AND registry_name = ?"
                    + " AND schema_name = ? AND version_no = ?", account, region, registry, schema, version);
            boolean gone = jdbc.update("DELETE FROM sc_versions WHERE account_id = ? AND region = ?"
                    + " AND registry_name = ? AND schema_name = ? AND version_no = ?", account, region, registry,
                    schema, version) > 0;
            if (gone && versions(account, region, registry, schema).isEmpty()) {
                jdbc.update("DELETE FROM sc_schemas WHERE account_id = ? AND region = ? AND registry_name = ?"
                        + " AND schema_name = ?", account, region, registry, schema);
            }
            return gone;
        });
    }

    // ---- code bindings

    @Override
    public Optional<CodeBinding> codeBinding(String account, String region, String registry, String schema,
                                             int version, String language) {
        return jdbc.queryOne("SELECT registry_name, schema_name, version_no, language, status, source_zip, created_at,"
                + " modified_at FROM sc_code_bindings WHERE account_id = ? AND region = ? AND registry_name = ?"
                + " AND schema_name = ? AND version_no = ? AND language = ?",
                rs -> new CodeBinding(rs.getString("registry_name"), rs.getString("schema_name"),
                        rs.getInt("version_no"), rs.getString("language"), rs.getString("status"),
                        rs.getBytes("source_zip"), Rows.instant(rs, "created_at"), Rows.instant(rs, "modified_at")),
                account, region, registry, schema, version, language);
    }

    @Override
    public void putCodeBinding(String account, String region, CodeBinding b) {
        jdbc.update(upsertBinding, account, region, b.registry(), b.schema(), b.version(), b.language(), b.status(),
                b.sourceZip(), b.createdAt(), b.modifiedAt());
    }

    // ---- discoverers

    @Override
    public boolean createDiscoverer(Discoverer d) {
        return jdbc.insertUnique("INSERT INTO sc_discoverers (" + DISCOVERER_COLUMNS + ")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                d.accountId(), d.region(), d.id(), d.sourceArn(), d.description(), d.crossAccount(), d.state(),
                d.createdAt());
    }

    @Override
    public Optional<Discoverer> discoverer(String account, String region, String id) {
        return jdbc.queryOne("SELECT " + DISCOVERER_COLUMNS + " FROM sc_discoverers WHERE account_id = ? AND region = ?"
                + " AND discoverer_id = ?", JdbcSchemasRepository::discoverer, account, region, id);
    }

    @Override
    public List<Discoverer> discoverers(String account, String region) {
        return jdbc.query("SELECT " + DISCOVERER_COLUMNS + " FROM sc_discoverers WHERE account_id = ? AND region = ?"
                + " ORDER BY discoverer_id", JdbcSchemasRepository::discoverer, account, region);
    }

    @Override
    public List<Discoverer> startedDiscoverers() {
        return jdbc.query("SELECT " + DISCOVERER_COLUMNS + " FROM sc_discoverers WHERE state = ?",
                JdbcSchemasRepository::discoverer, Discoverers.STARTED);
    }

    private static Discoverer discoverer(ResultSet rs) throws SQLException {
        return new Discoverer(rs.getString("account_id"), rs.getString("region"), rs.getString("discoverer_id"),
                rs.getString("source_arn"), rs.getString("description"), rs.getBoolean("cross_account"),
                rs.getString("state"), Rows.instant(rs, "created_at"));
    }

    @Override
    public void updateDiscoverer(Discoverer d) {
        jdbc.update("UPDATE sc_discoverers SET description = ?, cross_account = ?, state = ? WHERE account_id = ?"
                + " AND region = ? AND discoverer_id = ?", d.description(), d.crossAccount(), d.state(), d.accountId(),
                d.region(), d.id());
    }

    @Override
    public boolean deleteDiscoverer(String account, String region, String id) {
        return jdbc.update("DELETE FROM sc_discoverers WHERE account_id = ? AND region = ? AND discoverer_id = ?",
                account, region, id) > 0;
    }

    // ---- policies

    @Override
    public Optional<Policy> policy(String account, String region, String registry) {
        return jdbc.queryOne("SELECT policy, revision_id FROM sc_policies WHERE account_id = ? AND region = ?"
                + " AND registry_name = ?", rs -> new Policy(rs.getString("policy"), rs.getString("revision_id")),
                account, region, registry);
    }

    @Override
    public void putPolicy(String account, String region, String registry, Policy p) {
        jdbc.update(upsertPolicy, account, region, registry, p.policy(), p.revisionId());
    }

    @Override
    public boolean deletePolicy(String account, String region, String registry) {
        return jdbc.update("DELETE FROM sc_policies WHERE account_id = ? AND region = ? AND registry_name = ?",
                account, region, registry) > 0;
    }

    // ---- tags

    @Override
    public Map<String, String> tags(String account, String region, String arn) {
        Map<String, String> out = new LinkedHashMap<>();
        jdbc.query("SELECT tag_key, tag_value FROM sc_tags WHERE account_id = ? AND region = ? AND resource_arn = ?"
                + " ORDER BY tag_key", rs -> out.put(rs.getString("tag_key"), rs.getString("tag_value")),
                account, region, arn);
        return out;
    }

    @Override
    public void tag(String account, String region, String arn, Map<String, String> tags) {
        if (tags.isEmpty()) return;
        jdbc.inTransaction(c -> {
            for (Map.Entry<String, String> t : tags.entrySet()) {
                jdbc.update(upsertTag, account, region, arn, t.getKey(), t.getValue());
            }
            return null;
        });
    }

    @Override
    public void untag(String account, String region, String arn, List<String> keys) {
        for (String k : keys) {
            jdbc.update("DELETE FROM sc_tags WHERE account_id = ? AND region = ? AND resource_arn = ? AND tag_key = ?",
                    account, region, arn, k);
        }
    }

    @Override
    public void dropTags(String account, String region, String arn, String underPrefix) {
        jdbc.update("DELETE FROM sc_tags WHERE account_id = ? AND region = ? AND resource_arn = ?", account, region, arn);
        if (underPrefix != null) {
            jdbc.update("DELETE FROM sc_tags WHERE account_id = ? AND region = ? AND LEFT(resource_arn, ?) = ?",
                    account, region, underPrefix.length(), underPrefix);
        }
    }
}
