package dev.vigil.cloudwatch.alarms;

import java.util.ArrayList;
import java.util.List;

/**
 * The alarm state machine of one evaluation (pure). Input: the evaluation range, oldest first — the last
 * {@code EvaluationPeriods} periods plus {@link #EXTRA_PERIODS} earlier ones (AWS's documented example retrieves
 * 5 datapoints for 3 evaluation periods, so that a late or missing recent datapoint does not by itself change the
 * state). Rules, from AWS's "Configuring how CloudWatch alarms treat missing data":
 * <ul>
 *   <li>{@code breaching} / {@code notBreaching}: the last N periods are evaluated, a missing one counting as
 *       breaching / not breaching; ALARM when at least M (DatapointsToAlarm) breach, else OK.
 *   <li>{@code missing} / {@code ignore}: only real datapoints count, all those of the range included. With none,
 *       missing goes to INSUFFICIENT_DATA and ignore keeps the state. With at least M, the latest N real
 *       datapoints are evaluated (ALARM when M breach). With fewer than M, missing evaluates what there is (ALARM
 *       when every real datapoint breaches) while ignore goes OK only if none breaches and otherwise keeps the state
 *       (the table's "- - X - -" row: ALARM for missing, "retain current state" for ignore).
 *   <li>{@code EvaluateLowSampleCountPercentile=ignore}: when the latest datapoint has fewer samples than a
 *       percentile needs to be significant ({@code 10 / (1 - p/100)}), the state is kept.
 * </ul>
 * Stateless.
 */
public final class MetricEvaluation {
    public static final int EXTRA_PERIODS = 2;

    private MetricEvaluation() {}

    /** What one evaluation concluded. {@code state} null: keep the current state. */
    public record Result(String state, List<Slot> evaluated, int breaching, int notBreaching, int missingTreated,
                         boolean missingAsBreaching, int unknown) {}

    public record Input(List<Slot> range, int evaluationPeriods, int datapointsToAlarm, Comparison comparison,
                        double threshold, String treatMissingData, Double minimumSamples) {}

    public static Result evaluate(Input in) {
        int n = in.evaluationPeriods();
        int m = in.datapointsToAlarm();
        List<Slot> range = in.range();
        String treat = in.treatMissingData();
        if (in.minimumSamples() != null) {
            Slot latest = null;
            for (Slot s : range) if (!s.missing()) latest = s;
            if (latest != null && latest.sampleCount() != null && latest.sampleCount() < in.minimumSamples()) {
                return new Result(null, List.of(latest), 0, 0, 0, false, 0);
            }
        }
        if ("breaching".equals(treat) || "notBreaching".equals(treat)) {
            boolean asBreach = "breaching".equals(treat);
            List<Slot> window = range.subList(Math.max(0, range.size() - n), range.size());
            int breaching = 0;
            int missing = 0;
            for (Slot s : window) {
                if (s.missing()) {
                    missing++;
                    if (asBreach) breaching++;
                } else if (in.comparison().breaches(s, in.threshold())) {
                    breaching++;
                }
            }
            int notBreaching = window.size() - breaching;
            return new Result(breaching >= m ? "ALARM" : "OK", window, breaching, notBreaching, missing, asBreach, 0);
        }
        List<Slot> actual = new ArrayList<>();
        for (Slot s : range) if (!s.missing()) actual.add(s);
        if (actual.isEmpty()) {
            String state = "ignore".equals(treat) ? null : "INSUFFICIENT_DATA";
            List<Slot> window = range.subList(Math.max(0, range.size() - n), range.size());
            return new Result(state, window, 0, 0, 0, false, window.size());
        }
        List<Slot> evaluated = actual.subList(Math.max(0, actual.size() - n), actual.size());
        int breaching = 0;
        for (Slot s : evaluated) if (in.comparison().breaches(s, in.threshold())) breaching++;
        int notBreaching = evaluated.size() - breaching;
        String state;
        if (evaluated.size() >= m) {
            state = breaching >= m ? "ALARM" : "OK";
        } else if ("ignore".equals(treat)) {
            state = breaching == 0 ? "OK" : null;
        } else {
            state = breaching == evaluated.size() ? "ALARM" : "OK";
        }
        return new Result(state, evaluated, breaching, notBreaching, 0, false, 0);
    }

    /** The sample count a percentile needs to be significant: 10 / (1 - p/100); null for other statistics. */
    public static Double minimumSamples(String extendedStatistic) {
        if (extendedStatistic == null || !extendedStatistic.matches("p\\d+(\\.\\d+)?")) return null;
        double p = Double.parseDouble(extendedStatistic.substring(1));
        return p >= 100 ? null : 10.0 / (1 - p / 100.0);
    }
}
