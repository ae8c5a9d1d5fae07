package dev.vigil.cloudwatch.alarms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON documents an alarm transition produces, in AWS's shapes: the SNS notification (AlarmName,
 * AlarmDescription, AWSAccountId, AlarmConfigurationUpdatedTimestamp, NewStateValue, NewStateReason,
 * StateChangeTime, Region (long name), AlarmArn, OldStateValue, OKActions, AlarmActions, InsufficientDataActions,
 * Trigger — or AlarmRule and TriggeringChildren for composite alarms), the EventBridge "CloudWatch Alarm State
 * Change" detail, and the alarm history's HistoryData. Stateless.
 */
final class Notifications {
    private static final Map<String, String> REGIONS = Map.ofEntries(
            Map.entry("us-east-1", "US East (N. Virginia)"), Map.entry("us-east-2", "US East (Ohio)"),
            Map.entry("us-west-1", "US West (N. California)"), Map.entry("us-west-2", "US West (Oregon)"),
            Map.entry("af-south-1", "Africa (Cape Town)"), Map.entry("ap-east-1", "Asia Pacific (Hong Kong)"),
            Map.entry("ap-south-1", "Asia Pacific (Mumbai)"), Map.entry("ap-northeast-1", "Asia Pacific (Tokyo)"),
            Map.entry("ap-northeast-2", "Asia Pacific (Seoul)"), Map.entry("ap-northeast-3", "Asia Pacific (Osaka)"),
            Map.entry("ap-southeast-1", "Asia Pacific (Singapore)"), Map.entry("ap-southeast-2", "Asia Pacific (Sydney)"),
            Map.entry("ca-central-1", "Canada (Central)"), Map.entry("eu-central-1", "EU (Frankfurt)"),
            Map.entry("eu-west-1", "EU (Ireland)"), Map.entry("eu-west-2", "EU (London)"),
            Map.entry("eu-west-3", "EU (Paris)"), Map.entry("eu-north-1", "EU (Stockholm)"),
            Map.entry("eu-south-1", "EU (Milan)"), Map.entry("me-south-1", "Middle East (Bahrain)"),
            Map.entry("sa-east-1", "South America (Sao Paulo)"));

    private Notifications() {}

    static String regionName(String region) { return REGIONS.getOrDefault(region, region); }

    private static ArrayNode strings(ObjectNode parent, String field, List<String> values) {
        ArrayNode a = parent.putArray(field);
        if (values != null) values.forEach(a::add);
        return a;
    }

    /** The SNS message of a transition. */
    static String sns(Alarm a, String oldState, List<Alarm> triggering) {
        AlarmConfig c = a.config();
        ObjectNode o = StateReasons.JSON.createObjectNode();
        o.put("AlarmName", a.name());
        o.put("AlarmDescription", c.description());
        o.put("AWSAccountId", a.accountId());
        o.put("AlarmConfigurationUpdatedTimestamp", StateReasons.iso(a.configUpdated()));
        o.put("NewStateValue", a.state());
        o.put("NewStateReason", a.stateReason());
        o.put("StateChangeTime", StateReasons.iso(a.stateUpdated()));
        o.put("Region", regionName(a.region()));
        o.put("AlarmArn", a.arn());
        o.put("OldStateValue", oldState);
        if (c.isComposite()) {
            o.put("AlarmRule", c.alarmRule());
            ArrayNode children = o.putArray("TriggeringChildren");
            for (Alarm t : triggering) {
                ObjectNode child = children.addObject();
                child.put("Arn", t.arn());
                ObjectNode st = child.putObject("State");
                st.put("Value", t.state());
                st.put("Timestamp", StateReasons.iso(t.stateUpdated()));
            }
        }
        strings(o, "OKActions", c.okActions());
        strings(o, "AlarmActions", c.alarmActions());
        strings(o, "InsufficientDataActions", c.insufficientDataActions());
        if (!c.isComposite()) o.set("Trigger", trigger(c));
        return o.toString();
    }

    private static ObjectNode trigger(AlarmConfig c) {
        ObjectNode t = StateReasons.JSON.createObjectNode();
        if (!c.isMathAlarm()) {
            t.put("MetricName", c.metricName());
            t.put("Namespace", c.namespace());
            if (c.statistic() != null) {
                t.put("StatisticType", "Statistic");
                t.put("Statistic", c.statistic().toUpperCase(Locale.ROOT));
            } else {
                t.put("StatisticType", "ExtendedStatistic");
                t.put("ExtendedStatistic", c.extendedStatistic());
            }
            t.put("Unit", c.unit());
            ArrayNode dims = t.putArray("Dimensions");
            if (c.dimensions() != null) {
                for (AlarmConfig.Dim d : c.dimensions()) dims.addObject().put("value", d.value()).put("name", d.name());
            }
            t.put("Period", c.period());
        } else {
            t.put("Period", c.evaluationPeriod());
        }
        t.put("EvaluationPeriods", c.evaluationPeriods());
        if (c.datapointsToAlarm() != null) t.put("DatapointsToAlarm", c.datapointsToAlarm());
        t.put("ComparisonOperator", c.comparisonOperator());
        if (c.threshold() != null) t.put("Threshold", c.threshold());
        if (c.thresholdMetricId() != null) t.put("ThresholdMetricId", c.thresholdMetricId());
        // AWS writes this member with its label and padding inside the value.
        t.put("TreatMissingData", "- TreatMissingData:                    " + c.effectiveTreatMissingData());
        t.put("EvaluateLowSampleCountPercentile",
                c.evaluateLowSampleCountPercentile() == null ? "" : c.evaluateLowSampleCountPercentile());
        if (c.isMathAlarm()) {
            ArrayNode metrics = t.putArray("Metrics");
            for (AlarmConfig.Query q : c.metrics()) {
                ObjectNode m = metrics.addObject();
                if (q.expression() != null) m.put("Expression", q.expression());
                m.put("Id", q.id());
                if (q.label() != null) m.put("Label", q.label());
                if (q.isMetric()) {
                    ObjectNode ms = m.putObject("MetricStat");
                    ObjectNode metric = ms.putObject("Metric");
                    ArrayNode dims = metric.putArray("Dimensions");
                    if (q.dimensions() != null) {
                        for (AlarmConfig.Dim d : q.dimensions()) dims.addObject().put("value", d.value()).put("name", d.name());
                    }
                    metric.put("MetricName", q.metricName());
                    metric.put("Namespace", q.namespace());
                    ms.put("Period", q.period());
                    ms.put("Stat", q.stat());
                    if (q.unit() != null) ms.put("Unit", q.unit());
                }
                m.put("ReturnData", !Boolean.FALSE.equals(q.returnData()));
            }
        }
        return t;
    }

    /** The EventBridge detail of a "CloudWatch Alarm State Change" event. */
    static String eventDetail(Alarm before, Alarm after) {
        AlarmConfig c = after.config();
        ObjectNode o = StateReasons.JSON.createObjectNode();
        o.put("alarmName", after.name());
        ObjectNode state = state(o.putObject("state"), after.state(), after.stateReason(), after.stateReasonData(),
                after.stateUpdated());
        if (after.suppressedBy() != null) {
            state.put("actionsSuppressedBy", after.suppressedBy());
            state.put("actionsSuppressedReason", after.suppressedReason());
        }
        state(o.putObject("previousState"), before.state(), before.stateReason(), before.stateReasonData(),
                before.stateUpdated());
        ObjectNode conf = o.putObject("configuration");
        if (c.description() != null) conf.put("description", c.description());
        if (c.isComposite()) {
            conf.put("alarmRule", c.alarmRule());
            if (c.actionsSuppressor() != null) {
                conf.put("actionsSuppressor", c.actionsSuppressor());
                conf.put("actionsSuppressorWaitPeriod", c.suppressorWaitPeriod());
                conf.put("actionsSuppressorExtensionPeriod", c.suppressorExtensionPeriod());
            }
        } else {
            ArrayNode metrics = conf.putArray("metrics");
            if (c.isMathAlarm()) {
                for (AlarmConfig.Query q : c.metrics()) {
                    ObjectNode m = metrics.addObject();
                    m.put("id", q.id());
                    if (q.expression() != null) {
                        m.put("expression", q.expression());
                        if (q.label() != null) m.put("label", q.label());
                    } else {
                        m.set("metricStat", metricStat(q.namespace(), q.metricName(), q.dimensions(), q.period(), q.stat()));
                    }
                    m.put("returnData", !Boolean.FALSE.equals(q.returnData()));
                }
            } else {
                ObjectNode m = metrics.addObject();
                // AWS gives the alarm's own metric a generated id; this one is stable per alarm.
                m.put("id", java.util.UUID.nameUUIDFromBytes(after.arn().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .toString());
                m.set("metricStat", metricStat(c.namespace(), c.metricName(), c.dimensions(), c.period(),
                        c.statistic() != null ? c.statistic() : c.extendedStatistic()));
                m.put("returnData", true);
            }
        }
        return o.toString();
    }

    private static ObjectNode metricStat(String ns, String name, List<AlarmConfig.Dim> dims, Integer period, String stat) {
        ObjectNode ms = StateReasons.JSON.createObjectNode();
        ObjectNode metric = ms.putObject("metric");
        metric.put("namespace", ns);
        metric.put("name", name);
        ObjectNode d = metric.putObject("dimensions");
        if (dims != null) dims.forEach(x -> d.put(x.name(), x.value()));
        ms.put("period", period);
        ms.put("stat", stat);
        return ms;
    }

    private static ObjectNode state(ObjectNode s, String value, String reason, String reasonData, long at) {
        s.put("value", value);
        s.put("reason", reason);
        if (reasonData != null) s.put("reasonData", reasonData);
        s.put("timestamp", StateReasons.iso(at));
        return s;
    }

    /** HistoryData of a StateUpdate item. */
    static String stateUpdate(Alarm before, Alarm after) {
        ObjectNode o = StateReasons.JSON.createObjectNode();
        o.put("version", "1.0");
        historyState(o.putObject("oldState"), before);
        historyState(o.putObject("newState"), after);
        return o.toString();
    }

    private static void historyState(ObjectNode s, Alarm a) {
        s.put("stateValue", a.state());
        s.put("stateReason", a.stateReason());
        if (a.stateReasonData() != null) {
            try {
                JsonNode data = StateReasons.JSON.readTree(a.stateReasonData());
                s.set("stateReasonData", data);
            } catch (Exception e) {
                s.put("stateReasonData", a.stateReasonData());
            }
        }
    }

    /** HistoryData of a ConfigurationUpdate item: the created alarm, or the updated and the original one. */
    static String configurationUpdate(Alarm original, Alarm updated) {
        ObjectNode o = StateReasons.JSON.createObjectNode();
        o.put("version", "1.0");
        if (original == null) {
            o.put("type", "Create");
            o.set("createdAlarm", describe(updated));
        } else {
            o.put("type", "Update");
            o.set("updatedAlarm", describe(updated));
            o.set("originalAlarm", describe(original));
        }
        return o.toString();
    }

    /** The HistoryData of the ConfigurationUpdate item AWS records when an alarm is deleted. */
    static String configurationDelete(Alarm deleted) {
        ObjectNode o = StateReasons.JSON.createObjectNode();
        o.put("version", "1.0");
        o.put("type", "Delete");
        o.set("deletedAlarm", describe(deleted));
        return o.toString();
    }

    private static JsonNode describe(Alarm a) {
        ObjectNode o = JdbcAlarmRepository.MAPPER.valueToTree(a.config());
        o.remove("type");
        ObjectNode out = StateReasons.JSON.createObjectNode();
        out.put("alarmName", a.name());
        out.put("alarmArn", a.arn());
        out.setAll(o);
        return out;
    }
}
