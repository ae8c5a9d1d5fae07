package dev.vigil.cloudwatch.alarms;

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
 * The alarm operations. Writes (PutMetricAlarm, PutCompositeAlarm, DeleteAlarms, SetAlarmState,
 * Enable/DisableAlarmActions) are here; reads are {@link AlarmDescriptions}, anomaly detectors {@link AnomalyDetectors}.
 * Thread-safe (stateless area handlers).
 */
public final class AlarmsProvider {
    private final AlarmRepository repo;
    private final MetricSource metrics;
    private final AlarmTransitions transitions;
    private final AnomalyDetectors detectors;
    private final AlarmDescriptions descriptions;
    private final Clock clock;

    public AlarmsProvider(AlarmRepository repo, MetricSource metrics, AlarmTransitions transitions, Clock clock) {
        this.repo = repo;
        this.metrics = metrics;
        this.transitions = transitions;
        this.detectors = new AnomalyDetectors(repo, metrics, clock);
        this.descriptions = new AlarmDescriptions(repo);
        this.clock = clock;
    }

    public PutMetricAlarmResponse putMetricAlarm(RequestContext ctx, PutMetricAlarmRequest r) {
        AlarmConfig config = AlarmRequests.metricAlarm(r, ctx.region(), metrics);
        SortedMap<String, String> tags = r.hasTags() ? AlarmTags.validate(r.tags()) : null;
        long now = clock.millis();
        if (config.isMathAlarm()) checkQueries(ctx, config, now);
        if (config.thresholdMetricId() != null) detectors.ensure(ctx, config);
        long period = config.evaluationPeriod() * 1000L;
        long next = Math.floorDiv(now, period) * period + period;
        save(ctx, r.alarmName(), config, next, tags);
        return PutMetricAlarmResponse.builder().build();
    }

    /** Runs the alarm's queries once over its last period, so a bad expression is refused now, not at evaluation. */
    private void checkQueries(RequestContext ctx, AlarmConfig c, long now) {
        List<software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery> queries = new ArrayList<>();
        for (AlarmConfig.Query q : c.metrics()) {
            if (!q.id().equals(c.thresholdMetricId())) queries.add(AlarmEvaluator.query(q, !Boolean.FALSE.equals(q.returnData())));
        }
        long period = c.evaluationPeriod() * 1000L;
        metrics.query(ctx.accountId(), ctx.region(), queries, Instant.ofEpochMilli(now - period), Instant.ofEpochMilli(now));
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
                        "Unchecked: Initial alarm creation", null, now, now, nextEval, 1, null, null, null, null);
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
            Alarm after = before.withConfig(config, now, config.isComposite() ? before.nextEval() : nextEval);
            if (!repo.updateConfig(after, before.version())) continue;
            repo.addHistory(new AlarmHistoryItem(ctx.accountId(), ctx.region(), name, config.type(), now,
                    "ConfigurationUpdate", "Alarm \"" + name + "\" updated", Notifications.configurationUpdate(before, after)));
            return;
        }
        throw new AwsException("ConcurrentModificationException", 429, "The alarm " + name + " is being modified"
                + " concurrently; try again.");
    }

    public DeleteAlarmsResponse deleteAlarms(RequestContext ctx, DeleteAlarmsRequest r) {
        if (!r.hasAlarmNames()) throw required("AlarmNames");
        // Read first: the history item AWS writes on deletion carries the deleted alarm's configuration.
        List<Alarm> deleting = new ArrayList<>();
        for (String name : new LinkedHashSet<>(r.alarmNames())) repo.get(ctx.accountId(), ctx.region(), name).ifPresent(deleting::add);
        List<String> missing = repo.delete(ctx.accountId(), ctx.region(), r.alarmNames());
        if (!missing.isEmpty()) throw AlarmErrors.alarmsNotFound(missing);
        long now = clock.millis();
        for (Alarm a : deleting) {
            repo.addHistory(new AlarmHistoryItem(a.accountId(), a.region(), a.name(), a.config().type(), now,
                    "ConfigurationUpdate", "Alarm \"" + a.name() + "\" deleted", Notifications.configurationDelete(a)));
        }
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
                Alarm b = a.get();
                Alarm updated = b.withConfig(b.config().withActionsEnabled(enabled), b.configUpdated(), b.nextEval());
                if (repo.updateConfig(updated, b.version())) break;
            }
        }
    }

    public DescribeAlarmsResponse describeAlarms(RequestContext ctx, DescribeAlarmsRequest r) {
        return descriptions.describeAlarms(ctx, r);
    }

    public DescribeAlarmsForMetricResponse describeAlarmsForMetric(RequestContext ctx, DescribeAlarmsForMetricRequest r) {
        return descriptions.describeAlarmsForMetric(ctx, r);
    }

    public DescribeAlarmHistoryResponse describeAlarmHistory(RequestContext ctx, DescribeAlarmHistoryRequest r) {
        return descriptions.describeAlarmHistory(ctx, r);
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
