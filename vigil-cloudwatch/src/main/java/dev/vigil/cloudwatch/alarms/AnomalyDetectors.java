package dev.vigil.cloudwatch.alarms;

import static dev.vigil.cloudwatch.alarms.AlarmErrors.combination;
import static dev.vigil.cloudwatch.alarms.AlarmErrors.invalidValue;
import static dev.vigil.cloudwatch.alarms.AlarmErrors.required;

import dev.vigil.core.AwsException;
import dev.vigil.core.RequestContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.model.AnomalyDetector;
import software.amazon.awssdk.services.cloudwatch.model.AnomalyDetectorConfiguration;
import software.amazon.awssdk.services.cloudwatch.model.Range;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAnomalyDetectorRequest;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAnomalyDetectorResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAnomalyDetectorsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAnomalyDetectorsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricCharacteristics;
import software.amazon.awssdk.services.cloudwatch.model.MetricMathAnomalyDetector;
import software.amazon.awssdk.services.cloudwatch.model.PutAnomalyDetectorRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutAnomalyDetectorResponse;
import software.amazon.awssdk.services.cloudwatch.model.SingleMetricAnomalyDetector;

/**
 * PutAnomalyDetector, DescribeAnomalyDetectors, DeleteAnomalyDetector. A detector is identified by its metric
 * and statistic (or its metric math queries); its state is PENDING_TRAINING until the metric's history trains
 * the {@link AnomalyModel}, then TRAINED. Thread-safe (stateless).
 */
final class AnomalyDetectors {
    static final int MAX_RESULTS = 100;

    private final AlarmRepository repo;
    private final MetricSource metrics;
    private final Clock clock;

    AnomalyDetectors(AlarmRepository repo, MetricSource metrics, Clock clock) {
        this.repo = repo;
        this.metrics = metrics;
        this.clock = clock;
    }

    PutAnomalyDetectorResponse put(RequestContext ctx, PutAnomalyDetectorRequest r) {
        AnomalyDetectorDef def = definition(r.namespace(), r.metricName(), r.dimensions(), r.stat(),
                r.singleMetricAnomalyDetector(), r.metricMathAnomalyDetector(), r.configuration(),
                r.metricCharacteristics(), true);
        repo.putDetector(ctx.accountId(), ctx.region(), def, clock.millis());
        return PutAnomalyDetectorResponse.builder().build();
    }

    DeleteAnomalyDetectorResponse delete(RequestContext ctx, DeleteAnomalyDetectorRequest r) {
        AnomalyDetectorDef def = definition(r.namespace(), r.metricName(), r.dimensions(), r.stat(),
                r.singleMetricAnomalyDetector(), r.metricMathAnomalyDetector(), null, null, false);
        if (!repo.deleteDetector(ctx.accountId(), ctx.region(), def.key())) {
            throw new AwsException("ResourceNotFoundException", 404, "This anomaly detection model does not exist");
        }
        return DeleteAnomalyDetectorResponse.builder().build();
    }

    DescribeAnomalyDetectorsResponse describe(RequestContext ctx, DescribeAnomalyDetectorsRequest r) {
        int max = r.maxResults() == null ? MAX_RESULTS : r.maxResults();
        int offset = AlarmTokens.offset(r.nextToken(), "detectors");
        List<String> types = r.hasAnomalyDetectorTypes() ? r.anomalyDetectorTypesAsStrings() : List.of();
        List<AnomalyDetector> all = new ArrayList<>();
        for (AnomalyDetectorDef d : repo.detectors(ctx.accountId(), ctx.region())) {
            String type = d.isSingleMetric() ? "SINGLE_METRIC" : "METRIC_MATH";
            if (!types.isEmpty() && !types.contains(type)) continue;
            if (r.namespace() != null && !r.namespace().equals(d.namespace())) continue;
            if (r.metricName() != null && !r.metricName().equals(d.metricName())) continue;
            if (r.hasDimensions() && !AlarmRequests.dims(r.dimensions()).equals(d.dimensions())) continue;
            all.add(detector(ctx, d));
        }
        List<AnomalyDetector> page = all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + max));
        DescribeAnomalyDetectorsResponse.Builder out = DescribeAnomalyDetectorsResponse.builder().anomalyDetectors(page);
        if (offset + max < all.size()) out.nextToken(AlarmTokens.encode(offset + max, "detectors"));
        return out.build();
    }

    private AnomalyDetector detector(RequestContext ctx, AnomalyDetectorDef d) {
        AnomalyDetector.Builder b = AnomalyDetector.builder();
        List<Range> ranges = new ArrayList<>();
        if (d.excludedRanges() != null) {
            for (long[] x : d.excludedRanges()) {
                ranges.add(Range.builder().startTime(Instant.ofEpochMilli(x[0]))
                        .endTime(Instant.ofEpochMilli(x[1])).build());
            }
        }
        b.configuration(AnomalyDetectorConfiguration.builder().excludedTimeRanges(ranges).metricTimezone(d.timezone()).build());
        if (d.periodicSpikes() != null) b.metricCharacteristics(MetricCharacteristics.builder().periodicSpikes(d.periodicSpikes()).build());
        if (d.isSingleMetric()) {
            List<Dimension> dims = AlarmRequests.sdkDims(d.dimensions());
            b.namespace(d.namespace()).metricName(d.metricName()).dimensions(dims).stat(d.stat())
                    .singleMetricAnomalyDetector(SingleMetricAnomalyDetector.builder().accountId(ctx.accountId())
                            .namespace(d.namespace()).metricName(d.metricName()).dimensions(dims).stat(d.stat()).build());
            b.stateValue(trained(ctx, d) ? "TRAINED" : "PENDING_TRAINING");
        } else {
            b.metricMathAnomalyDetector(MetricMathAnomalyDetector.builder().metricDataQueries(
                    d.mathQueries().stream().map(q -> AlarmEvaluator.query(q, !Boolean.FALSE.equals(q.returnData()))).toList()).build());
            b.stateValue("PENDING_TRAINING");
        }
        return b.build();
    }

    /** Whether the metric's last {@link AnomalyModel#TRAINING_DAYS} days (at 5-minute periods) train a model. */
    private boolean trained(RequestContext ctx, AnomalyDetectorDef d) {
        Instant end = clock.instant();
        Instant start = end.minusSeconds(AnomalyModel.TRAINING_DAYS * 86_400L);
        var res = metrics.query(ctx.accountId(), ctx.region(), List.of(AlarmEvaluator.stat("m", d.namespace(),
                d.metricName(), d.dimensions(), 300, d.stat(), null, true)), start, end);
        return AnomalyModel.train(new TreeMap<>(res.getOrDefault("m", new TreeMap<>())), null).trained();
    }

    AnomalyDetectorDef definition(String namespace, String metricName, List<Dimension> dimensions, String stat,
                                  SingleMetricAnomalyDetector single, MetricMathAnomalyDetector math,
                                  AnomalyDetectorConfiguration conf, MetricCharacteristics chars, boolean put) {
        boolean legacy = namespace != null || metricName != null || stat != null || (dimensions != null && !dimensions.isEmpty()
                && !(dimensions instanceof software.amazon.awssdk.core.util.SdkAutoConstructList));
        int forms = (legacy ? 1 : 0) + (single != null ? 1 : 0) + (math != null ? 1 : 0);
        if (forms > 1) {
            throw combination("The parameters Namespace, MetricName, Dimensions and Stat, SingleMetricAnomalyDetector and"
                    + " MetricMathAnomalyDetector are mutually exclusive.");
        }
        List<long[]> ranges = new ArrayList<>();
        String zone = null;
        if (conf != null) {
            if (conf.hasExcludedTimeRanges()) {
                for (Range x : conf.excludedTimeRanges()) {
                    if (x.startTime() == null || x.endTime() == null) throw required("Configuration.ExcludedTimeRanges.StartTime");
                    if (!x.startTime().isBefore(x.endTime())) {
                        throw invalidValue("The StartTime of an excluded time range must be before its EndTime.");
                    }
                    ranges.add(new long[] {x.startTime().toEpochMilli(), x.endTime().toEpochMilli()});
                }
            }
            if (conf.metricTimezone() != null) {
                try {
                    ZoneId.of(conf.metricTimezone());
                } catch (RuntimeException e) {
                    throw invalidValue("The value " + conf.metricTimezone() + " for parameter Configuration.MetricTimezone is not valid.");
                }
                zone = conf.metricTimezone();
            }
        }
        Boolean spikes = chars == null ? null : chars.periodicSpikes();
        if (math != null) {
            if (!math.hasMetricDataQueries() || math.metricDataQueries().isEmpty()) required("MetricMathAnomalyDetector.MetricDataQueries");
            List<AlarmConfig.Query> queries = AlarmRequests.queries(math.metricDataQueries(), metrics, "MetricMathAnomalyDetector.MetricDataQueries");
            return new AnomalyDetectorDef(key(JdbcAlarmRepository.json(queries)), null, null, null, null, null, queries,
                    ranges, zone, spikes);
        }
        if (single != null) {
            namespace = single.namespace();
            metricName = single.metricName();
            dimensions = single.dimensions();
            stat = single.stat();
        }
        if (namespace == null) throw required("Namespace");
        if (metricName == null) throw required("MetricName");
        if (stat == null) throw required("Stat");
        if (!metrics.isStatistic(stat)) throw invalidValue("The value " + stat + " for parameter Stat is not supported.");
        AnomalyDetectorDef d = singleMetric(namespace, metricName, AlarmRequests.dims(dimensions), stat);
        return new AnomalyDetectorDef(d.key(), null, namespace, metricName, d.dimensions(), stat, null, ranges, zone,
                spikes);
    }

    /** A single-metric detector without configuration, keyed as PutAnomalyDetector keys it. */
    static AnomalyDetectorDef singleMetric(String namespace, String metricName, List<AlarmConfig.Dim> dims, String stat) {
        List<AlarmConfig.Dim> sorted = new ArrayList<>(dims);
        sorted.sort(Comparator.comparing(AlarmConfig.Dim::name));
        String key = key(namespace + "\n" + metricName + "\n" + sorted + "\n" + stat);
        return new AnomalyDetectorDef(key, null, namespace, metricName, sorted, stat, null, List.of(), null, null);
    }

    /** Creates the detector a band alarm names, if missing (AWS does the same on PutMetricAlarm). */
    void ensure(RequestContext ctx, AlarmConfig c) {
        for (AlarmConfig.Query q : c.metrics()) {
            if (!q.isMetric()) continue;
            AnomalyDetectorDef def = definition(q.namespace(), q.metricName(), AlarmRequests.sdkDims(q.dimensions()),
                    q.stat(), null, null, null, null, true);
            if (repo.detectors(ctx.accountId(), ctx.region()).stream().noneMatch(d -> d.key().equals(def.key()))) {
                repo.putDetector(ctx.accountId(), ctx.region(), def, clock.millis());
            }
        }
    }

    /** Whether detector {@code d} models the alarm's metric query {@code id}. */
    static boolean matches(AnomalyDetectorDef d, AlarmConfig c, String id) {
        if (!d.isSingleMetric()) return false;
        for (AlarmConfig.Query q : c.metrics()) {
            if (!q.id().equals(id) || !q.isMetric()) continue;
            List<AlarmConfig.Dim> dims = new ArrayList<>(q.dimensions() == null ? List.of() : q.dimensions());
            dims.sort(Comparator.comparing(AlarmConfig.Dim::name));
            return q.namespace().equals(d.namespace()) && q.metricName().equals(d.metricName()) && q.stat().equals(d.stat())
                    && dims.equals(d.dimensions());
        }
        return false;
    }

    private static String key(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
