package dev.vigil.cloudwatch.alarms;

import static dev.vigil.cloudwatch.alarms.AlarmErrors.combination;
import static dev.vigil.cloudwatch.alarms.AlarmErrors.invalidValue;
import static dev.vigil.cloudwatch.alarms.AlarmErrors.required;

import dev.vigil.core.RequestContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.cloudwatch.model.*;

/**
 * The read operations on alarms: DescribeAlarms (names, prefix, state, action prefix, types, children and parents
 * of a composite alarm, pagination by name), DescribeAlarmsForMetric and DescribeAlarmHistory. Thread-safe
 * (stateless).
 */
final class AlarmDescriptions {
    static final int DEFAULT_RECORDS = 50;
    static final int MAX_HISTORY = 100;

    private final AlarmRepository repo;

    AlarmDescriptions(AlarmRepository repo) {
        this.repo = repo;
    }

    DescribeAlarmsResponse describeAlarms(RequestContext ctx, DescribeAlarmsRequest r) {
        boolean relatives = r.childrenOfAlarmName() != null || r.parentsOfAlarmName() != null;
        boolean others = r.hasAlarmNames() || r.alarmNamePrefix() != null || r.stateValue() != null
                || r.actionPrefix() != null || r.hasAlarmTypes();
        if (r.childrenOfAlarmName() != null && r.parentsOfAlarmName() != null) {
            throw AlarmErrors.exclusive("ChildrenOfAlarmName", "ParentsOfAlarmName");
        }
        if (relatives && others) {
            throw combination("With ChildrenOfAlarmName or ParentsOfAlarmName, only MaxRecords and NextToken may be"
                    + " specified.");
        }
        if (r.hasAlarmNames() && r.alarmNamePrefix() != null) throw AlarmErrors.exclusive("AlarmNames", "AlarmNamePrefix");
        int max = r.maxRecords() == null ? DEFAULT_RECORDS : r.maxRecords();
        String after = AlarmTokens.decode(r.nextToken(), "alarms");
        List<Alarm> all = repo.list(ctx.accountId(), ctx.region());
        Set<String> types = new LinkedHashSet<>(r.hasAlarmTypes() ? r.alarmTypesAsStrings() : List.of(AlarmConfig.METRIC));
        if (relatives) types = Set.of(AlarmConfig.METRIC, AlarmConfig.COMPOSITE);
        Set<String> names = null;
        if (r.hasAlarmNames()) names = new LinkedHashSet<>(r.alarmNames());
        if (r.childrenOfAlarmName() != null) {
            names = new LinkedHashSet<>();
            for (Alarm a : all) {
                if (a.name().equals(r.childrenOfAlarmName()) && a.config().isComposite()) {
                    names.addAll(AlarmRule.parse(a.config().alarmRule()).names(ctx.accountId(), ctx.region()));
                }
            }
        }
        if (r.parentsOfAlarmName() != null) {
            names = new LinkedHashSet<>();
            String childArn = Alarm.arn(ctx.accountId(), ctx.region(), r.parentsOfAlarmName());
            for (Alarm a : all) {
                if (!a.config().isComposite()) continue;
                Set<String> refs = AlarmRule.parse(a.config().alarmRule()).references();
                if (refs.contains(r.parentsOfAlarmName()) || refs.contains(childArn)) names.add(a.name());
            }
        }
        List<MetricAlarm> metricAlarms = new ArrayList<>();
        List<CompositeAlarm> composites = new ArrayList<>();
        String last = null;
        int count = 0;
        boolean more = false;
        for (Alarm a : all) {
            if (after != null && a.name().compareTo(after) <= 0) continue;
            if (!types.contains(a.config().type())) continue;
            if (names != null && !names.contains(a.name())) continue;
            if (r.alarmNamePrefix() != null && !a.name().startsWith(r.alarmNamePrefix())) continue;
            if (r.stateValue() != null && !r.stateValueAsString().equals(a.state())) continue;
            if (r.actionPrefix() != null && !hasActionPrefix(a.config(), r.actionPrefix())) continue;
            if (count == max) {
                more = true;
                break;
            }
            if (a.config().isComposite()) composites.add(composite(a));
            else metricAlarms.add(metricAlarm(a));
            last = a.name();
            count++;
        }
        DescribeAlarmsResponse.Builder out = DescribeAlarmsResponse.builder().metricAlarms(metricAlarms)
                .compositeAlarms(composites);
        if (more) out.nextToken(AlarmTokens.encode(last, "alarms"));
        return out.build();
    }

    private static boolean hasActionPrefix(AlarmConfig c, String prefix) {
        for (List<String> l : List.of(c.okActions(), c.alarmActions(), c.insufficientDataActions())) {
            if (l != null && l.stream().anyMatch(x -> x.startsWith(prefix))) return true;
        }
        return false;
    }

    static MetricAlarm metricAlarm(Alarm a) {
        AlarmConfig c = a.config();
        MetricAlarm.Builder b = MetricAlarm.builder().alarmName(a.name()).alarmArn(a.arn()).alarmDescription(c.description())
                .alarmConfigurationUpdatedTimestamp(Instant.ofEpochMilli(a.configUpdated()))
                .actionsEnabled(c.actionsEnabled()).okActions(c.okActions()).alarmActions(c.alarmActions())
                .insufficientDataActions(c.insufficientDataActions()).stateValue(a.state()).stateReason(a.stateReason())
                .stateReasonData(a.stateReasonData()).stateUpdatedTimestamp(Instant.ofEpochMilli(a.stateUpdated()))
                .stateTransitionedTimestamp(Instant.ofEpochMilli(a.stateTransitioned()))
                .evaluationPeriods(c.evaluationPeriods()).datapointsToAlarm(c.datapointsToAlarm()).threshold(c.threshold())
                .comparisonOperator(c.comparisonOperator()).treatMissingData(c.treatMissingData())
                .evaluateLowSampleCountPercentile(c.evaluateLowSampleCountPercentile())
                .thresholdMetricId(c.thresholdMetricId()).evaluationState(a.evaluationState());
        if (c.isMathAlarm()) {
            b.metrics(c.metrics().stream().map(q -> AlarmEvaluator.query(q, !Boolean.FALSE.equals(q.returnData()))
                    .toBuilder().returnData(q.returnData()).accountId(q.accountId()).build()).toList());
        } else {
            b.metricName(c.metricName()).namespace(c.namespace()).statistic(c.statistic())
                    .extendedStatistic(c.extendedStatistic()).dimensions(AlarmRequests.sdkDims(c.dimensions()))
                    .period(c.period()).unit(c.unit());
        }
        return b.build();
    }

    static CompositeAlarm composite(Alarm a) {
        AlarmConfig c = a.config();
        return CompositeAlarm.builder().alarmName(a.name()).alarmArn(a.arn()).alarmDescription(c.description())
                .alarmConfigurationUpdatedTimestamp(Instant.ofEpochMilli(a.configUpdated()))
                .actionsEnabled(c.actionsEnabled()).okActions(c.okActions()).alarmActions(c.alarmActions())
                .insufficientDataActions(c.insufficientDataActions()).alarmRule(c.alarmRule()).stateValue(a.state())
                .stateReason(a.stateReason()).stateReasonData(a.stateReasonData())
                .stateUpdatedTimestamp(Instant.ofEpochMilli(a.stateUpdated()))
                .stateTransitionedTimestamp(Instant.ofEpochMilli(a.stateTransitioned()))
                .actionsSuppressedBy(a.suppressedBy()).actionsSuppressedReason(a.suppressedReason())
                .actionsSuppressor(c.actionsSuppressor()).actionsSuppressorWaitPeriod(c.suppressorWaitPeriod())
                .actionsSuppressorExtensionPeriod(c.suppressorExtensionPeriod()).build();
    }

    DescribeAlarmsForMetricResponse describeAlarmsForMetric(RequestContext ctx, DescribeAlarmsForMetricRequest r) {
        if (r.metricName() == null) throw required("MetricName");
        if (r.namespace() == null) throw required("Namespace");
        if (r.statistic() != null && r.extendedStatistic() != null) throw AlarmErrors.exclusive("Statistic", "ExtendedStatistic");
        List<AlarmConfig.Dim> dims = r.hasDimensions() ? AlarmRequests.dims(r.dimensions()) : null;
        List<MetricAlarm> out = new ArrayList<>();
        for (Alarm a : repo.list(ctx.accountId(), ctx.region())) {
            AlarmConfig c = a.config();
            if (c.isComposite()) continue;
            boolean match;
            if (c.isMathAlarm()) {
                match = c.metrics().stream().anyMatch(q -> q.isMetric() && r.metricName().equals(q.metricName())
                        && r.namespace().equals(q.namespace()) && (dims == null || sameDims(dims, q.dimensions()))
                        && (r.period() == null || r.period().equals(q.period()))
                        && (r.statistic() == null || r.statisticAsString().equals(q.stat()))
                        && (r.extendedStatistic() == null || r.extendedStatistic().equals(q.stat())));
            } else {
                match = r.metricName().equals(c.metricName()) && r.namespace().equals(c.namespace())
                        && (dims == null || sameDims(dims, c.dimensions()))
                        && (r.period() == null || r.period().equals(c.period()))
                        && (r.statistic() == null || r.statisticAsString().equals(c.statistic()))
                        && (r.extendedStatistic() == null || r.extendedStatistic().equals(c.extendedStatistic()))
                        && (r.unit() == null || r.unitAsString().equals(c.unit()));
            }
            if (match) out.add(metricAlarm(a));
        }
        return DescribeAlarmsForMetricResponse.builder().metricAlarms(out).build();
    }

    private static boolean sameDims(List<AlarmConfig.Dim> a, List<AlarmConfig.Dim> b) {
        return new java.util.HashSet<>(a).equals(new java.util.HashSet<>(b == null ? List.of() : b));
    }


    DescribeAlarmHistoryResponse describeAlarmHistory(RequestContext ctx, DescribeAlarmHistoryRequest r) {
        int max = r.maxRecords() == null ? MAX_HISTORY : r.maxRecords();
        AlarmHistoryItem.Position after = AlarmTokens.position(r.nextToken(), "history");
        long from = r.startDate() == null ? 0 : r.startDate().toEpochMilli();
        long to = r.endDate() == null ? Long.MAX_VALUE : r.endDate().toEpochMilli();
        if (r.startDate() != null && r.endDate() != null && from > to) {
            throw invalidValue("The parameter StartDate must be less than or equal to the parameter EndDate.");
        }
        List<String> itemTypes = r.historyItemType() == null ? List.of() : List.of(r.historyItemTypeAsString());
        boolean ascending = "TimestampAscending".equals(r.scanByAsString());
        // AWS: without AlarmTypes only metric alarms' history is returned; a named alarm's history is returned whatever its type.
        List<String> types = r.hasAlarmTypes() ? r.alarmTypesAsStrings()
                : r.alarmName() == null ? List.of(AlarmConfig.METRIC) : List.of();
        // EndDate is inclusive: AWS accepts StartDate equal to EndDate, which would select nothing otherwise.
        List<AlarmHistoryItem> items = repo.history(ctx.accountId(), ctx.region(), r.alarmName(), itemTypes, types, from,
                to, ascending, after, max + 1);
        List<software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem> out = new ArrayList<>();
        for (int i = 0; i < Math.min(max, items.size()); i++) {
            AlarmHistoryItem h = items.get(i);
            out.add(software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem.builder().alarmName(h.alarmName())
                    .alarmType(h.alarmType()).timestamp(Instant.ofEpochMilli(h.timestamp())).historyItemType(h.type())
                    .historySummary(h.summary()).historyData(h.data()).build());
        }
        DescribeAlarmHistoryResponse.Builder b = DescribeAlarmHistoryResponse.builder().alarmHistoryItems(out);
        if (items.size() > max) b.nextToken(AlarmTokens.encode(items.get(max - 1).position(), "history"));
        return b.build();
    }
}
