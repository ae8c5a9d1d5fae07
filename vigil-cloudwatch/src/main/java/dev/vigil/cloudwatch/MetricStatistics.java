package dev.vigil.cloudwatch;

import static dev.vigil.cloudwatch.CloudWatchErrors.combination;
import static dev.vigil.cloudwatch.CloudWatchErrors.exclusive;
import static dev.vigil.cloudwatch.CloudWatchErrors.invalidValues;
import static dev.vigil.cloudwatch.CloudWatchErrors.required;

import dev.vigil.core.RequestContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;

/**
 * GetMetricStatistics: one datapoint per period and unit (without a Unit filter each unit gets its own
 * datapoint, as AWS answers), oldest first, with the requested statistics only. Thread-safe (stateless).
 */
final class MetricStatistics {
    static final int MAX_DATAPOINTS = 1440;

    private final MetricRepository metrics;
    private final Clock clock;

    MetricStatistics(MetricRepository metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    GetMetricStatisticsResponse getMetricStatistics(RequestContext ctx, GetMetricStatisticsRequest r) {
        List<String> basic = r.hasStatistics() ? r.statisticsAsStrings() : List.of();
        List<String> extended = r.hasExtendedStatistics() ? r.extendedStatistics() : List.of();
        if (basic.isEmpty() && extended.isEmpty()) {
            throw combination("At least one of the parameters Statistics and ExtendedStatistics must be specified.");
        }
        if (!basic.isEmpty() && !extended.isEmpty()) throw exclusive("Statistics", "ExtendedStatistics");
        if (r.namespace() == null) throw required("Namespace");
        if (r.metricName() == null) throw required("MetricName");
        if (r.startTime() == null) throw required("StartTime");
        if (r.endTime() == null) throw required("EndTime");
        if (r.period() == null) throw required("Period");
        List<Statistic> stats = statistics(basic, extended, r);
        int period = r.period();
        long requested = PeriodRules.requestedDatapoints(r.startTime(), r.endTime(), period);
        if (requested > MAX_DATAPOINTS) {
            throw combination("You have requested up to " + requested + " datapoints, which exceeds the limit of "
                    + MAX_DATAPOINTS + ". You may reduce the datapoints requested by increasing Period, or decreasing"
                    + " the time range.");
        }
        MetricKey key = MetricKey.of(r.namespace(), r.metricName(), Requests.dimensions(r.dimensions(), "Dimensions"));
        Instant now = clock.instant();
        List<Datapoint> points = new ArrayList<>();
        if (PeriodRules.servesData(period, r.startTime(), now)) {
            long from = PeriodRules.roundStart(r.startTime(), now);
            long to = r.endTime().toEpochMilli();
            List<Point> raw = metrics.read(ctx.accountId(), ctx.region(), key, from, to, r.unitAsString());
            for (Buckets.Bucket b : Buckets.of(raw, from, to, period, true)) points.add(datapoint(b, stats));
        }
        return GetMetricStatisticsResponse.builder().label(r.metricName()).datapoints(points).build();
    }

    private static List<Statistic> statistics(List<String> basic, List<String> extended, GetMetricStatisticsRequest r) {
        List<String> problems = new ArrayList<>();
        List<Statistic> out = new ArrayList<>();
        for (int i = 0; i < basic.size(); i++) {
            Statistic.Basic b = Statistic.basic(basic.get(i));
            if (b == null) {
                problems.add("The parameter Statistics.member." + (i + 1) + ".<list element> must be a value in the set"
                        + " [SampleCount, Average, Sum, Minimum, Maximum].");
            } else {
                out.add(b);
            }
        }
        for (int i = 0; i < extended.size(); i++) {
            Statistic s = Statistic.parseExtended(extended.get(i));
            if (s == null) {
                problems.add("The value " + extended.get(i) + " for parameter ExtendedStatistics.member." + (i + 1)
                        + " is not supported.");
            } else {
                out.add(s);
            }
        }
        if (r.unitAsString() != null && !StandardUnits.isValid(r.unitAsString())) {
            problems.add(StandardUnits.notInSet("Unit"));
        }
        if (!PeriodRules.isValidPeriod(r.period())) problems.add("The parameter Period must be a multiple of 60.");
        Requests.timeRange(r.startTime(), r.endTime(), problems);
        if (!problems.isEmpty()) throw invalidValues(problems);
        return out;
    }

    private static Datapoint datapoint(Buckets.Bucket b, List<Statistic> stats) {
        Datapoint.Builder d = Datapoint.builder().timestamp(Instant.ofEpochMilli(b.timestamp())).unit(b.unit());
        Map<String, Double> extended = new LinkedHashMap<>();
        for (Statistic s : stats) {
            OptionalDouble v = s.evaluate(b.summary());
            if (v.isEmpty()) continue;
            double value = v.getAsDouble();
            if (s instanceof Statistic.Basic basic) {
                switch (basic) {
                    case SampleCount -> d.sampleCount(value);
                    case Average -> d.average(value);
                    case Sum -> d.sum(value);
                    case Minimum -> d.minimum(value);
                    case Maximum -> d.maximum(value);
                }
            } else {
                extended.put(s.name(), value);
            }
        }
        if (!extended.isEmpty()) d.extendedStatistics(extended);
        return d.build();
    }
}
