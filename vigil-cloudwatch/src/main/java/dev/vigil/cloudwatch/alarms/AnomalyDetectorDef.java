package dev.vigil.cloudwatch.alarms;

import java.util.List;

/**
 * A PutAnomalyDetector definition: a single metric with its statistic, or metric math queries; the excluded
 * time ranges and timezone of its Configuration; its periodic-spikes characteristic. Immutable.
 */
public record AnomalyDetectorDef(String key, String accountId, String namespace, String metricName,
                                 List<AlarmConfig.Dim> dimensions, String stat, List<AlarmConfig.Query> mathQueries,
                                 List<long[]> excludedRanges, String timezone, Boolean periodicSpikes) {
    public boolean isSingleMetric() { return mathQueries == null || mathQueries.isEmpty(); }
}
