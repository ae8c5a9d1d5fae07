package dev.vigil.cloudwatch.alarms;

import java.util.List;

/**
 * An alarm's configuration as PutMetricAlarm / PutCompositeAlarm accepted it (validated), stored as one JSON
 * document: metric alarms carry the metric (or the metric math {@code metrics}), composite alarms the rule and
 * the actions suppressor. Immutable.
 */
public record AlarmConfig(
        String type,
        String description,
        boolean actionsEnabled,
        List<String> okActions,
        List<String> alarmActions,
        List<String> insufficientDataActions,
        String namespace,
        String metricName,
        List<Dim> dimensions,
        String statistic,
        String extendedStatistic,
        String unit,
        Integer period,
        Integer evaluationPeriods,
        Integer datapointsToAlarm,
        Double threshold,
        String comparisonOperator,
        String treatMissingData,
        String evaluateLowSampleCountPercentile,
        String thresholdMetricId,
        List<Query> metrics,
        String alarmRule,
        String actionsSuppressor,
        Integer suppressorWaitPeriod,
        Integer suppressorExtensionPeriod) {

    public static final String METRIC = "MetricAlarm";
    public static final String COMPOSITE = "CompositeAlarm";

    /** A dimension, in the order the alarm was given. */
    public record Dim(String name, String value) {}

    /** One MetricDataQuery of a metric math or anomaly detection alarm. */
    public record Query(String id, String expression, String label, Boolean returnData, Integer period,
                        String accountId, String namespace, String metricName, List<Dim> dimensions, String stat,
                        String unit) {
        public boolean isMetric() { return expression == null; }
    }

    public boolean isComposite() { return COMPOSITE.equals(type); }

    public AlarmConfig withActionsEnabled(boolean enabled) {
        return new AlarmConfig(type, description, enabled, okActions, alarmActions, insufficientDataActions, namespace,
                metricName, dimensions, statistic, extendedStatistic, unit, period, evaluationPeriods, datapointsToAlarm,
                threshold, comparisonOperator, treatMissingData, evaluateLowSampleCountPercentile, thresholdMetricId,
                metrics, alarmRule, actionsSuppressor, suppressorWaitPeriod, suppressorExtensionPeriod);
    }

    public boolean isMathAlarm() { return metrics != null && !metrics.isEmpty(); }

    /** The actions run on entering {@code state}. */
    public List<String> actionsFor(String state) {
        return switch (state) {
            case "ALARM" -> alarmActions;
            case "OK" -> okActions;
            default -> insufficientDataActions;
        };
    }

    /** The period the alarm is evaluated on: its own, or its math queries' (the returned one's). */
    public int evaluationPeriod() {
        if (period != null) return period;
        if (metrics != null) {
            for (Query q : metrics) if (q.period() != null) return q.period();
        }
        return 60;
    }

    public int effectiveDatapointsToAlarm() {
        return datapointsToAlarm == null ? evaluationPeriods : datapointsToAlarm;
    }

    /**
     * TreatMissingData as evaluated: missing by default; AWS/DynamoDB alarms always ignore missing data whatever
     * they chose (PutMetricAlarm's TreatMissingData documentation).
     */
    public String effectiveTreatMissingData() {
        if ("AWS/DynamoDB".equals(namespace)) return "ignore";
        return treatMissingData == null ? "missing" : treatMissingData;
    }
}
