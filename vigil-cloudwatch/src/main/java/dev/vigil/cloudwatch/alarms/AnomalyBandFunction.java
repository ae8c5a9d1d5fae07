package dev.vigil.cloudwatch.alarms;

import dev.vigil.cloudwatch.MetricCatalog;
import dev.vigil.cloudwatch.MetricKey;
import dev.vigil.cloudwatch.math.EvalContext;
import dev.vigil.cloudwatch.math.MathException;
import dev.vigil.cloudwatch.math.MathFunction;
import dev.vigil.cloudwatch.math.Series;
import dev.vigil.cloudwatch.math.Value;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code ANOMALY_DETECTION_BAND(m, k)} in GetMetricData (and so in widget images): two series, the lower and the
 * upper limit of the metric's expected values, {@code mean ± k × stddev} of the {@link AnomalyModel} the alarm
 * evaluator uses, trained on the {@link AnomalyModel#TRAINING_DAYS} days before the request's start at the
 * metric's period and statistic, with its detector's excluded ranges and timezone; k is 2 when omitted. The band
 * covers every period of the range (it is a prediction, not data); before the model is trained both series are
 * empty. {@code m} must be a MetricStat query (metric math detectors are not modelled).
 * Stateless apart from what it captures; one instance serves one request.
 */
public final class AnomalyBandFunction implements MathFunction {
    public static final String NAME = "ANOMALY_DETECTION_BAND";
    static final double DEFAULT_WIDTH = 2;
    static final String LOWER = "Lower Bound";
    static final String UPPER = "Upper Bound";

    private final MetricCatalog catalog;
    private final BandDetectors detectors;

    public AnomalyBandFunction(MetricCatalog catalog, BandDetectors detectors) {
        this.catalog = catalog;
        this.detectors = detectors;
    }

    @Override
    public Value apply(List<Value> args, EvalContext ctx) {
        if (args.isEmpty() || args.size() > 2) {
            throw new MathException("The function " + NAME + " takes 1 to 2 arguments but was given " + args.size()
                    + ".");
        }
        Series metric = metric(args.get(0));
        double k = DEFAULT_WIDTH;
        if (args.size() == 2) {
            if (!(args.get(1) instanceof Value.Scalar s) || !Double.isFinite(s.value())) {
                throw new MathException("Argument 2 of " + NAME + " must be a number of standard deviations.");
            }
            k = s.value();
        }
        Map<String, String> p = metric.props();
        TreeMap<String, String> dims = new TreeMap<>();
        p.forEach((name, value) -> {
            if (name.startsWith("Dim.")) dims.put(name.substring(4), value);
        });
        MetricKey key = new MetricKey(p.get("Namespace"), p.get("MetricName"), dims);
        String stat = p.get("Stat");
        AnomalyDetectorDef detector = detectors.detectorFor(key.namespace(), key.metricName(), dims, stat);
        AnomalyModel model = train(key, stat, metric.period(), ctx.start(), detector);
        return new Value.Array(band(model, metric, k, ctx));
    }

    /** The model as of {@code rangeStart}: trained on the days before it, as the alarm evaluator trains it. */
    private AnomalyModel train(MetricKey key, String stat, int period, long rangeStart, AnomalyDetectorDef d) {
        long from = rangeStart - AnomalyModel.TRAINING_DAYS * 86_400_000L;
        SortedMap<Long, Double> history = new TreeMap<>(catalog.statistic(key, stat, from, rangeStart, period));
        if (d.excludedRanges() != null) AnomalyModel.exclude(history, d.excludedRanges());
        return AnomalyModel.train(history, d.timezone() == null ? null : ZoneId.of(d.timezone()));
    }

    private static List<Series> band(AnomalyModel model, Series metric, double k, EvalContext ctx) {
        int period = Math.max(1, metric.period());
        long step = period * 1000L;
        int n = !model.trained() || ctx.end() <= ctx.start() ? 0
                : (int) Math.min(Integer.MAX_VALUE - 8, (ctx.end() - ctx.start() + step - 1) / step);
        long[] ts = new long[n];
        double[] lower = new double[n];
        double[] upper = new double[n];
        for (int i = 0; i < n; i++) {
            ts[i] = ctx.start() + i * step;
            double[] b = model.band(ts[i], k);
            lower[i] = b[0];
            upper[i] = b[1];
        }
        return List.of(new Series(LOWER, period, ts, lower), new Series(UPPER, period, ts.clone(), upper));
    }

    private static Series metric(Value v) {
        if (v instanceof Value.Single s && s.series().props().containsKey("Namespace")
                && s.series().props().containsKey("Stat")) {
            return s.series();
        }
        throw new MathException("Argument 1 of " + NAME + " must be the Id of a metric (a MetricStat query).");
    }
}
