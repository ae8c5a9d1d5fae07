package dev.vigil.logs;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.vigil.core.store.Database;
import dev.vigil.store.Dialect;
import dev.vigil.store.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@link ConfigStore} over logs_metric_filters, logs_resource_policies and logs_query_definitions. The limits
 * are checked under a lock (the group row for metric filters; for policies, the account's policy rows), so they
 * hold under concurrent calls. Thread-safe (stateless; connections per call).
 */
public final class JdbcConfigStore implements ConfigStore {
    private static final TypeReference<List<MetricFilterDef.Transformation>> TRANSFORMATIONS = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final String FILTER_COLUMNS = "f.group_id, g.group_name, f.filter_name, f.filter_pattern,"
            + " f.metric_transformations, f.creation_time, f.apply_on_transformed";

    private final Jdbc jdbc;
    private final String upsertFilter;
    private final String upsertPolicy;
    private final String upsertDefinition;

    public JdbcConfigStore(Database database) {
        this.jdbc = new Jdbc(database);
        Dialect d = Dialect.of(database.engine());
        this.upsertFilter = d.upsert("logs_metric_filters", List.of("group_id", "filter_name"),
                List.of("filter_pattern", "metric_transformations", "creation_time", "apply_on_transformed"));
        this.upsertPolicy = d.upsert("logs_resource_policies", List.of("account_id", "region", "scope_arn", "policy_name"),
                List.of("document", "last_updated", "revision_id"));
        this.upsertDefinition = d.upsert("logs_query_definitions", List.of("account_id", "region", "definition_id"),
                List.of("definition_name", "query_string", "log_group_names", "last_modified"));
    }

    private static MetricFilterDef filter(ResultSet rs) throws SQLException {
        return new MetricFilterDef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Json.readList(rs.getString(5), TRANSFORMATIONS), rs.getLong(6), rs.getBoolean(7));
    }

    @Override
    public boolean putMetricFilter(MetricFilterDef f, int max) {
        return jdbc.inTransaction(c -> {
            jdbc.query("SELECT group_id FROM logs_groups WHERE group_id = ? FOR UPDATE", rs -> rs.getLong(1), f.groupId());
            boolean exists = !jdbc.query("SELECT filter_name FROM logs_metric_filters WHERE group_id = ? AND filter_name = ?",
                    rs -> rs.getString(1), f.groupId(), f.name()).isEmpty();
            if (!exists && metricFilterCount(f.groupId()) >= max) return false;
            jdbc.update(upsertFilter, f.groupId(), f.name(), f.pattern(), Json.write(f.transformations()),
                    f.creationTime(), f.applyOnTransformed());
            return true;
        });
    }

    @Override
    public List<MetricFilterDef> metricFilters(long groupId) {
        return jdbc.query("SELECT " + FILTER_COLUMNS + " FROM logs_metric_filters f JOIN logs_groups g"
                + " ON g.group_id = f.group_id WHERE f.group_id = ? ORDER BY f.filter_name", JdbcConfigStore::filter, groupId);
    }

    @Override
    public List<MetricFilterDef> metricFilters(String accountId, String region) {
        return jdbc.query("SELECT " + FILTER_COLUMNS + " FROM logs_metric_filters f JOIN logs_groups g"
                + " ON g.group_id = f.group_id WHERE g.account_id = ? AND g.region = ? ORDER BY g.group_name, f.filter_name",
                JdbcConfigStore::filter, accountId, region);
    }

    @Override
    public boolean deleteMetricFilter(long groupId, String name) {
        return jdbc.update("DELETE FROM logs_metric_filters WHERE group_id = ? AND filter_name = ?", groupId, name) == 1;
    }

    @Override
    public int metricFilterCount(long groupId) {
        return jdbc.queryOne("SELECT COUNT(*) FROM logs_metric_filters WHERE group_id = ?", rs -> rs.getInt(1), groupId)
                .orElse(0);
    }

    private static ResourcePolicyDef policy(ResultSet rs) throws SQLException {
        return new ResourcePolicyDef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getLong(6), rs.getString(7));
    }

    private static final String POLICY_COLUMNS = "account_id, region, scope_arn, policy_name, document, last_updated,"
            + " revision_id";

    @Override
    public boolean putPolicy(ResourcePolicyDef p, int max) {
        return jdbc.inTransaction(c -> {
            List<String> names = jdbc.query("SELECT policy_name FROM logs_resource_policies WHERE account_id = ?"
                    + " AND region = ? AND scope_arn = ? FOR UPDATE", rs -> rs.getString(1), p.accountId(), p.region(),
                    p.scopeArn());
            if (!names.contains(p.name()) && names.size() >= max) return false;
            jdbc.update(upsertPolicy, p.accountId(), p.region(), p.scopeArn(), p.name(), p.document(), p.lastUpdated(),
                    p.revisionId());
            return true;
        });
    }

    @Override
    public List<ResourcePolicyDef> policies(String accountId, String region) {
        return jdbc.query("SELECT " + POLICY_COLUMNS + " FROM logs_resource_policies WHERE account_id = ? AND region = ?"
                + " ORDER BY scope_arn, policy_name", JdbcConfigStore::policy, accountId, region);
    }

    @Override
    public Optional<ResourcePolicyDef> policy(String accountId, String region, String scopeArn, String name) {
        return jdbc.queryOne("SELECT " + POLICY_COLUMNS + " FROM logs_resource_policies WHERE account_id = ?"
                + " AND region = ? AND scope_arn = ? AND policy_name = ?", JdbcConfigStore::policy, accountId, region,
                scopeArn, name);
    }

    @Override
    public boolean deletePolicy(String accountId, String region, String scopeArn, String name) {
        return jdbc.update("DELETE FROM logs_resource_policies WHERE account_id = ? AND region = ? AND scope_arn = ?"
                + " AND policy_name = ?", accountId, region, scopeArn, name) == 1;
    }

    @Override
    public void putQueryDefinition(QueryDefinitionDef d) {
        jdbc.update(upsertDefinition, d.accountId(), d.region(), d.id(), d.name(), d.queryString(),
                Json.write(d.logGroupNames()), d.lastModified());
    }

    @Override
    public List<QueryDefinitionDef> queryDefinitions(String accountId, String region) {
        return jdbc.query("SELECT account_id, region, definition_id, definition_name, query_string, log_group_names,"
                + " last_modified FROM logs_query_definitions WHERE account_id = ? AND region = ?"
                + " ORDER BY definition_name, definition_id", rs -> new QueryDefinitionDef(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Json.readList(rs.getString(6), STRINGS), rs.getLong(7)), accountId, region);
    }

    @Override
    public boolean deleteQueryDefinition(String accountId, String region, String id) {
        return jdbc.update("DELETE FROM logs_query_definitions WHERE account_id = ? AND region = ? AND definition_id = ?",
                accountId, region, id) == 1;
    }
}
