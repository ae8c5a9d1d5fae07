package dev.vigil.cloudwatch.alarms;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.SortedMap;

/**
 * Vigil's anomaly detection model, trained from the metric's own history (AWS does not publish its model; this
 * one is documented here so bands are predictable):
 * <ul>
 *   <li>Training data: the metric's datapoints (at the alarm's period and statistic, through the same query path
 *       as GetMetricData) over the {@link #TRAINING_DAYS} days before the evaluation range, minus the detector's
 *       excluded time ranges.
 *   <li>Seasonality: hour of the day in the detector's MetricTimezone (UTC by default). When the training data
 *       holds at least {@link #MIN_SEASONAL} points of the hour being predicted, spread over at least two days,
 *       the band uses that hour's mean and standard deviation; otherwise the mean and standard deviation of all
 *       the training data.
 *   <li>Band: {@code mean ± k × stddev} for ANOMALY_DETECTION_BAND(m, k) (k defaults to 2).
 *   <li>Trained once the history holds {@link #MIN_TRAINING} points; before that there is no band, and the
 *       alarm's datapoints count as missing (so a new detector's alarm is INSUFFICIENT_DATA, as on AWS while
 *       a model is pending training).
 * </ul>
 * Immutable.
 */
public final class AnomalyModel {
    public static final int TRAINING_DAYS = 14;
    public static final int MIN_TRAINING = 10;
    public static final int MIN_SEASONAL = 5;

    private final double mean;
    private final double stddev;
    private final double[] hourMean = new double[24];
    private final double[] hourStd = new double[24];
    private final boolean[] seasonal = new boolean[24];
    private final ZoneId zone;
    private final int points;

    private AnomalyModel(SortedMap<Long, Double> history, ZoneId zone) {
        this.zone = zone;
        this.points = history.size();
        double[] sum = new double[24];
        double[] sq = new double[24];
        int[] n = new int[24];
        @SuppressWarnings("unchecked")
        java.util.Set<Long>[] days = new java.util.Set[24];
        double total = 0;
        double totalSq = 0;
        for (var e : history.entrySet()) {
            int h = hour(e.getKey());
            double v = e.getValue();
            sum[h] += v;
            sq[h] += v * v;
            n[h]++;
            if (days[h] == null) days[h] = new java.util.HashSet<>();
            days[h].add(Math.floorDiv(e.getKey(), 86_400_000L));
            total += v;
            totalSq += v * v;
        }
        this.mean = points == 0 ? 0 : total / points;
        this.stddev = points == 0 ? 0 : Math.sqrt(Math.max(0, totalSq / points - mean * mean));
        for (int h = 0; h < 24; h++) {
            seasonal[h] = n[h] >= MIN_SEASONAL && days[h].size() >= 2;
            if (seasonal[h]) {
                hourMean[h] = sum[h] / n[h];
                hourStd[h] = Math.sqrt(Math.max(0, sq[h] / n[h] - hourMean[h] * hourMean[h]));
            }
        }
    }

    public static AnomalyModel train(SortedMap<Long, Double> history, ZoneId zone) {
        return new AnomalyModel(history, zone == null ? ZoneId.of("UTC") : zone);
    }

    /** Drops the points inside excluded ranges ([start, end) epoch millis pairs). */
    public static void exclude(SortedMap<Long, Double> history, List<long[]> ranges) {
        for (long[] r : ranges) history.subMap(r[0], r[1]).clear();
    }

    public boolean trained() { return points >= MIN_TRAINING; }

    private int hour(long millis) { return Instant.ofEpochMilli(millis).atZone(zone).getHour(); }

    /** The band at {@code timestamp} for width {@code k}: {lower, upper}, or null before training. */
    public double[] band(long timestamp, double k) {
        if (!trained()) return null;
        int h = hour(timestamp);
        double m = seasonal[h] ? hourMean[h] : mean;
        double s = seasonal[h] ? hourStd[h] : stddev;
        return new double[] {m - k * s, m + k * s};
    }
}
