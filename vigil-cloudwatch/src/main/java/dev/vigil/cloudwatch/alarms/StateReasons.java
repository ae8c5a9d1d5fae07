package dev.vigil.cloudwatch.alarms;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * StateReason text and StateReasonData JSON in AWS's format, e.g. "Threshold Crossed: 3 out of the last 5
 * datapoints [5.0 (30/11/26 12:04:00), ...] were greater than the threshold (1.0) (minimum 3 datapoints for OK ->
 * ALARM transition)." and {"version":"1.0","queryDate":...,"startDate":...,"statistic":"Average","period":60,
 * "recentDatapoints":[...],"threshold":1.0,"evaluatedDatapoints":[{"timestamp":...,"sampleCount":1.0,"value":5.0}]}.
 * Datapoints are listed newest first, as AWS lists them. Stateless.
 */
public final class StateReasons {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private StateReasons() {}

    static String iso(long millis) { return ISO.format(Instant.ofEpochMilli(millis)); }

    private static String plural(int n, String word) { return n + " " + word + (n == 1 ? "" : "s"); }

    private static String wasWere(int n) { return n == 1 ? "was" : "were"; }

    /** The reason of a transition computed by {@link MetricEvaluation}. */
    public static String reason(MetricEvaluation.Result r, AlarmConfig c, String oldState) {
        String newState = r.state();
        if ("INSUFFICIENT_DATA".equals(newState)) {
            return "Insufficient Data: " + plural(r.unknown(), "datapoint") + " " + wasWere(r.unknown()) + " unknown.";
        }
        Comparison op = Comparison.of(c.comparisonOperator());
        boolean alarm = "ALARM".equals(newState);
        List<Slot> real = new ArrayList<>();
        for (int i = r.evaluated().size() - 1; i >= 0; i--) {
            Slot s = r.evaluated().get(i);
            if (s.missing()) continue;
            if (op.breaches(s, c.threshold() == null ? 0 : c.threshold()) == alarm) real.add(s);
        }
        int window = r.evaluated().size();
        if (r.missingTreated() == window && window > 0) {
            return "Threshold Crossed: no datapoints were received for " + plural(window, "period") + " and "
                    + plural(window, "missing datapoint") + " " + wasWere(window) + " treated as ["
                    + (r.missingAsBreaching() ? "Breaching" : "NonBreaching") + "].";
        }
        int counted = alarm ? r.breaching() : r.notBreaching();
        int m = c.effectiveDatapointsToAlarm();
        int minimum = alarm ? Math.min(m, window) : Math.max(1, window - m + 1);
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < real.size(); i++) {
            if (i > 0) list.append(", ");
            list.append(real.get(i).value()).append(" (").append(SHORT.format(Instant.ofEpochMilli(real.get(i).timestamp()))).append(')');
        }
        list.append(']');
        String comparison = comparisonText(op, alarm, real, c);
        String head = op.isBand() ? "Thresholds Crossed: " : "Threshold Crossed: ";
        StringBuilder out = new StringBuilder(head);
        if (window == 1 && m == 1 && r.missingTreated() == 0) {
            out.append("1 datapoint ").append(list).append(" was ").append(comparison).append('.');
        } else {
            out.append(counted).append(" out of the last ").append(window).append(" datapoints ").append(list)
                    .append(' ').append(wasWere(counted)).append(' ').append(comparison).append(" (minimum ")
                    .append(plural(minimum, "datapoint")).append(" for ").append(oldState).append(" -> ")
                    .append(newState).append(" transition).");
        }
        if (r.missingTreated() > 0) {
            out.append(' ').append(plural(r.missingTreated(), "missing datapoint")).append(' ')
                    .append(wasWere(r.missingTreated())).append(" treated as [")
                    .append(r.missingAsBreaching() ? "Breaching" : "NonBreaching").append("].");
        }
        return out.toString();
    }

    private static String comparisonText(Comparison op, boolean alarm, List<Slot> listed, AlarmConfig c) {
        String not = alarm ? "" : "not ";
        if (!op.isBand()) return not + op.phrase + " the threshold (" + c.threshold() + ")";
        StringBuilder lower = new StringBuilder("[");
        StringBuilder upper = new StringBuilder("[");
        for (int i = 0; i < listed.size(); i++) {
            if (i > 0) {
                lower.append(", ");
                upper.append(", ");
            }
            lower.append(listed.get(i).lower());
            upper.append(listed.get(i).upper());
        }
        lower.append(']');
        upper.append(']');
        return switch (op) {
            case GreaterThanUpperThreshold -> not + "greater than the upper thresholds " + upper;
            case LessThanLowerThreshold -> not + "less than the lower thresholds " + lower;
            default -> alarm ? "greater than the upper thresholds " + upper + " or less than the lower thresholds " + lower
                    : "not greater than the upper thresholds " + upper + " or less than the lower thresholds " + lower;
        };
    }

    /** StateReasonData of a metric alarm's evaluation. */
    public static String reasonData(MetricEvaluation.Result r, AlarmConfig c, long queryDate, long startDate) {
        ObjectNode o = JSON.createObjectNode();
        o.put("version", "1.0");
        o.put("queryDate", iso(queryDate));
        o.put("startDate", iso(startDate));
        if (!c.isMathAlarm()) {
            if (c.unit() != null) o.put("unit", c.unit());
            o.put("statistic", c.statistic() != null ? c.statistic() : c.extendedStatistic());
        }
        o.put("period", c.evaluationPeriod());
        ArrayNode recent = o.putArray("recentDatapoints");
        ArrayNode evaluated = JSON.createArrayNode();
        for (int i = r.evaluated().size() - 1; i >= 0; i--) {
            Slot s = r.evaluated().get(i);
            ObjectNode d = evaluated.addObject();
            d.put("timestamp", iso(s.timestamp()));
            if (s.sampleCount() != null) d.put("sampleCount", s.sampleCount());
            if (!s.missing()) d.put("value", s.value());
            if (s.lower() != null) {
                d.put("lowerThreshold", s.lower());
                d.put("upperThreshold", s.upper());
            }
        }
        for (Slot s : r.evaluated()) if (!s.missing()) recent.add(s.value());
        Comparison op = Comparison.of(c.comparisonOperator());
        if (op != null && op.isBand()) {
            ArrayNode lower = o.putArray("recentLowerThresholds");
            ArrayNode upper = o.putArray("recentUpperThresholds");
            for (Slot s : r.evaluated()) {
                if (s.missing() || s.lower() == null) continue;
                lower.add(s.lower());
                upper.add(s.upper());
            }
        } else if (c.threshold() != null) {
            o.put("threshold", c.threshold());
        }
        o.set("evaluatedDatapoints", evaluated);
        return o.toString();
    }
}
