package dev.vigil.logs;

import java.util.List;
import java.util.Map;

/** A stored metric filter and its transformations. Immutable. */
public record MetricFilterDef(long groupId, String groupName, String name, String pattern,
                              List<Transformation> transformations, long creationTime, boolean applyOnTransformed) {

    /** One metric transformation: metricValue is a number or a selector ($.field, $field); defaultValue may be null. */
    public record Transformation(String metricName, String namespace, String metricValue, Double defaultValue,
                                 Map<String, String> dimensions, String unit) {}
}
