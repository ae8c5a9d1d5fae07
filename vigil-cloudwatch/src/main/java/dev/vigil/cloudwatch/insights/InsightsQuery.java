package dev.vigil.cloudwatch.insights;

import java.util.List;
import java.util.Set;

/**
 * A parsed Metrics Insights query. Immutable.
 *
 * @param function   AVG, COUNT, MAX, MIN or SUM: how the matched observations of each period are aggregated
 * @param metricName the metric queried
 * @param namespace  the namespace (FROM namespace, or SCHEMA's first argument)
 * @param schema     SCHEMA's label keys (the exact dimension set a metric must have), or null for FROM namespace
 * @param where      the WHERE condition, or null
 * @param groupBy    GROUP BY label keys, empty without GROUP BY
 * @param orderBy    ORDER BY function, or null
 * @param descending ORDER BY ... DESC
 * @param limit      LIMIT, or null
 */
public record InsightsQuery(Aggregate function, String metricName, String namespace, Set<String> schema,
                            Condition where, List<String> groupBy, Aggregate orderBy, boolean descending,
                            Integer limit) {
    public InsightsQuery {
        schema = schema == null ? null : Set.copyOf(schema);
        groupBy = List.copyOf(groupBy);
    }

    /** The functions SELECT and ORDER BY take. */
    public enum Aggregate { AVG, COUNT, MAX, MIN, SUM }
}
