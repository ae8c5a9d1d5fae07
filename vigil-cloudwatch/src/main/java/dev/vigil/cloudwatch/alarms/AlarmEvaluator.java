package dev.vigil.cloudwatch.alarms;

import dev.vigil.core.AwsException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;

/**
 * The evaluator job. Every alarm is evaluated on its period's boundaries (epoch-aligned, from the injectable
 * clock): at boundary T the evaluation range is the {@code EvaluationPeriods + 2} periods ending at T, read through
 * the GetMetricData path, so datapoints that arrive late still count while their period is in range. When the
 * clock has jumped over several boundaries only the latest is evaluated. Each evaluation is taken by a conditional
 * update of the alarm's next evaluation time, so one evaluation happens per alarm and period however many threads
 * or nodes run the job. Composite alarms are evaluated when a child changes; this job only runs their actions
 * once a suppressor's wait or extension period ends. Thread-safe (the band cache is concurrent).
 */
public final class AlarmEvaluator {
    private static final Logger LOG = LoggerFactory.getLogger(AlarmEvaluator.class);
    static final int BATCH = 10_000;
    static final String EVALUATION_ERROR = "EVALUATION_ERROR";
    private static final Pattern BAND = Pattern.compile("\\s*ANOMALY_DETECTION_BAND\\s*\\(\\s*([a-z][a-zA-Z0-9_]*)\\s*(?:,\\s*([0-9.eE+-]+)\\s*)?\\)\\s*");
    private static final long MODEL_TTL = 3_600_000L;

    private final AlarmRepository repo;
    private final MetricSource metrics;
    private final AlarmTransitions transitions;
    private final Clock clock;
    private final Map<String, CachedModel> models = new ConcurrentHashMap<>();

    private record CachedModel(AnomalyModel model, long trainedAt) {}

    public AlarmEvaluator(AlarmRepository repo, MetricSource metrics, AlarmTransitions transitions, Clock clock) {
        this.repo = repo;
        this.metrics = metrics;
        this.transitions = transitions;
        this.clock = clock;
    }

    /** AWS keeps alarm history for 30 days. */
    public static final java.time.Duration HISTORY_KEPT = java.time.Duration.ofDays(30);

    /** Drops history older than {@link #HISTORY_KEPT} (a separate, hourly job). Returns how many items went. */
    public int sweepHistory() {
        return repo.deleteHistoryBefore(clock.millis() - HISTORY_KEPT.toMillis());
    }

    /** Forgets the trained anomaly models (before a reset wipes the metrics they were trained from). */
    public void clearCaches() {
        models.clear();
    }

    /** One run of the job: every due alarm. Returns how many evaluations this call took. */
    public int run() {
        long now = clock.millis();
        int taken = 0;
        for (Alarm a : repo.due(now, BATCH)) {
            try {
                if (a.config().isComposite()) {
                    if (repo.claim(a.accountId(), a.region(), a.name(), a.nextEval(), null)) {
                        taken++;
                        transitions.actionDue(a.withNextEval(null));
                    }
                    continue;
                }
                long period = a.config().evaluationPeriod() * 1000L;
                long boundary = Math.floorDiv(now, period) * period;
                if (!repo.claim(a.accountId(), a.region(), a.name(), a.nextEval(), boundary + period)) continue;
                taken++;
                evaluate(a.withNextEval(boundary + period), boundary);
            } catch (RuntimeException e) {
                LOG.warn("alarm {} not evaluated", a.arn(), e);
            }
        }
        return taken;
    }

    /** Evaluates a metric alarm at boundary {@code t} and applies the outcome. */
    void evaluate(Alarm a, long t) {
        AlarmConfig c = a.config();
        long period = c.evaluationPeriod() * 1000L;
        int slots = c.evaluationPeriods() + MetricEvaluation.EXTRA_PERIODS;
        long start = t - slots * period;
        List<Slot> range;
        try {
            range = range(a, start, t, slots);
        } catch (AwsException e) {
            // The evaluation was taken (next_eval moved on), so it must not end silently: without a result the alarm
            // cannot claim OK or ALARM; it says why in its StateReason and flags AWS's EvaluationState
            // EVALUATION_ERROR (a configuration error to review, per AWS's alarm evaluation states).
            LOG.warn("alarm {}: metric query failed: {}", a.arn(), e.getMessage());
            String reason = StateReasons.queryFailed(e.getMessage());
            String data = StateReasons.queryFailedData(clock.millis());
            Alarm flagged = a.withEvaluationState(EVALUATION_ERROR);
            if (!"INSUFFICIENT_DATA".equals(a.state())) {
                transitions.change(flagged, "INSUFFICIENT_DATA", reason, data, false);
            } else if (!reason.equals(a.stateReason()) || !EVALUATION_ERROR.equals(a.evaluationState())) {
                // Same state: only the reason changes (no transition, so no history item, event or actions).
                repo.updateState(flagged.withState("INSUFFICIENT_DATA", reason, data, clock.millis()), a.version());
            }
            return;
        }
        Comparison op = Comparison.of(c.comparisonOperator());
        Double minimum = "ignore".equals(c.evaluateLowSampleCountPercentile())
                ? MetricEvaluation.minimumSamples(c.extendedStatistic()) : null;
        MetricEvaluation.Result r = MetricEvaluation.evaluate(new MetricEvaluation.Input(range, c.evaluationPeriods(),
                c.effectiveDatapointsToAlarm(), op, c.threshold() == null ? 0 : c.threshold(),
                c.effectiveTreatMissingData(), minimum));
        boolean recovered = a.evaluationState() != null;
        if (recovered) a = a.withEvaluationState(null);
        if (r.state() == null || r.state().equals(a.state())) {
            // The query works again but the state stays: the error's reason and flag go, quietly.
            if (recovered && r.state() == null) repo.updateState(a, a.version());
            else if (recovered) {
                repo.updateState(a.withState(a.state(), StateReasons.reason(r, c, a.state()),
                        StateReasons.reasonData(r, c, clock.millis()), clock.millis()), a.version());
            }
            return;
        }
        String reason = StateReasons.reason(r, c, a.state());
        String data = StateReasons.reasonData(r, c, clock.millis());
        transitions.change(a, r.state(), reason, data, false);
    }

    private List<Slot> range(Alarm a, long start, long end, int slots) {
        AlarmConfig c = a.config();
        long period = c.evaluationPeriod() * 1000L;
        SortedMap<Long, Double> values;
        SortedMap<Long, Double> counts = new TreeMap<>();
        double[][] band = null;
        if (!c.isMathAlarm()) {
            String stat = c.statistic() != null ? c.statistic() : c.extendedStatistic();
            List<MetricDataQuery> q = new ArrayList<>();
            q.add(stat("v", c.namespace(), c.metricName(), c.dimensions(), c.period(), stat, c.unit(), true));
            q.add(stat("n", c.namespace(), c.metricName(), c.dimensions(), c.period(), "SampleCount", c.unit(), true));
            Map<String, SortedMap<Long, Double>> res = metrics.query(a.accountId(), a.region(), q,
                    Instant.ofEpochMilli(start), Instant.ofEpochMilli(end));
            values = res.getOrDefault("v", new TreeMap<>());
            counts = res.getOrDefault("n", new TreeMap<>());
        } else if (c.thresholdMetricId() != null) {
            AlarmConfig.Query bandQuery = c.metrics().stream().filter(x -> x.id().equals(c.thresholdMetricId()))
                    .findFirst().orElseThrow();
            Matcher m = BAND.matcher(bandQuery.expression());
            if (!m.matches()) throw AwsException.badRequest("ValidationError", "Unsupported threshold expression");
            String id = m.group(1);
            double k = m.group(2) == null ? 2 : Double.parseDouble(m.group(2));
            List<MetricDataQuery> q = new ArrayList<>();
            for (AlarmConfig.Query x : c.metrics()) {
                if (x.id().equals(c.thresholdMetricId())) continue;
                q.add(query(x, x.id().equals(id)));
            }
            values = metrics.query(a.accountId(), a.region(), q, Instant.ofEpochMilli(start), Instant.ofEpochMilli(end))
                    .getOrDefault(id, new TreeMap<>());
            AnomalyModel model = model(a, q, id, start);
            band = new double[slots][];
            for (int i = 0; i < slots; i++) band[i] = model.band(start + i * period, k);
        } else {
            List<MetricDataQuery> q = c.metrics().stream().map(x -> query(x, !Boolean.FALSE.equals(x.returnData()))).toList();
            String id = c.metrics().stream().filter(x -> !Boolean.FALSE.equals(x.returnData())).findFirst().orElseThrow().id();
            values = metrics.query(a.accountId(), a.region(), q, Instant.ofEpochMilli(start), Instant.ofEpochMilli(end))
                    .getOrDefault(id, new TreeMap<>());
        }
        List<Slot> out = new ArrayList<>(slots);
        for (int i = 0; i < slots; i++) {
            long ts = start + i * period;
            Double v = values.get(ts);
            Double lower = null;
            Double upper = null;
            if (band != null) {
                if (band[i] == null) v = null;
                else {
                    lower = band[i][0];
                    upper = band[i][1];
                }
            }
            out.add(new Slot(ts, v, counts.get(ts), lower, upper));
        }
        return out;
    }

    /** The anomaly model of the band's metric, retrained from its history at most once an hour of clock time. */
    private AnomalyModel model(Alarm a, List<MetricDataQuery> queries, String id, long rangeStart) {
        String key = a.accountId() + "|" + a.region() + "|" + queries + "|" + id;
        long now = clock.millis();
        CachedModel cached = models.get(key);
        if (cached != null && now - cached.trainedAt() < MODEL_TTL && cached.model().trained()) return cached.model();
        long from = rangeStart - AnomalyModel.TRAINING_DAYS * 86_400_000L;
        SortedMap<Long, Double> history = new TreeMap<>(metrics.query(a.accountId(), a.region(), queries,
                Instant.ofEpochMilli(from), Instant.ofEpochMilli(rangeStart)).getOrDefault(id, new TreeMap<>()));
        ZoneId zone = ZoneId.of("UTC");
        for (AnomalyDetectorDef d : repo.detectors(a.accountId(), a.region())) {
            if (!AnomalyDetectors.matches(d, a.config(), id)) continue;
            if (d.excludedRanges() != null) AnomalyModel.exclude(history, d.excludedRanges());
            if (d.timezone() != null) zone = ZoneId.of(d.timezone());
        }
        AnomalyModel model = AnomalyModel.train(history, zone);
        models.put(key, new CachedModel(model, now));
        return model;
    }

    static MetricDataQuery stat(String id, String ns, String name, List<AlarmConfig.Dim> dims, Integer period,
                                String stat, String unit, boolean returnData) {
        List<Dimension> d = dims == null ? List.of()
                : dims.stream().map(x -> Dimension.builder().name(x.name()).value(x.value()).build()).toList();
        return MetricDataQuery.builder().id(id).returnData(returnData).metricStat(MetricStat.builder()
                .metric(Metric.builder().namespace(ns).metricName(name).dimensions(d).build())
                .period(period).stat(stat).unit(unit).build()).build();
    }

    static MetricDataQuery query(AlarmConfig.Query q, boolean returnData) {
        if (q.isMetric()) {
            return stat(q.id(), q.namespace(), q.metricName(), q.dimensions(), q.period(), q.stat(), q.unit(), returnData)
                    .toBuilder().label(q.label()).build();
        }
        return MetricDataQuery.builder().id(q.id()).expression(q.expression()).label(q.label()).period(q.period())
                .returnData(returnData).build();
    }
}
