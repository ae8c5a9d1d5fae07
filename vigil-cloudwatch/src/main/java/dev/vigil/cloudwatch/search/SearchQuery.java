package dev.vigil.cloudwatch.search;

import dev.vigil.cloudwatch.MetricKey;
import java.util.Set;

/**
 * A parsed search expression's query: the optional metric schema {@code {Namespace, DimensionName, ...}} (a
 * metric must be in that namespace and have exactly those dimension names, so {@code {AWS/EC2,InstanceId}} finds
 * the per-instance metrics) and the SearchTerm. Immutable.
 *
 * @param namespace the schema's namespace, or null without a schema
 * @param dimensions the schema's dimension names (empty: metrics without dimensions), or null without a schema
 */
public record SearchQuery(String namespace, Set<String> dimensions, SearchTerm term) {
    public SearchQuery {
        dimensions = dimensions == null ? null : Set.copyOf(dimensions);
    }

    public boolean matches(MetricKey k) {
        if (namespace != null) {
            if (!namespace.equals(k.namespace()) || !dimensions.equals(k.dimensions().keySet())) return false;
        }
        return term.matches(k);
    }
}
