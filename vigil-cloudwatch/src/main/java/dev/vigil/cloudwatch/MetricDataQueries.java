package dev.vigil.cloudwatch;

import static dev.vigil.cloudwatch.CloudWatchErrors.invalidValue;
import static dev.vigil.cloudwatch.CloudWatchErrors.invalidValues;
import static dev.vigil.cloudwatch.CloudWatchErrors.required;

import dev.vigil.cloudwatch.alarms.AlarmRepository;
import dev.vigil.cloudwatch.alarms.BandDetectors;
import dev.vigil.cloudwatch.insights.InsightsParser;
import dev.vigil.cloudwatch.math.DynamicLabels;
import dev.vigil.cloudwatch.math.ExpressionQueries;
import dev.vigil.cloudwatch.math.MathException;
import dev.vigil.cloudwatch.math.Series;
import dev.vigil.core.RequestContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MessageData;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;

/**
 * GetMetricData for MetricStat queries: up to 500, each answered with its statistic per period (units merged,
 * with a MultipleUnits message when several were found, as AWS does), ordered by ScanBy, labelled as AWS labels
 * them by default (metric name, plus the stat and/or period when those differ between the queries), paged by
 * MaxDatapoints with NextToken. Expression queries are evaluated by the metric math engine after the queries
 * they name ({@link ExpressionQueries}), with SEARCH and Metrics Insights (SELECT) reading the store through
 * {@link MetricQueries}, and ANOMALY_DETECTION_BAND training the alarms' anomaly model; a Label with dynamic placeholders is rendered per result series.
 * Thread-safe (stateless).
 */
final class MetricDataQueries {
    static final int MAX_QUERIES = 500;
    static final int DEFAULT_MAX_DATAPOINTS = 100_800;
    private static final Pattern ID = Pattern.compile("[a-z][a-zA-Z0-9_]*");

    private final MetricRepository metrics;
    private final AlarmRepository detectors;
    private final Clock clock;

    MetricDataQueries(MetricRepository metrics, Clock clock) {
        this(metrics, null, clock);
    }

    /** {@code detectors}: the anomaly detectors ANOMALY_DETECTION_BAND reads and creates (null: none kept). */
    MetricDataQueries(MetricRepository metrics, AlarmRepository detectors, Clock clock) {
        this.metrics = metrics;
        this.detectors = detectors;
        this.clock = clock;
    }

    /** One query's full answer before paging. */
    private record Answer(MetricDataQuery query, String label, List<Instant> timestamps, List<Double> values,
                          List<MessageData> messages, String status) {
        Answer relabeled(String newLabel) {
            return new Answer(query, newLabel, timestamps, values, messages, status);
        }

        Answer reversed() {
            List<Instant> ts = new ArrayList<>(timestamps);
            List<Double> vs = new ArrayList<>(values);
            Collections.reverse(ts);
            Collections.reverse(vs);
            return new Answer(query, label, ts, vs, messages, status);
        }
    }

    GetMetricDataResponse getMetricData(RequestContext ctx, GetMetricDataRequest r) {
        List<MetricDataQuery> queries = r.hasMetricDataQueries() ? r.metricDataQueries() : List.of();
        if (queries.isEmpty()) throw required("MetricDataQueries");
        if (r.startTime() == null) throw required("StartTime");
        if (r.endTime() == null) throw required("EndTime");
        if (queries.size() > MAX_QUERIES) {
            throw invalidValue("The collection MetricDataQueries must not have a size greater than " + MAX_QUERIES + ".");
        }
        validate(queries, r);
        int pageSize = r.maxDatapoints() == null ? DEFAULT_MAX_DATAPOINTS : r.maxDatapoints();
        boolean ascending = "TimestampAscending".equals(r.scanByAsString());
        String fingerprint = fingerprint(r);
        long offset = offset(r.nextToken(), fingerprint);

        List<MetricDataQuery> stats = queries.stream().filter(q -> q.expression() == null).toList();
        boolean statsDiffer = stats.stream().map(q -> q.metricStat().stat()).distinct().count() > 1;
        boolean periodsDiffer = stats.stream().map(q -> q.metricStat().period()).distinct().count() > 1;
        Instant now = clock.instant();
        // Every query is answered oldest first (the order metric math works in), and reversed at the end.
        Map<String, List<Answer>> byId = new HashMap<>();
        Map<String, List<Point>> points = readSeries(ctx, stats, r, now);
        for (MetricDataQuery q : stats) {
            String defaultLabel = label(q.toBuilder().label(null).build(), statsDiffer, periodsDiffer);
            Answer a = answer(ctx, q, r, now, label(q, statsDiffer, periodsDiffer), points.get(q.id()));
            if (DynamicLabels.isDynamic(q.label())) {
                a = a.relabeled(DynamicLabels.render(q.label(), MetricQueries.series(a.label(), q, a.timestamps(),
                        a.values(), ctx), defaultLabel, now.toEpochMilli()));
            }
            byId.put(q.id(), List.of(a));
        }
        if (stats.size() < queries.size()) byId.putAll(expressions(ctx, queries, byId, r, now));
        List<Answer> answers = new ArrayList<>();
        for (MetricDataQuery q : queries) {
            if (Boolean.FALSE.equals(q.returnData())) continue;
            for (Answer a : byId.get(q.id())) answers.add(ascending ? a : a.reversed());
        }
        return page(answers, offset, pageSize, fingerprint);
    }

    /** The Expression queries' answers, evaluated over the MetricStat answers; a bad expression fails the request. */
    private Map<String, List<Answer>> expressions(RequestContext ctx, List<MetricDataQuery> queries,
                                                  Map<String, List<Answer>> stats, GetMetricDataRequest r, Instant now) {
        Map<String, Series> metrics = new LinkedHashMap<>();
        for (MetricDataQuery q : queries) {
            if (q.expression() != null) continue;
            Answer a = stats.get(q.id()).get(0);
            metrics.put(q.id(), MetricQueries.series(a.label(), q, a.timestamps(), a.values(), ctx));
        }
        Map<String, List<ExpressionQueries.Result>> results;
        try {
            results = ExpressionQueries.evaluate(queries, metrics, PeriodRules.roundStart(r.startTime(), now),
                    r.endTime().toEpochMilli(), MetricQueries.extensions(this.metrics, ctx, now,
                            BandDetectors.of(detectors, ctx.accountId(), ctx.region(), clock)));
        } catch (MathException e) {
            throw CloudWatchErrors.validation(e.getMessage());
        }
        Map<String, List<Answer>> out = new HashMap<>();
        for (MetricDataQuery q : queries) {
            if (q.expression() == null) continue;
            List<Answer> answers = new ArrayList<>();
            for (ExpressionQueries.Result res : results.get(q.id())) {
                List<Instant> ts = new ArrayList<>();
                List<Double> vs = new ArrayList<>();
                for (int i = 0; i < res.series().size(); i++) {
                    ts.add(Instant.ofEpochMilli(res.series().timestamps()[i]));
                    vs.add(res.series().values()[i]);
                }
                List<MessageData> messages = new ArrayList<>();
                if (res.droppedNonNumeric()) messages.add(MessageData.builder()
                        .code("ArithmeticError").value(ExpressionQueries.ARITHMETIC_ERROR).build());
                res.notes().forEach((code, text) -> messages.add(MessageData.builder().code(code).value(text).build()));
                answers.add(new Answer(q, res.label(), ts, vs, messages, "Complete"));
            }
            out.put(q.id(), answers);
        }
        return out;
    }

    private static void validate(List<MetricDataQuery> queries, GetMetricDataRequest r) {
        List<String> badValues = new ArrayList<>();
        List<String> badStats = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int insightsQueries = 0;
        for (int i = 0; i < queries.size(); i++) {
            MetricDataQuery q = queries.get(i);
            String p = "MetricDataQueries.member." + (i + 1);
            if (q == null || q.id() == null || q.id().isEmpty()) throw required(p + ".Id");
            if (!ID.matcher(q.id()).matches()) {
                badValues.add("The value " + q.id() + " for parameter " + p + ".Id is invalid. It must start with a"
                        + " lowercase letter and contain only letters, numbers and underscores.");
            } else if (!ids.add(q.id())) {
                badValues.add("The value " + q.id() + " for parameter " + p + ".Id is not unique.");
            }
            if (q.expression() != null) {
                if (q.metricStat() != null) throw CloudWatchErrors.exclusive(p + ".MetricStat", p + ".Expression");
                badValues.addAll(ExpressionQueries.problems(q, p));
                if (InsightsParser.isQuery(q.expression()) && insightsQueries++ == 1) {
                    throw CloudWatchErrors.validation(MetricQueries.ONE_INSIGHTS_QUERY);
                }
                continue;
            }
            MetricStat stat = q.metricStat();
            if (stat == null) throw required(p + ".MetricStat");
            Metric m = stat.metric();
            if (m == null) throw required(p + ".MetricStat.Metric");
            if (m.namespace() == null) throw required(p + ".MetricStat.Metric.Namespace");
            if (m.metricName() == null) throw required(p + ".MetricStat.Metric.MetricName");
            Requests.dimensions(m.dimensions(), p + ".MetricStat.Metric.Dimensions");
            if (stat.stat() == null) throw required(p + ".MetricStat.Stat");
            if (stat.period() == null) throw required(p + ".MetricStat.Period");
            if (Statistic.parse(stat.stat()) == null) {
                badStats.add("The value " + stat.stat() + " for parameter " + p + ".MetricStat.Stat is not a valid"
                        + " statistic.");
            }
            if (!PeriodRules.isValidPeriod(stat.period())) {
                badValues.add("The parameter " + p + ".MetricStat.Period must be 1, 5, 10, 20, 30 or a multiple of 60.");
            }
            if (stat.unitAsString() != null && !StandardUnits.isValid(stat.unitAsString())) {
                badValues.add(StandardUnits.notInSet(p + ".MetricStat.Unit"));
            }
        }
        // AWS answers an unknown statistic with ValidationError, one line per query.
        if (!badStats.isEmpty()) throw CloudWatchErrors.validation(String.join("\n", badStats));
        Requests.timeRange(r.startTime(), r.endTime(), badValues);
        if (r.maxDatapoints() != null && r.maxDatapoints() < 1) {
            badValues.add("The parameter MaxDatapoints must be greater than 0.");
        }
        if (!badValues.isEmpty()) throw invalidValues(badValues);
    }

    private static String label(MetricDataQuery q, boolean statsDiffer, boolean periodsDiffer) {
        if (q.label() != null) return q.label();
        MetricStat s = q.metricStat();
        return s.metric().metricName() + (statsDiffer ? " " + s.stat() : "") + (periodsDiffer ? " " + s.period() : "");
    }

    /**
     * The points of every MetricStat query that reads data (its own account, a period that still has data), by
     * query id, read in one store pass rather than one per query.
     */
    private Map<String, List<Point>> readSeries(RequestContext ctx, List<MetricDataQuery> stats, GetMetricDataRequest r,
                                                Instant now) {
        List<MetricDataQuery> reading = new ArrayList<>();
        List<MetricRepository.SeriesRange> ranges = new ArrayList<>();
        for (MetricDataQuery q : stats) {
            if (q.accountId() != null && !q.accountId().equals(ctx.accountId())) continue;
            MetricStat s = q.metricStat();
            if (!PeriodRules.servesData(s.period(), r.startTime(), now)) continue;
            ranges.add(new MetricRepository.SeriesRange(
                    MetricKey.of(s.metric().namespace(), s.metric().metricName(), s.metric().dimensions()),
                    PeriodRules.roundStart(r.startTime(), now), r.endTime().toEpochMilli(), s.unitAsString()));
            reading.add(q);
        }
        Map<String, List<Point>> out = new HashMap<>();
        if (ranges.isEmpty()) return out;
        List<List<Point>> read = metrics.readAll(ctx.accountId(), ctx.region(), ranges);
        for (int i = 0; i < reading.size(); i++) out.put(reading.get(i).id(), read.get(i));
        return out;
    }

    private Answer answer(RequestContext ctx, MetricDataQuery q, GetMetricDataRequest r, Instant now, String label,
                          List<Point> raw) {
        if (q.accountId() != null && !q.accountId().equals(ctx.accountId())) {
            // Cross-account observability (monitoring account links) is not built: nothing is readable there.
            return new Answer(q, label, List.of(), List.of(), List.of(MessageData.builder().code("Forbidden")
                    .value("Cross-account metric queries are not available in Vigil.").build()), "Forbidden");
        }
        MetricStat s = q.metricStat();
        Statistic stat = Statistic.parse(s.stat());
        int period = s.period();
        List<Instant> timestamps = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        TreeSet<String> units = new TreeSet<>();
        if (raw != null) { // null: the period serves no data (see readSeries)
            long from = PeriodRules.roundStart(r.startTime(), now);
            long to = r.endTime().toEpochMilli();
            for (Buckets.Bucket b : Buckets.of(raw, from, to, period, false)) {
                OptionalDouble v = stat.evaluate(b.summary());
                units.addAll(b.units());
                if (v.isEmpty()) continue;
                timestamps.add(Instant.ofEpochMilli(b.timestamp()));
                values.add(v.getAsDouble());
            }
        }
        List<MessageData> messages = units.size() > 1 && s.unitAsString() == null
                ? List.of(MessageData.builder().code("MultipleUnits")
                        .value("Multiple units returned: '[" + String.join(", ", units) + "]'").build())
                : List.of();
        return new Answer(q, label, timestamps, values, messages, "Complete");
    }

    /** The slice [offset, offset + size) of all answers' datapoints, in query order, with a NextToken if more. */
    private static GetMetricDataResponse page(List<Answer> answers, long offset, int size, String fingerprint) {
        List<MetricDataResult> results = new ArrayList<>();
        long position = 0;
        long end = offset + size;
        for (Answer a : answers) {
            int n = a.values().size();
            int from = (int) Math.min(n, Math.max(0, offset - position));
            int to = (int) Math.min(n, Math.max(0, end - position));
            boolean complete = position + n <= end;
            position += n;
            results.add(MetricDataResult.builder().id(a.query().id()).label(a.label())
                    .timestamps(a.timestamps().subList(from, to)).values(a.values().subList(from, to))
                    .statusCode(complete ? a.status() : "PartialData").messages(a.messages()).build());
        }
        GetMetricDataResponse.Builder out = GetMetricDataResponse.builder().metricDataResults(results)
                .messages(List.of());
        if (position > end) out.nextToken(Tokens.encode(Long.toString(end), fingerprint));
        return out.build();
    }

    private static long offset(String token, String fingerprint) {
        if (token == null) return 0;
        List<String> parts = Tokens.decode(token, 2);
        if (!parts.get(1).equals(fingerprint)) throw CloudWatchErrors.invalidNextToken();
        try {
            long offset = Long.parseLong(parts.get(0));
            if (offset < 0) throw CloudWatchErrors.invalidNextToken();
            return offset;
        } catch (NumberFormatException e) {
            throw CloudWatchErrors.invalidNextToken();
        }
    }

    /** A token is only good for the request it came from (same queries and range). */
    private static String fingerprint(GetMetricDataRequest r) {
        String text = r.startTime() + "|" + r.endTime() + "|" + r.scanByAsString() + "|" + r.metricDataQueries();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
