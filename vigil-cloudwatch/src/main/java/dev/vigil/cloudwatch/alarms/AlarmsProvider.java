package dev.vigil.cloudwatch.alarms;

import static dev.vigil.cloudwatch.alarms.AlarmErrors.combination;
import static dev.vigil.cloudwatch.alarms.AlarmErrors.invalidValue;
import static dev.vigil.cloudwatch.alarms.AlarmErrors.required;

import dev.vigil.core.AwsException;
import dev.vigil.core.RequestContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cloudwatch.model.*;

/**
 * The alarm operations: PutMetricAlarm, PutCompositeAlarm, DescribeAlarms, DescribeAlarmsForMetric, DeleteAlarms,
 * SetAlarmState, Enable/DisableAlarmActions, DescribeAlarmHistory and the anomaly detector operations.
 * Thread-safe (stateless area handlers).
 */
public final class AlarmsProvider {
    static final int DEFAULT_RECORDS = 50;
    static final int MAX_HISTORY = 100;

    private final AlarmRepository repo;
    private final MetricSource metrics;
    private final AlarmTransitions transitions;
    private final AnomalyDetectors detectors;
    private final Clock clock;

    public AlarmsProvider(AlarmRepository repo, MetricSource metrics, AlarmTransitions transitions, Clock clock) {
        this.repo = repo;
        this.metrics = metrics;
        this.transitions = transitions;
        this.detectors = new AnomalyDetectors(repo, metrics, clock);
        this.clock = clock;
    }

    public PutMetricAlarmResponse putMetricAlarm(RequestContext ctx, PutMetricAlarmRequest r) {
        AlarmConfig config = AlarmRequests.metricAlarm(r, ctx.region(), metrics);
        SortedMap<String, String> tags = r.hasTags() ? AlarmTags.validate(r.tags()) : null;
        if (config.thresholdMetricId() != null) detectors.ensure(ctx, config);
        long now = clock.millis();
        long period = config.evaluationPeriod() * 1000L;
        long next = Math.floorDiv(now, period) * period + period;
        save(ctx, r.alarmName(), config, next, tags);
        return PutMetricAlarmResponse.builder().build();
    }

    public PutCompositeAlarmResponse putCompositeAlarm(RequestContext ctx, PutCompositeAlarmRequest r) {
        AlarmConfig config = AlarmRequests.compositeAlarm(r, ctx.region());
        SortedMap<String, String> tags = r.hasTags() ? AlarmTags.validate(r.tags()) : null;
        AlarmRule rule = AlarmRule.parse(config.alarmRule());
        Map<String, Alarm> byName = repo.list(ctx.accountId(), ctx.region()).stream()
                .collect(Collectors.toMap(Alarm::name, Function.identity()));
        List<String> missing = new ArrayList<>();
        for (String name : rule.names(ctx.accountId(), ctx.region())) {
            if (name.equals(r.alarmName())) {
                throw invalidValue("The composite alarm " + r.alarmName() + " cannot refer to itself in its rule.");
            }
            if (!byName.containsKey(name)) missing.add(name);
        }
        if (!missing.isEmpty()) {
            throw invalidValue("Could not save the composite alarm as alarms " + missing + " in the alarm rule do not exist");
        }
        if (cycles(r.alarmName(), rule.names(ctx.accountId(), ctx.region()), byName, ctx)) {
            throw invalidValue("The alarm rule of " + r.alarmName() + " creates a cycle of composite alarms.");
        }
        save(ctx, r.alarmName(), config, null, tags);
        transitions.evaluateComposite(r.alarmName(), ctx.accountId(), ctx.region(), null, 0);
        return PutCompositeAlarmResponse.builder().build();
    }

    private static boolean cycles(String name, List<String> children, Map<String, Alarm> byName, RequestContext ctx) {
        List<String> todo = new ArrayList<>(children);
        Set<String> seen = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            String next = todo.remove(todo.size() - 1);
            if (next.equals(name)) return true;
            if (!seen.add(next)) continue;
            Alarm a = byName.get(next);
            if (a != null && a.config().isComposite()) {
                todo.addAll(AlarmRule.parse(a.config().alarmRule()).names(ctx.accountId(), ctx.region()));
            }
        }
        return false;
    }

    /** Creates or replaces the alarm's configuration (the state of an existing alarm is kept) with history. */
    private void save(RequestContext ctx, String name, AlarmConfig config, Long nextEval, SortedMap<String, String> tags) {
        for (int attempt = 0; attempt < 5; attempt++) {
            long now = clock.millis();
            var existing = repo.get(ctx.accountId(), ctx.region(), name);
            if (existing.isEmpty()) {
                Alarm a = new Alarm(ctx.accountId(), ctx.region(), name, config, now, "INSUFFICIENT_DATA",
                        "Unchecked: Initial alarm creation", null, now, now, nextEval, 1, null, null, null);
                if (!repo.create(a)) continue;
                if (tags != null && !tags.isEmpty()) repo.tag(ctx.accountId(), ctx.region(), name, tags, AlarmTags.MAX_TAGS);
                repo.addHistory(new AlarmHistoryItem(ctx.accountId(), ctx.region(), name, config.type(), now,
                        "ConfigurationUpdate", "Alarm \"" + name + "\" created", Notifications.configurationUpdate(null, a)));
                return;
            }
            Alarm before = existing.get();
            if (before.config().isComposite() != config.isComposite()) {
                throw invalidValue("The alarm " + name + " already exists as a "
                        + (before.config().isComposite() ? "composite" : "metric") + " alarm.");
            }
            Alarm after = new Alarm(before.accountId(), before.region(), name, config, now, before.state(),
                    before.stateReason(), before.stateReasonData(), before.stateUpdated(), before.stateTransitioned(),
                    config.isComposite() ? before.nextEval() : nextEval, before.version(), before.suppressedBy(),
                    before.suppressedReason(), before.actionDue());
            if (!repo.updateConfig(after, before.version())) continue;
            repo.addHistory(new AlarmHistoryItem(ctx.accountId(), ctx.region(), name, config.type(), now,
                    "ConfigurationUpdate", "Alarm \"" + name + "\" updated", Notifications.configurationUpdate(before, after)));
            return;
        }
        throw new AwsException("ConcurrentModificationException", 429, "The alarm " + name + " is being modified"
                + " concurrently; try again.");
    }

    public DescribeAlarmsResponse describeAlarms(RequestContext ctx, DescribeAlarmsRequest r) {
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
                .thresholdMetricId(c.thresholdMetricId());
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

    public DescribeAlarmsForMetricResponse describeAlarmsForMetric(RequestContext ctx, DescribeAlarmsForMetricRequest r) {
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

    public DeleteAlarmsResponse deleteAlarms(RequestContext ctx, DeleteAlarmsRequest r) {
        if (!r.hasAlarmNames()) throw required("AlarmNames");
        List<String> missing = repo.delete(ctx.accountId(), ctx.region(), r.alarmNames());
        if (!missing.isEmpty()) throw AlarmErrors.alarmsNotFound(missing);
        return DeleteAlarmsResponse.builder().build();
    }

    public SetAlarmStateResponse setAlarmState(RequestContext ctx, SetAlarmStateRequest r) {
        if (r.alarmName() == null) throw required("AlarmName");
        if (r.stateValue() == null) throw required("StateValue");
        if (r.stateReason() == null) throw required("StateReason");
        String state = r.stateValueAsString();
        if (!Set.of("OK", "ALARM", "INSUFFICIENT_DATA").contains(state)) {
            throw invalidValue("The value " + state + " for parameter StateValue is not valid.");
        }
        if (r.stateReasonData() != null) {
            try {
                StateReasons.JSON.readTree(r.stateReasonData());
            } catch (Exception e) {
                throw AwsException.badRequest("InvalidFormatFault", "The StateReasonData is not valid JSON.");
            }
        }
        for (int attempt = 0; attempt < 5; attempt++) {
            Alarm a = repo.get(ctx.accountId(), ctx.region(), r.alarmName())
                    .orElseThrow(() -> AlarmErrors.notFound("Alarm " + r.alarmName() + " does not exist."));
            if (a.config().isComposite() && "INSUFFICIENT_DATA".equals(state)) {
                throw invalidValue("A composite alarm cannot be set to INSUFFICIENT_DATA.");
            }
            if (transitions.change(a, state, r.stateReason(), r.stateReasonData(), false)) {
                return SetAlarmStateResponse.builder().build();
            }
        }
        throw new AwsException("ConcurrentModificationException", 429, "The alarm is being modified concurrently.");
    }

    public EnableAlarmActionsResponse enableAlarmActions(RequestContext ctx, EnableAlarmActionsRequest r) {
        actionsEnabled(ctx, r.hasAlarmNames() ? r.alarmNames() : null, true);
        return EnableAlarmActionsResponse.builder().build();
    }

    public DisableAlarmActionsResponse disableAlarmActions(RequestContext ctx, DisableAlarmActionsRequest r) {
        actionsEnabled(ctx, r.hasAlarmNames() ? r.alarmNames() : null, false);
        return DisableAlarmActionsResponse.builder().build();
    }

    /** Alarms that do not exist are skipped, as AWS does. */
    private void actionsEnabled(RequestContext ctx, List<String> names, boolean enabled) {
        if (names == null) throw required("AlarmNames");
        for (String name : new LinkedHashSet<>(names)) {
            for (int attempt = 0; attempt < 5; attempt++) {
                var a = repo.get(ctx.accountId(), ctx.region(), name);
                if (a.isEmpty() || a.get().config().actionsEnabled() == enabled) break;
                AlarmConfig c = a.get().config();
                AlarmConfig changed = new AlarmConfig(c.type(), c.description(), enabled, c.okActions(), c.alarmActions(),
                        c.insufficientDataActions(), c.namespace(), c.metricName(), c.dimensions(), c.statistic(),
                        c.extendedStatistic(), c.unit(), c.period(), c.evaluationPeriods(), c.datapointsToAlarm(),
                        c.threshold(), c.comparisonOperator(), c.treatMissingData(), c.evaluateLowSampleCountPercentile(),
                        c.thresholdMetricId(), c.metrics(), c.alarmRule(), c.actionsSuppressor(), c.suppressorWaitPeriod(),
                        c.suppressorExtensionPeriod());
                Alarm b = a.get();
                Alarm updated = new Alarm(b.accountId(), b.region(), b.name(), changed, b.configUpdated(), b.state(),
                        b.stateReason(), b.stateReasonData(), b.stateUpdated(), b.stateTransitioned(), b.nextEval(),
                        b.version(), b.suppressedBy(), b.suppressedReason(), b.actionDue());
                if (repo.updateConfig(updated, b.version())) break;
            }
        }
    }

    public DescribeAlarmHistoryResponse describeAlarmHistory(RequestContext ctx, DescribeAlarmHistoryRequest r) {
        int max = r.maxRecords() == null ? MAX_HISTORY : r.maxRecords();
        int offset = AlarmTokens.offset(r.nextToken(), "history");
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
        List<AlarmHistoryItem> items = repo.history(ctx.accountId(), ctx.region(), r.alarmName(), itemTypes, types, from,
                to, ascending, offset, max + 1);
        List<software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem> out = new ArrayList<>();
        for (int i = 0; i < Math.min(max, items.size()); i++) {
            AlarmHistoryItem h = items.get(i);
            out.add(software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem.builder().alarmName(h.alarmName())
                    .alarmType(h.alarmType()).timestamp(Instant.ofEpochMilli(h.timestamp())).historyItemType(h.type())
                    .historySummary(h.summary()).historyData(h.data()).build());
        }
        DescribeAlarmHistoryResponse.Builder b = DescribeAlarmHistoryResponse.builder().alarmHistoryItems(out);
        if (items.size() > max) b.nextToken(AlarmTokens.encode(offset + max, "history"));
        return b.build();
    }

    public PutAnomalyDetectorResponse putAnomalyDetector(RequestContext ctx, PutAnomalyDetectorRequest r) {
        return detectors.put(ctx, r);
    }

    public DescribeAnomalyDetectorsResponse describeAnomalyDetectors(RequestContext ctx, DescribeAnomalyDetectorsRequest r) {
        return detectors.describe(ctx, r);
    }

    public DeleteAnomalyDetectorResponse deleteAnomalyDetector(RequestContext ctx, DeleteAnomalyDetectorRequest r) {
        return detectors.delete(ctx, r);
    }
}
