package dev.vigil.cloudwatch.alarms;

import java.time.Clock;
import java.util.List;
import java.util.SortedMap;

/**
 * Where ANOMALY_DETECTION_BAND in GetMetricData finds the detector of the metric it bands (its excluded time
 * ranges and timezone train the model). A band on a metric without a detector creates one, as AWS does when a
 * graph first shows a band. Implementations are bound to one account and region and are thread-safe.
 */
public interface BandDetectors {
    /** The single-metric detector of this metric and statistic, created if missing. */
    AnomalyDetectorDef detectorFor(String namespace, String metricName, SortedMap<String, String> dimensions,
                                   String stat);

    /** No detector store: every band is trained with the default configuration and nothing is created. */
    BandDetectors NONE = (namespace, metricName, dimensions, stat) ->
            AnomalyDetectors.singleMetric(namespace, metricName, dims(dimensions), stat);

    /** The detectors of {@code repo} for one account and region. */
    static BandDetectors of(AlarmRepository repo, String accountId, String region, Clock clock) {
        if (repo == null) return NONE;
        return (namespace, metricName, dimensions, stat) -> {
            AnomalyDetectorDef wanted = AnomalyDetectors.singleMetric(namespace, metricName, dims(dimensions), stat);
            for (AnomalyDetectorDef d : repo.detectors(accountId, region)) {
                if (d.key().equals(wanted.key())) return d;
            }
            // The store upserts by key, so two requests creating the same detector at once leave one.
            repo.putDetector(accountId, region, wanted, clock.millis());
            return wanted;
        };
    }

    private static List<AlarmConfig.Dim> dims(SortedMap<String, String> dimensions) {
        return dimensions.entrySet().stream().map(e -> new AlarmConfig.Dim(e.getKey(), e.getValue())).toList();
    }
}
