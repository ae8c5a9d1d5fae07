package dev.vigil.cloudwatch.alarms;

import static dev.vigil.cloudwatch.alarms.AlarmErrors.combination;
import static dev.vigil.cloudwatch.alarms.AlarmErrors.exclusive;
import static dev.vigil.cloudwatch.alarms.AlarmErrors.invalidValue;
import static dev.vigil.cloudwatch.alarms.AlarmErrors.required;
import static dev.vigil.cloudwatch.alarms.AlarmErrors.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.PutCompositeAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;

/**
 * Validates PutMetricAlarm and PutCompositeAlarm into an {@link AlarmConfig}, with AWS's errors for each wrong
 * combination: a metric xor metric math, Statistic xor ExtendedStatistic, Period 10, 20, 30 or a multiple of 60, the
 * evaluation range at most one day (seven days for periods of an hour or more), DatapointsToAlarm at most
 * EvaluationPeriods, Threshold for static thresholds and ThresholdMetricId for band operators, percentile-only
 * EvaluateLowSampleCountPercentile, and action ARNs. Stateless.
 */
final class AlarmRequests {
    static final int MAX_ACTIONS = 5;
    static final int MAX_METRICS = 10;
    private static final Set<String> TREAT = Set.of("breaching", "notBreaching", "ignore", "missing");
    private static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second",
            "None");
    private static final Pattern ID = Pattern.compile("[a-z][a-zA-Z0-9_]*");

    private AlarmRequests() {}

    static boolean validPeriod(Integer p) {
        return p != null && (p == 10 || p == 20 || p == 30 || (p > 0 && p % 60 == 0));
    }

    static AlarmConfig metricAlarm(PutMetricAlarmRequest r, String region, MetricSource metrics) {
        if (r.alarmName() == null) throw required("AlarmName");
        if (r.evaluationPeriods() == null) throw required("EvaluationPeriods");
        if (r.comparisonOperator() == null) throw required("ComparisonOperator");
        Comparison op = Comparison.of(r.comparisonOperatorAsString());
        if (op == null) {
            throw invalidValue("The value " + r.comparisonOperatorAsString() + " for parameter ComparisonOperator is not"
                    + " valid.");
        }
        boolean math = r.hasMetrics() && !r.metrics().isEmpty();
        boolean single = r.metricName() != null || r.namespace() != null || r.statistic() != null
                || r.extendedStatistic() != null || (r.hasDimensions() && !r.dimensions().isEmpty()) || r.period() != null
                || r.unit() != null;
        if (math && single) {
            throw combination("The parameters MetricName, Namespace, Statistic, ExtendedStatistic, Dimensions, Period"
                    + " and Unit cannot be used together with Metrics.");
        }
        if (!math && r.metricName() == null) throw combination("One of MetricName or Metrics must be specified.");
        String treat = r.treatMissingData();
        if (treat != null && !TREAT.contains(treat)) {
            throw invalidValue("The value " + treat + " for parameter TreatMissingData is not valid. Valid values:"
                    + " breaching, notBreaching, ignore, missing.");
        }
        int n = r.evaluationPeriods();
        Integer m = r.datapointsToAlarm();
        if (m != null && m > n) {
            throw validation("DatapointsToAlarm must be less than or equal to EvaluationPeriods");
        }
        List<AlarmConfig.Query> queries = null;
        List<AlarmConfig.Dim> dims = null;
        String statistic = null;
        String extended = null;
        int period;
        if (math) {
            if (r.metrics().size() > MAX_METRICS) {
                throw invalidValue("The collection Metrics must not have a size greater than " + MAX_METRICS + ".");
            }
            queries = queries(r.metrics(), metrics, "Metrics");
            long returning = queries.stream().filter(q -> !Boolean.FALSE.equals(q.returnData())).count();
            if (r.thresholdMetricId() == null && returning != 1) {
                throw validation("Exactly one element of the metrics list should return data.");
            }
            Integer p = null;
            for (AlarmConfig.Query q : queries) if (q.period() != null) p = p == null ? q.period() : p;
            period = p == null ? 60 : p;
        } else {
            if (r.namespace() == null) throw required("Namespace");
            if (r.period() == null) throw required("Period");
            if (r.statistic() != null && r.extendedStatistic() != null) throw exclusive("Statistic", "ExtendedStatistic");
            if (r.statistic() == null && r.extendedStatistic() == null) {
                throw combination("One of the parameters Statistic and ExtendedStatistic must be specified.");
            }
            statistic = r.statisticAsString();
            extended = r.extendedStatistic();
            if (statistic != null && !Set.of("SampleCount", "Average", "Sum", "Minimum", "Maximum").contains(statistic)) {
                throw invalidValue("The value " + statistic + " for parameter Statistic is not valid.");
            }
            if (extended != null && (!metrics.isStatistic(extended) || Set.of("SampleCount", "Average", "Sum",
                    "Minimum", "Maximum").contains(extended))) {
                throw invalidValue("The value " + extended + " for parameter ExtendedStatistic is not supported.");
            }
            if (r.unit() != null && !UNITS.contains(r.unitAsString())) {
                throw invalidValue("The value " + r.unitAsString() + " for parameter Unit is not valid.");
            }
            period = r.period();
            dims = dims(r.dimensions());
        }
        if (!validPeriod(period)) throw invalidValue("The parameter Period must be 10, 20, 30 or a multiple of 60.");
        long range = (long) period * n;
        long maxRange = period >= 3600 ? 7 * 86_400L : 86_400L;
        if (range > maxRange) {
            throw combination("The product of Period and EvaluationPeriods must not exceed " + maxRange + " seconds ("
                    + (maxRange == 86_400L ? "1 day" : "7 days") + ").");
        }
        if (op.isBand()) {
            if (r.thresholdMetricId() == null) {
                throw combination("ThresholdMetricId must be specified with ComparisonOperator " + op.name() + ".");
            }
            if (r.threshold() != null) throw exclusive("Threshold", "ThresholdMetricId");
            if (!math) throw combination("ThresholdMetricId can only be used with Metrics.");
            AlarmConfig.Query band = queries.stream().filter(q -> q.id().equals(r.thresholdMetricId())).findFirst()
                    .orElseThrow(() -> validation("ThresholdMetricId " + r.thresholdMetricId()
                            + " does not match the Id of any metric in the Metrics list."));
            if (band.expression() == null || !band.expression().trim().startsWith("ANOMALY_DETECTION_BAND")) {
                throw validation("The ThresholdMetricId must refer to an ANOMALY_DETECTION_BAND expression.");
            }
            // The band and the metric it bands both return data.
            if (queries.stream().filter(q -> !Boolean.FALSE.equals(q.returnData())).count() != 2) {
                throw validation("Exactly two elements of the metrics list should return data.");
            }
        } else {
            if (r.thresholdMetricId() != null) {
                throw combination("ThresholdMetricId can only be used with the anomaly detection comparison operators.");
            }
            if (r.threshold() == null) throw required("Threshold");
        }
        String lowSample = r.evaluateLowSampleCountPercentile();
        if (lowSample != null) {
            if (!lowSample.equals("evaluate") && !lowSample.equals("ignore")) {
                throw invalidValue("The value " + lowSample + " for parameter EvaluateLowSampleCountPercentile is not"
                        + " valid. Valid values: evaluate, ignore.");
            }
            if (extended == null || !extended.matches("p\\d+(\\.\\d+)?")) {
                throw combination("EvaluateLowSampleCountPercentile can only be used with a percentile ExtendedStatistic.");
            }
        }
        List<String> ok = actions(r.okActions(), "OKActions", region, false);
        List<String> alarm = actions(r.alarmActions(), "AlarmActions", region, false);
        List<String> insufficient = actions(r.insufficientDataActions(), "InsufficientDataActions", region, false);
        List<Ec2Actions.Monitored> monitored = new ArrayList<>();
        if (math) {
            for (AlarmConfig.Query q : queries) if (q.isMetric()) monitored.add(new Ec2Actions.Monitored(q.namespace(), q.metricName(), q.dimensions()));
        } else {
            monitored.add(new Ec2Actions.Monitored(r.namespace(), r.metricName(), dims));
        }
        for (List<String> l : List.of(ok, alarm, insufficient)) Ec2Actions.check(l, monitored);
        return new AlarmConfig(AlarmConfig.METRIC, r.alarmDescription(), r.actionsEnabled() == null || r.actionsEnabled(),
                ok, alarm, insufficient, r.namespace(), r.metricName(), dims, statistic, extended,
                r.unit() == null ? null : r.unitAsString(), math ? null : period, n, m, r.threshold(),
                op.name(), treat, lowSample, r.thresholdMetricId(), queries, null, null, null, null);
    }

    static AlarmConfig compositeAlarm(PutCompositeAlarmRequest r, String region) {
        if (r.alarmName() == null) throw required("AlarmName");
        if (r.alarmRule() == null) throw required("AlarmRule");
        try {
            AlarmRule.parse(r.alarmRule());
        } catch (AlarmRule.RuleException e) {
            throw invalidValue(e.getMessage());
        }
        boolean periods = r.actionsSuppressorWaitPeriod() != null || r.actionsSuppressorExtensionPeriod() != null;
        if (r.actionsSuppressor() == null && periods) {
            throw combination("ActionsSuppressorWaitPeriod and ActionsSuppressorExtensionPeriod can only be used with"
                    + " ActionsSuppressor.");
        }
        if (r.actionsSuppressor() != null) {
            if (r.actionsSuppressorWaitPeriod() == null) throw required("ActionsSuppressorWaitPeriod");
            if (r.actionsSuppressorExtensionPeriod() == null) throw required("ActionsSuppressorExtensionPeriod");
            if (r.actionsSuppressorWaitPeriod() < 0 || r.actionsSuppressorExtensionPeriod() < 0) {
                throw invalidValue("ActionsSuppressorWaitPeriod and ActionsSuppressorExtensionPeriod must not be negative.");
            }
        }
        return new AlarmConfig(AlarmConfig.COMPOSITE, r.alarmDescription(), r.actionsEnabled() == null || r.actionsEnabled(),
                actions(r.okActions(), "OKActions", region, true), actions(r.alarmActions(), "AlarmActions", region, true),
                actions(r.insufficientDataActions(), "InsufficientDataActions", region, true), null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, r.alarmRule(), r.actionsSuppressor(),
                r.actionsSuppressorWaitPeriod(), r.actionsSuppressorExtensionPeriod());
    }

    private static List<String> actions(List<String> arns, String parameter, String region, boolean composite) {
        if (arns == null) return List.of();
        if (arns.size() > MAX_ACTIONS) {
            throw invalidValue("The collection " + parameter + " must not have a size greater than " + MAX_ACTIONS + ".");
        }
        List<String> out = new ArrayList<>();
        for (String arn : arns) {
            String kind = ActionArns.kind(arn);
            if (kind == null) throw validation("Invalid arn syntax: " + arn);
            if (composite && !Set.of("sns", "ssm", "lambda").contains(kind)) {
                throw validation("Composite alarms support only SNS, Lambda and Systems Manager actions: " + arn);
            }
            if (kind.equals("ec2") && !region.equals(ActionArns.region(arn))) {
                throw validation("Invalid region " + ActionArns.region(arn) + " specified. Only " + region
                        + " is supported.");
            }
            if (!out.contains(arn)) out.add(arn);
        }
        return out;
    }

    static List<AlarmConfig.Dim> dims(List<Dimension> dimensions) {
        List<AlarmConfig.Dim> out = new ArrayList<>();
        if (dimensions == null) return out;
        Set<String> names = new HashSet<>();
        for (Dimension d : dimensions) {
            if (d.name() == null) throw required("Dimensions.member.N.Name");
            if (d.value() == null) throw required("Dimensions.member.N.Value");
            if (!names.add(d.name())) {
                throw invalidValue("No metric name or dimension name may be repeated: " + d.name() + ".");
            }
            out.add(new AlarmConfig.Dim(d.name(), d.value()));
        }
        return out;
    }

    static List<Dimension> sdkDims(List<AlarmConfig.Dim> dims) {
        if (dims == null) return List.of();
        return dims.stream().map(d -> Dimension.builder().name(d.name()).value(d.value()).build()).toList();
    }

    static List<AlarmConfig.Query> queries(List<MetricDataQuery> list, MetricSource metrics, String parameter) {
        List<AlarmConfig.Query> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            MetricDataQuery q = list.get(i);
            String p = parameter + ".member." + (i + 1);
            if (q.id() == null) throw required(p + ".Id");
            if (!ID.matcher(q.id()).matches()) {
                throw validation("The value " + q.id() + " for parameter " + p + ".Id is not valid: it must start with a"
                        + " lowercase letter and contain only letters, digits and underscores.");
            }
            if (!ids.add(q.id())) throw validation("The Id " + q.id() + " is used more than once in " + parameter + ".");
            if ((q.expression() == null) == (q.metricStat() == null)) {
                throw validation("Exactly one of MetricStat and Expression must be specified for " + p + ".");
            }
            if (q.metricStat() != null) {
                var s = q.metricStat();
                if (s.metric() == null || s.metric().metricName() == null || s.metric().namespace() == null) {
                    throw required(p + ".MetricStat.Metric");
                }
                if (s.period() == null) throw required(p + ".MetricStat.Period");
                if (!validPeriod(s.period())) {
                    throw invalidValue("The parameter " + p + ".MetricStat.Period must be 10, 20, 30 or a multiple of 60.");
                }
                if (!metrics.isStatistic(s.stat())) {
                    throw invalidValue("The value " + s.stat() + " for parameter " + p + ".MetricStat.Stat is not supported.");
                }
                out.add(new AlarmConfig.Query(q.id(), null, q.label(), q.returnData(), s.period(), q.accountId(),
                        s.metric().namespace(), s.metric().metricName(), dims(s.metric().dimensions()), s.stat(),
                        s.unit() == null ? null : s.unitAsString()));
            } else {
                if (q.period() != null && !validPeriod(q.period())) {
                    throw invalidValue("The parameter " + p + ".Period must be 10, 20, 30 or a multiple of 60.");
                }
                out.add(new AlarmConfig.Query(q.id(), q.expression(), q.label(), q.returnData(), q.period(), q.accountId(),
                        null, null, null, null, null));
            }
        }
        return out;
    }
}
