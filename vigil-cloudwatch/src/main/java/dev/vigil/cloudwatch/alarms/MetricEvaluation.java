package dev.vigil.cloudwatch.alarms;

import java.util.ArrayList;
import java.util.List;

/**
 * The alarm state machine of one evaluation (pure), after AWS's "Configuring how CloudWatch alarms treat missing
 * data" (section "How alarm state is evaluated when data is missing" and "Avoiding premature transitions to alarm
 * state"). Input: the evaluation range, oldest first — the last {@code EvaluationPeriods} (N) periods plus
 * {@link #EXTRA_PERIODS} earlier ones. AWS publishes no formula for the range ("depends on the length of the alarm
 * period and whether it is based on a metric with standard resolution or high resolution"); its only figure is the
 * worked example, 5 datapoints retrieved for N = 3, hence N + 2. Rules:
 * <ul>
 *   <li>At least N real datapoints in the range: the most recent N real ones are evaluated (reaching back past
 *       gaps); ALARM when at least M (DatapointsToAlarm) breach, else OK. TreatMissingData is not consulted.
 *   <li>None: breaching gives ALARM, notBreaching OK, missing INSUFFICIENT_DATA, ignore keeps the state.
 *   <li>Some but fewer than N: every real datapoint of the range is evaluated. breaching / notBreaching fill the
 *       N - real most recent gaps as breaching / not breaching ("uses missing data points only as few times as
 *       possible"). missing / ignore evaluate the real ones alone: ALARM when at least M breach; OK when fewer do
 *       and one of them is within the threshold; when all of them breach (fewer than M), ALARM if the oldest is at
 *       least M periods old (the premature-alarm rule: "- - X - -" at M = 3, "- - - X -" at M = 2), otherwise
 *       missing gives INSUFFICIENT_DATA ("- - - - X", an earlier revision of the same table) and ignore keeps the
 *       state ("Retain current state" in every such row).
 *   <li>{@code EvaluateLowSampleCountPercentile=ignore}: when the latest datapoint has fewer samples than the
 *       percentile needs to be significant (see {@link #minimumSamples}), the state is kept.
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
        List<Slot> real = new ArrayList<>();
        for (Slot s : range) if (!s.missing()) real.add(s);
        if (real.size() >= n) {
            List<Slot> evaluated = real.subList(real.size() - n, real.size());
            int breaching = count(evaluated, in);
            return new Result(breaching >= m ? "ALARM" : "OK", evaluated, breaching, n - breaching, 0, false, 0);
        }
        int fill = n - real.size();
        List<Slot> evaluated = withRecentGaps(range, fill);
        boolean asBreach = "breaching".equals(treat);
        if (asBreach || "notBreaching".equals(treat)) {
            int breaching = count(real, in) + (asBreach ? fill : 0);
            return new Result(breaching >= m ? "ALARM" : "OK", evaluated, breaching, n - breaching, fill, asBreach, 0);
        }
        boolean ignore = "ignore".equals(treat);
        if (real.isEmpty()) return new Result(ignore ? null : "INSUFFICIENT_DATA", evaluated, 0, 0, 0, false, fill);
        int breaching = count(real, in);
        int within = real.size() - breaching;
        if (breaching >= m) return new Result("ALARM", real, breaching, within, 0, false, 0);
        if (within > 0) return new Result("OK", real, breaching, within, 0, false, 0);
        long oldest = real.get(0).timestamp();
        int age = 0;
        for (Slot s : range) if (s.timestamp() >= oldest) age++;
        if (age >= m && !ignore) return new Result("ALARM", real, breaching, 0, 0, false, 0);
        return new Result(ignore ? null : "INSUFFICIENT_DATA", evaluated, breaching, 0, 0, false, fill);
    }

    private static int count(List<Slot> slots, Input in) {
        int breaching = 0;
        for (Slot s : slots) if (in.comparison().breaches(s, in.threshold())) breaching++;
        return breaching;
    }

    /** Every real datapoint of the range plus its {@code fill} most recent gaps, oldest first. */
    private static List<Slot> withRecentGaps(List<Slot> range, int fill) {
        List<Slot> out = new ArrayList<>();
        int gaps = 0;
        for (int i = range.size() - 1; i >= 0; i--) {
            Slot s = range.get(i);
            if (!s.missing()) out.add(0, s);
            else if (gaps < fill) {
                out.add(0, s);
                gaps++;
            }
        }
        return out;
    }

    /**
     * The sample count a percentile needs to be significant, per AWS's "Percentile-based alarms and low data
     * samples": 10 / (1 - p) for p in [0.5, 1), 10 / p for p in (0, 0.5); null for other statistics.
     */
    public static Double minimumSamples(String extendedStatistic) {
        if (extendedStatistic == null || !extendedStatistic.matches("p\\d+(\\.\\d+)?")) return null;
        double p = Double.parseDouble(extendedStatistic.substring(1)) / 100.0;
        if (p <= 0 || p >= 1) return null;
        return p >= 0.5 ? 10.0 / (1 - p) : 10.0 / p;
    }
}
