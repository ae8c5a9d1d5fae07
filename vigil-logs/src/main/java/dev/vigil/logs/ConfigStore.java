package dev.vigil.logs;

import java.util.List;
import java.util.Optional;

/** Metric filters, resource policies and query definitions. Implementations are thread-safe. */
public interface ConfigStore {

    /** Creates or replaces the filter unless that would make more than {@code max} in its group; false then. */
    boolean putMetricFilter(MetricFilterDef filter, int max);

    List<MetricFilterDef> metricFilters(long groupId);

    /** Every metric filter of an account and region, by group name then filter name. */
    List<MetricFilterDef> metricFilters(String accountId, String region);

    boolean deleteMetricFilter(long groupId, String name);

    int metricFilterCount(long groupId);

    /** Creates or replaces unless a new policy would make more than {@code max} in its scope; false then. */
    boolean putPolicy(ResourcePolicyDef policy, int max);

    List<ResourcePolicyDef> policies(String accountId, String region);

    Optional<ResourcePolicyDef> policy(String accountId, String region, String scopeArn, String name);

    boolean deletePolicy(String accountId, String region, String scopeArn, String name);

    void putQueryDefinition(QueryDefinitionDef definition);

    List<QueryDefinitionDef> queryDefinitions(String accountId, String region);

    boolean deleteQueryDefinition(String accountId, String region, String id);
}
