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

    /** The datapoints supporting the new state (breaching for ALARM, not breaching for OK), newest first. */
    private static List<Slot> supporting(MetricEvaluation.Result r, AlarmConfig c) {
        boolean alarm = "ALARM".equals(r.state());
        Comparison op = Comparison.of(c.comparisonOperator());
        List<Slot> out = new ArrayList<>();
        for (int i = r.evaluated().size() - 1; i >= 0; i--) {
            Slot s = r.evaluated().get(i);
            if (s.missing()) continue;
            if (op.breaches(s, c.threshold() == null ? 0 : c.threshold()) == alarm) out.add(s);
        }
        return out;
    }

    /** How many datapoints the transition needs: M for ALARM, N - M + 1 for OK. */
    private static int minimum(MetricEvaluation.Result r, AlarmConfig c) {
        int window = r.evaluated().size();
        int m = c.effectiveDatapointsToAlarm();
        return "ALARM".equals(r.state()) ? Math.min(m, window) : Math.max(1, window - m + 1);
    }

    /**
     * The reason of a transition computed by {@link MetricEvaluation}. Alarms without DatapointsToAlarm get AWS's
     * short form ("2 datapoints [...] were greater than the threshold (1.0)."), M-of-N alarms the long one
     * ("3 out of the last 5 datapoints [...] were ... (minimum 3 datapoints for OK -> ALARM transition).").
     */
    public static String reason(MetricEvaluation.Result r, AlarmConfig c, String oldState) {
        String newState = r.state();
        if ("INSUFFICIENT_DATA".equals(newState)) {
            return "Insufficient Data: " + plural(r.unknown(), "datapoint") + " " + wasWere(r.unknown()) + " unknown.";
        }
        Comparison op = Comparison.of(c.comparisonOperator());
        boolean alarm = "ALARM".equals(newState);
        List<Slot> real = supporting(r, c);
        int window = r.evaluated().size();
        if (r.missingTreated() == window && window > 0) {
            return "Threshold Crossed: no datapoints were received for " + plural(window, "period") + " and "
                    + plural(window, "missing datapoint") + " " + wasWere(window) + " treated as ["
                    + (r.missingAsBreaching() ? "Breaching" : "NonBreaching") + "].";
        }
        int counted = alarm ? r.breaching() : r.notBreaching();
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < real.size(); i++) {
            if (i > 0) list.append(", ");
            list.append(real.get(i).value()).append(" (").append(SHORT.format(Instant.ofEpochMilli(real.get(i).timestamp()))).append(')');
        }
        list.append(']');
        String comparison = comparisonText(op, alarm, real, c);
        StringBuilder out = new StringBuilder(op.isBand() ? "Thresholds Crossed: " : "Threshold Crossed: ");
        if (c.datapointsToAlarm() == null && r.missingTreated() == 0) {
            out.append(plural(real.size(), "datapoint")).append(' ').append(list).append(' ').append(wasWere(real.size()))
                    .append(' ').append(comparison).append('.');
        } else {
            out.append(counted).append(" out of the last ").append(window).append(" datapoints ").append(list)
                    .append(' ').append(wasWere(counted)).append(' ').append(comparison).append(" (minimum ")
                    .append(plural(minimum(r, c), "datapoint")).append(" for ").append(oldState).append(" -> ")
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

    /**
     * StateReasonData of a metric alarm's evaluation, as AWS writes it: recentDatapoints oldest first over the
     * evaluated periods (startDate is the first one's start), evaluatedDatapoints the newest datapoints the transition
     * needed, newest first; for INSUFFICIENT_DATA no startDate and the unknown periods' timestamps only.
     */
    /** The reason of an alarm whose metric query failed at evaluation. */
    static String queryFailed(String error) {
        return "Unchecked: the alarm's metric query failed: " + error;
    }

    static String queryFailedData(long queryDate) {
        ObjectNode o = JSON.createObjectNode();
        o.put("version", "1.0");
        o.put("queryDate", iso(queryDate));
        return o.toString();
    }

    public static String reasonData(MetricEvaluation.Result r, AlarmConfig c, long queryDate) {
        ObjectNode o = JSON.createObjectNode();
        o.put("version", "1.0");
        o.put("queryDate", iso(queryDate));
        boolean insufficient = "INSUFFICIENT_DATA".equals(r.state());
        if (!insufficient && !r.evaluated().isEmpty()) o.put("startDate", iso(r.evaluated().get(0).timestamp()));
        if (!c.isMathAlarm()) {
            if (c.unit() != null) o.put("unit", c.unit());
            o.put("statistic", c.statistic() != null ? c.statistic() : c.extendedStatistic());
        }
        o.put("period", c.evaluationPeriod());
        ArrayNode recent = o.putArray("recentDatapoints");
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
        ArrayNode evaluated = o.putArray("evaluatedDatapoints");
        if (insufficient) {
            for (int i = r.evaluated().size() - 1; i >= 0; i--) evaluated.addObject().put("timestamp", iso(r.evaluated().get(i).timestamp()));
            return o.toString();
        }
        List<Slot> supporting = supporting(r, c);
        for (Slot s : supporting.subList(0, Math.min(supporting.size(), minimum(r, c)))) {
            ObjectNode d = evaluated.addObject();
            d.put("timestamp", iso(s.timestamp()));
            if (s.sampleCount() != null) d.put("sampleCount", s.sampleCount());
            d.put("value", s.value());
            if (s.lower() != null) {
                d.put("lowerThreshold", s.lower());
                d.put("upperThreshold", s.upper());
            }
        }
        return o.toString();
    }
}
