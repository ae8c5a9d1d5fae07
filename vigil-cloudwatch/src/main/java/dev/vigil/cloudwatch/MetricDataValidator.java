package dev.vigil.cloudwatch;

import static dev.vigil.cloudwatch.CloudWatchErrors.combination;
import static dev.vigil.cloudwatch.CloudWatchErrors.exclusive;
import static dev.vigil.cloudwatch.CloudWatchErrors.invalidValue;
import static dev.vigil.cloudwatch.CloudWatchErrors.invalidValues;
import static dev.vigil.cloudwatch.CloudWatchErrors.missing;
import static dev.vigil.cloudwatch.CloudWatchErrors.required;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.EntityMetricData;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;

/**
 * PutMetricData's rules, checked on the whole batch before anything is stored, and the batch turned into
 * samples. A missing parameter or a contradictory combination answers at once (MissingParameter,
 * InvalidParameterCombination); bad values are collected over the batch and answered together, one line each
 * (InvalidParameterValue), as AWS reports them. Model constraints (name lengths, at most 30 dimensions) are
 * the gateway Validator's. Stateless.
 */
final class MetricDataValidator {
    static final int MAX_DATUMS = 1000;
    static final int MAX_VALUES = 150;
    static final Duration PAST = Duration.ofDays(14);
    static final Duration FUTURE = Duration.ofHours(2);
    /** "Values must be in the range of -2^360 to 2^360" (MetricDatum.Value, API reference). */
    static final double MAX_MAGNITUDE = Math.scalb(1.0, 360);
    /**
     * High-resolution points this close to the 3-hour horizon are stored at 1 minute right away, so the roll-up
     * of points older than 3 hours never races a write that is still committing (see {@link MetricRetention}).
     */
    static final Duration HIGH_RESOLUTION_GUARD = Duration.ofMinutes(5);

    private MetricDataValidator() {}

    /** The datums of a request, each with the parameter path AWS names it by. */
    private record Entry(String path, MetricDatum datum) {}

    /**
     * Validates a PutMetricData batch (both MetricData and EntityMetricData) and returns its samples.
     *
     * @param reservedNamespaces whether AWS/ namespaces are allowed (service-internal metrics only)
     */
    static List<Sample> validate(String namespace, List<MetricDatum> metricData, List<EntityMetricData> entityData,
                                 boolean reservedNamespaces, Instant now) {
        if (namespace == null || namespace.isEmpty()) throw required("Namespace");
        if (!reservedNamespaces && namespace.startsWith("AWS/")) {
            throw invalidValue("The value AWS/ for parameter Namespace is invalid.");
        }
        List<Entry> entries = entries(metricData, entityData);
        if (entries.isEmpty()) throw required("MetricData");
        if (entries.size() > MAX_DATUMS) {
            // The limit counts metrics across MetricData and EntityMetricData together.
            throw invalidValue("The collection MetricData must not have a size greater than " + MAX_DATUMS + ".");
        }
        List<String> problems = new ArrayList<>();
        List<Sample> samples = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            int before = problems.size();
            check(e.path(), e.datum(), now, problems);
            if (problems.size() == before) {
                Sample s = sample(namespace, e.datum(), now);
                if (s != null) samples.add(s);
            }
        }
        if (!problems.isEmpty()) throw invalidValues(problems);
        return samples;
    }

    private static List<Entry> entries(List<MetricDatum> metricData, List<EntityMetricData> entityData) {
        List<Entry> out = new ArrayList<>();
        if (metricData != null) {
            for (int i = 0; i < metricData.size(); i++) {
                out.add(new Entry("MetricData.member." + (i + 1), metricData.get(i)));
            }
        }
        if (entityData != null) {
            for (int j = 0; j < entityData.size(); j++) {
                EntityMetricData emd = entityData.get(j);
                if (emd == null || !emd.hasMetricData()) continue;
                for (int i = 0; i < emd.metricData().size(); i++) {
                    out.add(new Entry("EntityMetricData.member." + (j + 1) + ".MetricData.member." + (i + 1),
                            emd.metricData().get(i)));
                }
            }
        }
        return out;
    }

    private static void check(String p, MetricDatum d, Instant now, List<String> problems) {
        if (d == null || d.metricName() == null || d.metricName().isEmpty()) throw required(p + ".MetricName");
        checkDimensions(p, d, problems);
        List<Double> values = d.hasValues() ? d.values() : List.of();
        List<Double> counts = d.hasCounts() ? d.counts() : List.of();
        StatisticSet stats = d.statisticValues();
        boolean hasValue = d.value() != null;
        if (hasValue && !values.isEmpty()) throw exclusive(p + ".Value", p + ".Values");
        if (hasValue && stats != null) throw exclusive(p + ".Value", p + ".StatisticValues");
        if (!hasValue && values.isEmpty() && stats == null) {
            throw combination("At least one of the parameters " + p + ".Value, " + p + ".Values, " + p
                    + ".StatisticValues must be specified.");
        }
        if (values.size() > MAX_VALUES) {
            problems.add("The collection " + p + ".Values must not have a size greater than " + MAX_VALUES + ".");
        }
        if (counts.size() > MAX_VALUES) {
            problems.add("The collection " + p + ".Counts must not have a size greater than " + MAX_VALUES + ".");
        }
        if (!counts.isEmpty() && counts.size() != values.size()) {
            problems.add("The parameters " + p + ".Values and " + p + ".Counts must be of the same size.");
        }
        String unit = d.unitAsString();
        if (unit != null && !StandardUnits.isValid(unit)) problems.add(StandardUnits.notInSet(p + ".Unit"));
        Integer resolution = d.storageResolution();
        if (resolution != null && resolution != 1 && resolution != 60) {
            problems.add("The parameter " + p + ".StorageResolution must be a value in the set [ 1, 60 ].");
        }
        Instant t = d.timestamp();
        if (t != null && t.isBefore(now.minus(PAST))) {
            problems.add("The parameter " + p + ".Timestamp must specify a time within the past two weeks.");
        } else if (t != null && t.isAfter(now.plus(FUTURE))) {
            problems.add("The parameter " + p + ".Timestamp must specify a time no more than two hours in the future.");
        }
        if (hasValue && !isAcceptable(d.value())) problems.add(invalidNumber(d.value(), p + ".Value"));
        for (Double v : values) {
            if (v == null || !isAcceptable(v)) {
                problems.add(invalidNumber(v, p + ".Values"));
                break;
            }
        }
        for (Double c : counts) {
            if (c == null || !Double.isFinite(c) || c < 0) {
                problems.add(invalidNumber(c, p + ".Counts"));
                break;
            }
        }
        if (stats != null) checkStatistics(p + ".StatisticValues", stats, problems);
    }

    private static void checkDimensions(String p, MetricDatum d, List<String> problems) {
        if (!d.hasDimensions()) return;
        Set<String> names = new HashSet<>();
        for (int k = 0; k < d.dimensions().size(); k++) {
            Dimension dim = d.dimensions().get(k);
            String path = p + ".Dimensions.member." + (k + 1);
            if (dim == null || dim.name() == null || dim.name().isEmpty()) throw required(path + ".Name");
            if (dim.value() == null || dim.value().isEmpty()) throw required(path + ".Value");
            if (!names.add(dim.name())) {
                // One metric cannot carry a dimension twice: its identity would be ambiguous.
                problems.add("The value " + dim.name() + " for parameter " + path + ".Name is a duplicate of an "
                        + "earlier dimension name of the same metric.");
            }
        }
    }

    private static void checkStatistics(String p, StatisticSet s, List<String> problems) {
        List<String> absent = new ArrayList<>();
        if (s.maximum() == null) absent.add("The parameter " + p + ".Maximum is required.");
        if (s.minimum() == null) absent.add("The parameter " + p + ".Minimum is required.");
        if (s.sampleCount() == null) absent.add("The parameter " + p + ".SampleCount is required.");
        if (s.sum() == null) absent.add("The parameter " + p + ".Sum is required.");
        if (!absent.isEmpty()) throw missing(String.join("\n", absent));
        int before = problems.size();
        if (!isAcceptable(s.sampleCount())) problems.add(invalidNumber(s.sampleCount(), p + ".SampleCount"));
        if (!isAcceptable(s.sum())) problems.add(invalidNumber(s.sum(), p + ".Sum"));
        if (!isAcceptable(s.minimum())) problems.add(invalidNumber(s.minimum(), p + ".Minimum"));
        if (!isAcceptable(s.maximum())) problems.add(invalidNumber(s.maximum(), p + ".Maximum"));
        if (problems.size() > before) return;
        if (s.sampleCount() < 0) problems.add("The parameter " + p + ".SampleCount must be greater than 0.");
        else if (s.sampleCount() == 0) problems.add("The parameter " + p + ".SampleCount must not equal 0.");
        if (s.maximum() < s.minimum()) {
            problems.add("The parameter " + p + ".Maximum must be greater than " + p + ".Minimum.");
        }
    }

    /** Finite and within ±2^360; NaN and the infinities are "not supported". */
    static boolean isAcceptable(double v) {
        return Double.isFinite(v) && Math.abs(v) <= MAX_MAGNITUDE;
    }

    private static String invalidNumber(Double v, String parameter) {
        return "The value " + v + " for parameter " + parameter + " is invalid.";
    }

    /** A valid datum as a sample, or null when it carries no samples (all Counts zero). */
    static Sample sample(String namespace, MetricDatum d, Instant now) {
        MetricKey key = MetricKey.of(namespace, d.metricName(), d.hasDimensions() ? d.dimensions() : List.of());
        String unit = d.unitAsString() == null ? StandardUnits.NONE : d.unitAsString();
        Instant at = d.timestamp() == null ? now : d.timestamp();
        int resolution = d.storageResolution() == null ? 60 : d.storageResolution();
        if (resolution == 1 && at.isBefore(now.minus(PeriodRules.HIGH_RESOLUTION_KEPT).plus(HIGH_RESOLUTION_GUARD))) {
            resolution = 60;
        }
        long step = resolution * 1000L;
        long ts = Math.floorDiv(at.toEpochMilli(), step) * step;
        Point p = point(d, ts, resolution, unit);
        return p == null ? null : new Sample(key, p);
    }

    private static Point point(MetricDatum d, long ts, int resolution, String unit) {
        if (d.value() != null) {
            double v = d.value();
            return new Point(ts, resolution, unit, 1, v, v, v, null);
        }
        StatisticSet s = d.statisticValues();
        if (d.hasValues() && !d.values().isEmpty()) {
            Distribution.Builder b = new Distribution.Builder();
            for (int i = 0; i < d.values().size(); i++) {
                b.add(d.values().get(i), d.hasCounts() && !d.counts().isEmpty() ? d.counts().get(i) : 1.0);
            }
            Distribution dist = b.build();
            if (s != null) {
                // AWS accepts Values together with StatisticValues: the set gives the statistics, the values
                // the percentiles.
                boolean implied = dist.size() == 1 && dist.value(0) == s.minimum() && s.minimum().equals(s.maximum());
                return new Point(ts, resolution, unit, s.sampleCount(), s.sum(), s.minimum(), s.maximum(),
                        implied ? null : dist);
            }
            if (dist.isEmpty()) return null;
            double sum = 0;
            for (int i = 0; i < dist.size(); i++) sum += dist.value(i) * dist.count(i);
            double min = dist.value(0);
            double max = dist.value(dist.size() - 1);
            return new Point(ts, resolution, unit, dist.total(), sum, min, max, dist.size() == 1 ? null : dist);
        }
        // A statistic set: its values are implied when min = max; with one sample that sample is the sum.
        Distribution values = s.sampleCount() == 1 && !s.minimum().equals(s.maximum())
                ? Distribution.single(s.sum(), 1) : null;
        return new Point(ts, resolution, unit, s.sampleCount(), s.sum(), s.minimum(), s.maximum(), values);
    }
}
