package dev.vigil.cloudwatch.math;

import dev.vigil.cloudwatch.math.Aggregations.Kind;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The built-in function table, by the upper-case names AWS requires. Immutable. */
final class Functions {
    /**
     * Functions AWS has that need more than the request's own data (a metric index, a model, another service);
     * named so an expression using one gets "not supported" instead of "unknown". SEARCH and
     * ANOMALY_DETECTION_BAND plug in through {@link MetricMath#withFunction} in GetMetricData.
     */
    static final Set<String> NOT_BUILT_IN = Set.of("SEARCH", "ANOMALY_DETECTION_BAND", "INSIGHT_RULE_METRIC",
            "SERVICE_QUOTA", "LAMBDA", "DB_PERF_INSIGHTS");

    private Functions() {}

    static Map<String, MathFunction> builtIns() {
        Map<String, MathFunction> f = new HashMap<>();
        for (Kind k : Kind.values()) f.put(k.name(), Aggregations.of(k));
        f.put("ABS", Transforms.pointwise("ABS", Math::abs));
        f.put("CEIL", Transforms.pointwise("CEIL", Math::ceil));
        f.put("FLOOR", Transforms.pointwise("FLOOR", Math::floor));
        f.put("LOG", Transforms.pointwise("LOG", Math::log));
        f.put("LOG10", Transforms.pointwise("LOG10", Math::log10));
        f.put("DIFF", Transforms.perSeries("DIFF", Transforms::diff));
        f.put("DIFF_TIME", Transforms.perSeries("DIFF_TIME", Transforms::diffTime));
        f.put("RATE", Transforms.perSeries("RATE", Transforms::rate));
        f.put("RUNNING_SUM", Transforms.perSeries("RUNNING_SUM", (s, d) -> Transforms.runningSum(s)));
        f.put("MINUTE", TimeFunctions.calendar("MINUTE", t -> t.getMinute()));
        f.put("HOUR", TimeFunctions.calendar("HOUR", t -> t.getHour()));
        f.put("DAY", TimeFunctions.calendar("DAY", t -> t.getDayOfWeek().getValue()));
        f.put("DATE", TimeFunctions.calendar("DATE", t -> t.getDayOfMonth()));
        f.put("MONTH", TimeFunctions.calendar("MONTH", t -> t.getMonthValue()));
        f.put("YEAR", TimeFunctions.calendar("YEAR", t -> t.getYear()));
        f.put("EPOCH", TimeFunctions.calendar("EPOCH", TimeFunctions::epoch));
        f.put("TIME_SERIES", TimeFunctions::timeSeries);
        f.put("PERIOD", TimeFunctions::period);
        f.put("IF", Conditionals::ifFunction);
        f.put("FILL", Conditionals::fill);
        f.put("METRICS", ArrayFunctions::metrics);
        f.put("FIRST", ArrayFunctions::first);
        f.put("LAST", ArrayFunctions::last);
        f.put("SLICE", ArrayFunctions::slice);
        f.put("SORT", ArrayFunctions::sort);
        f.put("REMOVE_EMPTY", ArrayFunctions::removeEmpty);
        f.put("METRIC_COUNT", ArrayFunctions::metricCount);
        return f;
    }
}
