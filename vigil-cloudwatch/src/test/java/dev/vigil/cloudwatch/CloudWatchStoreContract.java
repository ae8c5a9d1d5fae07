package dev.vigil.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.AwsException;
import dev.vigil.core.Caller;
import dev.vigil.core.MutableClock;
import dev.vigil.core.RequestContext;
import dev.vigil.store.JdbcDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.DeleteDashboardsRequest;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.GetDashboardRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListDashboardsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.PutDashboardRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.StatisticSet;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricWidgetImageRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.Tag;
import software.amazon.awssdk.services.cloudwatch.model.TagResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.UntagResourceRequest;

/** Store, retention and the operations against a real database; one subclass per engine. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CloudWatchStoreContract {
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";
    static final Instant START = Instant.parse("2026-11-30T12:00:00Z");

    private JdbcDatabase db;
    private JdbcMetricRepository metrics;
    private JdbcDashboardRepository dashboards;
    private MutableClock clock;
    private CloudWatchProvider provider;
    private String ns;

    abstract JdbcDatabase open();

    @BeforeAll
    void migrate() {
        db = open();
        metrics = new JdbcMetricRepository(db);
        dashboards = new JdbcDashboardRepository(db);
    }

    @AfterAll
    void close() {
        db.close();
    }

    @BeforeEach
    void fresh() {
        clock = new MutableClock(START);
        provider = new CloudWatchProvider(metrics, dashboards, clock);
        ns = "Vigil/" + UUID.randomUUID();
    }

    static RequestContext ctx(String account, String region) {
        return new RequestContext(UUID.randomUUID().toString(), Instant.now(), region, Caller.root(account, "test"),
                "127.0.0.1", "test", "monitoring", "Test");
    }

    void put(MetricDatum... data) {
        provider.putMetricData(ctx(ACCOUNT, REGION), PutMetricDataRequest.builder().namespace(ns).metricData(data).build());
    }

    static MetricDatum.Builder datum(String name, Instant at) {
        return MetricDatum.builder().metricName(name).timestamp(at);
    }

    GetMetricStatisticsResponse stats(String name, Instant from, Instant to, int period, String... statistics) {
        return provider.getMetricStatistics(ctx(ACCOUNT, REGION), GetMetricStatisticsRequest.builder().namespace(ns)
                .metricName(name).startTime(from).endTime(to).period(period).statisticsWithStrings(statistics).build());
    }

    // --- store ---

    @Test
    void appendedPointsReadBackExactly() {
        MetricKey key = MetricKey.of(ns, "m", Map.of("Host", "a", "Az", "x"));
        Distribution values = Distribution.of(new double[] {1, 2.5, 1e10}, new double[] {3, 1, 2});
        List<Sample> batch = List.of(
                new Sample(key, new Point(1000, 60, "Count", 1, 5, 5, 5, null)),
                new Sample(key, new Point(2000, 1, "Count", 6, 2e10 + 5.5, 1, 1e10, values)),
                new Sample(key, new Point(3000, 60, "Bytes", 4, 10, 1, 4, null)));
        metrics.append(ACCOUNT, REGION, batch, START);
        assertThat(metrics.read(ACCOUNT, REGION, key, 0, 10_000, null)).containsExactly(
                batch.get(0).point(), batch.get(1).point(), batch.get(2).point());
        assertThat(metrics.read(ACCOUNT, REGION, key, 1500, 3000, null)).containsExactly(batch.get(1).point());
        assertThat(metrics.read(ACCOUNT, REGION, key, 0, 10_000, "Bytes")).containsExactly(batch.get(2).point());
        // Dimension order does not matter; another account, region or dimension set is another series.
        assertThat(metrics.read(ACCOUNT, REGION, MetricKey.of(ns, "m", Map.of("Az", "x", "Host", "a")), 0, 10_000, null)).hasSize(3);
        assertThat(metrics.read("999999999999", REGION, key, 0, 10_000, null)).isEmpty();
        assertThat(metrics.read(ACCOUNT, "eu-west-1", key, 0, 10_000, null)).isEmpty();
        assertThat(metrics.read(ACCOUNT, REGION, MetricKey.of(ns, "m", Map.of("Host", "a")), 0, 10_000, null)).isEmpty();
        // A fresh repository (another node, or after a restart) resolves the series from the store.
        assertThat(new JdbcMetricRepository(db).read(ACCOUNT, REGION, key, 0, 10_000, null)).hasSize(3);
    }

    @Test
    void newSeriesFromTwoNodesAtOnceBecomeOneSeries() throws Exception {
        MetricKey key = MetricKey.of(ns, "race", Map.of());
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 4; i++) {
            JdbcMetricRepository node = new JdbcMetricRepository(db);
            int n = i;
            threads.add(new Thread(() -> {
                try {
                    node.append(ACCOUNT, REGION, List.of(new Sample(key, new Point(n, 60, "None", 1, n, n, n, null))), START);
                } catch (Throwable t) {
                    errors.add(t);
                }
            }));
        }
        for (Thread t : threads) t.start();
        for (Thread t : threads) t.join();
        assertThat(errors).isEmpty();
        assertThat(metrics.read(ACCOUNT, REGION, key, 0, 10, null)).hasSize(4);
        assertThat(db.jdbc().queryOne("SELECT COUNT(*) FROM cw_metrics WHERE namespace = ?", rs -> rs.getLong(1), ns)).contains(1L);
    }

    private long storedRows(MetricKey key) {
        return db.jdbc().queryOne("SELECT COUNT(*) FROM cw_datapoints d JOIN cw_metrics m ON m.metric_id = d.metric_id"
                + " WHERE m.namespace = ? AND m.metric_name = ?", rs -> rs.getLong(1), key.namespace(), key.metricName())
                .orElseThrow();
    }

    @Test
    void acknowledgedPointsLiveInTheIngestLogUntilFoldedAndSurviveARestart() {
        MetricKey key = MetricKey.of(ns, "logged", Map.of("Host", "a"));
        JdbcMetricRepository node = new JdbcMetricRepository(db);
        node.append(ACCOUNT, REGION, List.of(new Sample(key, new Point(60_000, 60, "Count", 1, 7, 7, 7, null))), START);
        assertThat(storedRows(key)).isZero();
        // Another node (or this one after a restart) folds the pending batch before it reads.
        assertThat(new JdbcMetricRepository(db).read(ACCOUNT, REGION, key, 0, 120_000, null))
                .containsExactly(new Point(60_000, 60, "Count", 1, 7, 7, 7, null));
        assertThat(storedRows(key)).isOne();
        assertThat(node.read(ACCOUNT, REGION, key, 0, 120_000, null)).hasSize(1);
    }

    @Test
    void readAllAnswersEachRangeAsReadDoes() {
        MetricKey a = MetricKey.of(ns, "batchedA", Map.of("Host", "h1"));
        MetricKey b = MetricKey.of(ns, "batchedB", Map.of());
        metrics.append(ACCOUNT, REGION, List.of(new Sample(a, new Point(60_000, 60, "Count", 1, 1, 1, 1, null)),
                new Sample(a, new Point(120_000, 60, "Bytes", 1, 2, 2, 2, null)),
                new Sample(b, new Point(60_000, 60, "None", 1, 3, 3, 3, null))), START);
        List<MetricRepository.SeriesRange> ranges = List.of(
                new MetricRepository.SeriesRange(a, 0, 240_000, null),
                new MetricRepository.SeriesRange(a, 0, 240_000, "Bytes"),
                new MetricRepository.SeriesRange(MetricKey.of(ns, "nobody", Map.of()), 0, 240_000, null),
                new MetricRepository.SeriesRange(b, 60_001, 240_000, null),
                new MetricRepository.SeriesRange(b, 0, 120_000, null));
        List<List<Point>> all = metrics.readAll(ACCOUNT, REGION, ranges);
        assertThat(all).hasSize(ranges.size());
        for (int i = 0; i < ranges.size(); i++) {
            MetricRepository.SeriesRange r = ranges.get(i);
            assertThat(all.get(i)).isEqualTo(metrics.read(ACCOUNT, REGION, r.key(), r.fromMillis(), r.toMillis(), r.unit()));
        }
        assertThat(all.get(1)).extracting(Point::unit).containsExactly("Bytes");
        assertThat(all.get(2)).isEmpty();
        assertThat(all.get(3)).isEmpty();
        assertThat(all.get(4)).hasSize(1);
    }

    @Test
    void foldingMergesPointsOfOneSeriesTimestampAndUnit() {
        MetricKey key = MetricKey.of(ns, "merged", Map.of());
        metrics.append(ACCOUNT, REGION, List.of(new Sample(key, new Point(60_000, 60, "Count", 1, 1, 1, 1, null)),
                new Sample(key, new Point(60_000, 60, "Count", 2, 4, 2, 2, null))), START);
        metrics.append(ACCOUNT, REGION, List.of(new Sample(key, new Point(60_000, 60, "Count", 1, 3, 3, 3, null)),
                new Sample(key, new Point(60_000, 60, "Bytes", 1, 9, 9, 9, null)),
                new Sample(key, new Point(120_000, 60, "Count", 1, 5, 5, 5, null)),
                new Sample(key, new Point(180_000, 60, "Count", 1, 5, 5, 5, null))), START);
        // A statistic set makes the merged point's values unknown, as a period holding both would be.
        metrics.append(ACCOUNT, REGION, List.of(new Sample(key, new Point(180_000, 60, "Count", 4, 10, 1, 4, null))), START);
        assertThat(metrics.read(ACCOUNT, REGION, key, 0, 240_000, "Count")).containsExactly(
                new Point(60_000, 60, "Count", 4, 8, 1, 3, Distribution.of(new double[] {1, 2, 3}, new double[] {1, 2, 1})),
                new Point(120_000, 60, "Count", 1, 5, 5, 5, null),
                new Point(180_000, 60, "Count", 5, 15, 1, 5, null));
        assertThat(storedRows(key)).isEqualTo(4);
    }

    @Test
    void nodesFoldingAtOnceCountEveryPointOnce() throws Exception {
        MetricKey key = MetricKey.of(ns, "folded", Map.of());
        for (int i = 0; i < 40; i++) {
            metrics.append(ACCOUNT, REGION, List.of(new Sample(key, new Point(60_000, 60, "None", 1, i, i, i, null))), START);
        }
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 4; i++) {
            JdbcMetricRepository node = new JdbcMetricRepository(db);
            threads.add(new Thread(() -> {
                try {
                    node.foldPending();
                } catch (Throwable t) {
                    errors.add(t);
                }
            }));
        }
        for (Thread t : threads) t.start();
        for (Thread t : threads) t.join();
        assertThat(errors).isEmpty();
        List<Point> points = metrics.read(ACCOUNT, REGION, key, 0, 120_000, null);
        assertThat(points.stream().mapToDouble(Point::sampleCount).sum()).isEqualTo(40);
        assertThat(points.stream().mapToDouble(Point::sum).sum()).isEqualTo(780);
    }

    private long pendingBatches() {
        return db.jdbc().queryOne("SELECT COUNT(*) FROM cw_ingest", rs -> rs.getLong(1)).orElseThrow();
    }

    private static List<Sample> twoPoints(MetricKey key) {
        return List.of(new Sample(key, new Point(60_000, 60, "None", 1, 1, 1, 1, null)),
                new Sample(key, new Point(120_000, 60, "None", 1, 2, 2, 2, null)));
    }

    private static void assertSixteenAppendsOfTwoPoints(List<Point> points) {
        assertThat(points.stream().filter(p -> p.timestamp() == 60_000).mapToDouble(Point::sum).sum()).isEqualTo(16);
        assertThat(points.stream().filter(p -> p.timestamp() == 120_000).mapToDouble(Point::sum).sum()).isEqualTo(32);
        assertThat(points.stream().mapToDouble(Point::sampleCount).sum()).isEqualTo(32);
    }

    /** Waits (bounded) until the condition holds: the folder runs on its own thread. */
    private static void eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 60 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void appendsLeaveFoldingToTheFolderUntilTheBacklogLimit() {
        MetricKey key = MetricKey.of(ns, "appendOnly", Map.of());
        metrics.foldPending(); // what earlier tests left pending
        // Threshold 8 points, backlog limit 32: no folder runs on this node, so nothing folds before the limit.
        JdbcMetricRepository node = new JdbcMetricRepository(db, 8);
        for (int i = 0; i < 15; i++) node.append(ACCOUNT, REGION, twoPoints(key), START);
        assertThat(storedRows(key)).isZero();
        assertThat(pendingBatches()).isEqualTo(15);
        // The 16th append reaches the limit: with no folder to wait for, the appender folds a chunk itself.
        node.append(ACCOUNT, REGION, twoPoints(key), START);
        assertThat(storedRows(key)).isEqualTo(2);
        assertThat(pendingBatches()).isZero();
        assertSixteenAppendsOfTwoPoints(node.read(ACCOUNT, REGION, key, 0, 180_000, null));
    }

    @Test
    void theBackgroundFolderFoldsOncePastTheThresholdAndAppendsDoNot() throws Exception {
        MetricKey key = MetricKey.of(ns, "background", Map.of());
        metrics.foldPending();
        try (JdbcMetricRepository node = new JdbcMetricRepository(db, 8)) {
            node.startFolding();
            eventually(() -> node.folderRounds() > 0); // its start-up round
            for (int i = 0; i < 3; i++) node.append(ACCOUNT, REGION, twoPoints(key), START);
            assertThat(pendingBatches()).as("below the threshold nothing folds").isEqualTo(3);
            for (int i = 3; i < 16; i++) node.append(ACCOUNT, REGION, twoPoints(key), START);
            // Past the threshold the folder folds on its own thread; no read has asked for it.
            eventually(() -> pendingBatches() < 4 && storedRows(key) > 0);
            assertSixteenAppendsOfTwoPoints(node.read(ACCOUNT, REGION, key, 0, 180_000, null));
        }
    }

    @Test
    void aRestartedNodesFolderFoldsWhatWasLeftPendingExactlyOnce() throws Exception {
        MetricKey key = MetricKey.of(ns, "restarted", Map.of("Host", "a"));
        metrics.foldPending();
        JdbcMetricRepository before = new JdbcMetricRepository(db);
        for (int i = 0; i < 16; i++) before.append(ACCOUNT, REGION, twoPoints(key), START);
        before.close(); // a node that never started its folder (or stopped before folding): all 16 are pending
        assertThat(pendingBatches()).isEqualTo(16);
        assertThat(storedRows(key)).isZero();
        try (JdbcMetricRepository after = new JdbcMetricRepository(db)) {
            after.startFolding(); // far below its threshold: the start-up round folds the log anyway
            eventually(() -> after.folderRounds() > 0);
            assertThat(pendingBatches()).isZero();
            assertThat(storedRows(key)).isEqualTo(2);
            assertSixteenAppendsOfTwoPoints(after.read(ACCOUNT, REGION, key, 0, 180_000, null));
            // Another node reading folds nothing twice.
            assertSixteenAppendsOfTwoPoints(new JdbcMetricRepository(db).read(ACCOUNT, REGION, key, 0, 180_000, null));
        }
    }

    @Test
    void aReadWhileTheFolderRunsSeesEveryAcknowledgedPointOnce() throws Exception {
        MetricKey key = MetricKey.of(ns, "concurrent", Map.of());
        metrics.foldPending();
        try (JdbcMetricRepository node = new JdbcMetricRepository(db, 4)) {
            node.startFolding();
            JdbcMetricRepository reader = new JdbcMetricRepository(db); // another node, folding before it reads
            for (int i = 0; i < 16; i++) {
                node.append(ACCOUNT, REGION, twoPoints(key), START);
                List<Point> seen = reader.read(ACCOUNT, REGION, key, 0, 180_000, null);
                assertThat(seen.stream().mapToDouble(Point::sampleCount).sum()).isEqualTo(2 * (i + 1));
            }
            assertSixteenAppendsOfTwoPoints(node.read(ACCOUNT, REGION, key, 0, 180_000, null));
        }
    }

    // --- PutMetricData, GetMetricStatistics ---

    @Test
    void statisticsPerPeriodFromValuesSetsAndArrays() {
        Instant t = START.minus(Duration.ofMinutes(10));
        put(datum("Latency", t).value(10.0).unit("Milliseconds").build(),
                datum("Latency", t.plusSeconds(5)).values(1.0, 10.0).counts(2.0, 4.0).unit("Milliseconds").build(),
                datum("Latency", t.plusSeconds(70)).statisticValues(StatisticSet.builder().sampleCount(4.0).sum(10.0)
                        .minimum(1.0).maximum(4.0).build()).unit("Milliseconds").build());
        GetMetricStatisticsResponse r = stats("Latency", t, START, 60, "SampleCount", "Average", "Sum", "Minimum", "Maximum");
        assertThat(r.label()).isEqualTo("Latency");
        assertThat(r.datapoints()).containsExactly(
                Datapoint.builder().timestamp(t).sampleCount(7.0).average(52.0 / 7).sum(52.0).minimum(1.0).maximum(10.0)
                        .unit("Milliseconds").build(),
                Datapoint.builder().timestamp(t.plusSeconds(60)).sampleCount(4.0).average(2.5).sum(10.0).minimum(1.0)
                        .maximum(4.0).unit("Milliseconds").build());
        GetMetricStatisticsResponse p = provider.getMetricStatistics(ctx(ACCOUNT, REGION), GetMetricStatisticsRequest.builder()
                .namespace(ns).metricName("Latency").startTime(t).endTime(START).period(600)
                .extendedStatistics("p50", "p99", "tm90", "IQM").build());
        // The statistic set (min < max) hides percentiles of the whole period, as AWS says it must.
        assertThat(p.datapoints()).hasSize(1);
        assertThat(p.datapoints().get(0).hasExtendedStatistics()).isFalse();
        GetMetricStatisticsResponse first = provider.getMetricStatistics(ctx(ACCOUNT, REGION), GetMetricStatisticsRequest.builder()
                .namespace(ns).metricName("Latency").startTime(t).endTime(t.plusSeconds(60)).period(60)
                .extendedStatistics("p50", "p99", "p0").build());
        assertThat(first.datapoints().get(0).extendedStatistics()).containsExactlyInAnyOrderEntriesOf(
                Map.of("p50", 10.0, "p99", 10.0, "p0", 1.0));
    }

    @Test
    void eachUnitIsItsOwnDatapointUnlessOneIsAskedFor() {
        Instant t = START.minus(Duration.ofMinutes(5));
        put(datum("m", t).value(10.0).build(), datum("m", t).value(5.0).unit("Count").build(),
                datum("m", t).value(1.0).unit("Seconds").build());
        assertThat(stats("m", t, START, 300, "Average").datapoints()).extracting(Datapoint::unitAsString, Datapoint::average)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("None", 10.0),
                        org.assertj.core.groups.Tuple.tuple("Count", 5.0), org.assertj.core.groups.Tuple.tuple("Seconds", 1.0));
        assertThat(provider.getMetricStatistics(ctx(ACCOUNT, REGION), GetMetricStatisticsRequest.builder().namespace(ns)
                .metricName("m").startTime(t).endTime(START).period(300).statisticsWithStrings("Sum").unit("Count").build()).datapoints()).extracting(Datapoint::sum).containsExactly(5.0);
    }

    @Test
    void highResolutionDataIsServedPerSecondForThreeHours() {
        Instant t = START.minus(Duration.ofMinutes(30));
        put(datum("hr", t).value(1.0).storageResolution(1).build(), datum("hr", t.plusSeconds(1)).value(2.0).storageResolution(1).build(),
                datum("std", t).value(1.0).build(), datum("std", t.plusSeconds(1)).value(2.0).build());
        assertThat(stats("hr", t, t.plusSeconds(10), 1, "Sum").datapoints()).extracting(Datapoint::sum).containsExactly(1.0, 2.0);
        // Standard resolution is stored per minute: one datapoint even at a 1-second period.
        assertThat(stats("std", t, t.plusSeconds(10), 1, "Sum").datapoints()).extracting(Datapoint::sum).containsExactly(3.0);
    }

    @Test
    void getMetricStatisticsRejections() {
        Instant t = START.minus(Duration.ofDays(1));
        assertRejected(() -> stats("m", t, START, 60), "InvalidParameterCombinationException",
                "At least one of the parameters Statistics and ExtendedStatistics must be specified.");
        assertRejected(() -> stats("m", t, START, 1, "Sum"), "InvalidParameterCombinationException",
                "You have requested up to 86400 datapoints, which exceeds the limit of 1440. You may reduce the datapoints"
                        + " requested by increasing Period, or decreasing the time range.");
        assertRejected(() -> stats("m", t, START, 90, "Sum"), "InvalidParameterValueException",
                "The parameter Period must be a multiple of 60.");
        assertRejected(() -> stats("m", START, t, 60, "Sum"), "InvalidParameterValueException",
                "The parameter EndTime must be greater than StartTime.");
        assertRejected(() -> stats("m", t, START, 60, "Median"), "InvalidParameterValueException",
                "The parameter Statistics.member.1.<list element> must be a value in the set [SampleCount, Average, Sum,"
                        + " Minimum, Maximum].");
        assertRejected(() -> provider.getMetricStatistics(ctx(ACCOUNT, REGION), GetMetricStatisticsRequest.builder()
                .namespace(ns).metricName("m").startTime(t).endTime(START).period(60).statisticsWithStrings("Sum")
                .extendedStatistics("p99").build()), "InvalidParameterCombinationException",
                "The parameters Statistics and ExtendedStatistics are mutually exclusive and you have specified both.");
    }

    @Test
    void aRejectedBatchStoresNothing() {
        assertRejected(() -> put(datum("ok", START).value(1.0).build(), datum("bad", START).value(Double.NaN).build()),
                "InvalidParameterValueException", "The value NaN for parameter MetricData.member.2.Value is invalid.");
        assertThat(provider.listMetrics(ctx(ACCOUNT, REGION), ListMetricsRequest.builder().namespace(ns).build()).metrics()).isEmpty();
        assertThat(stats("ok", START.minusSeconds(60), START.plusSeconds(60), 60, "Sum").datapoints()).isEmpty();
    }

    // --- retention ---

    @Test
    void sixteenDaysLaterOneMinuteDataAnswersAtFiveMinutes() {
        Instant t = START.minus(Duration.ofMinutes(20)); // 11:40, on a 5-minute boundary
        for (int i = 0; i < 10; i++) {
            put(datum("roll", t.plusSeconds(60L * i)).values((double) i, 100.0 + i).storageResolution(i % 2 == 0 ? 1 : 60)
                    .unit("Count").build());
        }
        GetMetricStatisticsResponse before = stats("roll", t, t.plus(Duration.ofMinutes(10)), 300, "Sum", "SampleCount",
                "Minimum", "Maximum");
        clock.advance(Duration.ofDays(16));
        MetricRetention retention = new MetricRetention(metrics);
        assertThat(retention.run(clock.instant())).isPositive();
        assertThat(retention.run(clock.instant())).isZero(); // idempotent: nothing left to roll
        assertThat(db.jdbc().query("SELECT DISTINCT d.storage_resolution FROM cw_datapoints d JOIN cw_metrics m"
                + " ON m.metric_id = d.metric_id WHERE m.namespace = ?", rs -> rs.getInt(1), ns)).containsExactly(300);
        GetMetricStatisticsResponse after = stats("roll", t, t.plus(Duration.ofMinutes(10)), 300, "Sum", "SampleCount",
                "Minimum", "Maximum");
        assertThat(after.datapoints()).isEqualTo(before.datapoints());
        assertThat(after.datapoints()).hasSize(2);
        assertThat(after.datapoints().get(0).sum()).isEqualTo(0 + 1 + 2 + 3 + 4 + 500 + 10.0);
        // A 1-minute period for data that old gets no datapoints, as the API reference says.
        assertThat(stats("roll", t, t.plus(Duration.ofMinutes(10)), 60, "Sum").datapoints()).isEmpty();
        // Percentiles survive the roll-up: the raw values are merged.
        GetMetricStatisticsResponse p = provider.getMetricStatistics(ctx(ACCOUNT, REGION), GetMetricStatisticsRequest.builder()
                .namespace(ns).metricName("roll").startTime(t).endTime(t.plus(Duration.ofMinutes(10))).period(600)
                .extendedStatistics("p50", "p100").build());
        assertThat(p.datapoints().get(0).extendedStatistics()).containsEntry("p50", 9.0).containsEntry("p100", 109.0);
    }

    @Test
    void subMinuteDataOlderThanThreeHoursAnswersAtOneMinute() {
        Instant t = START.minus(Duration.ofMinutes(30));
        put(datum("hr", t).value(1.0).storageResolution(1).build(), datum("hr", t.plusSeconds(10)).value(3.0).storageResolution(1).build());
        clock.advance(Duration.ofHours(4));
        new MetricRetention(metrics).run(clock.instant());
        assertThat(stats("hr", t, t.plusSeconds(60), 1, "Sum").datapoints()).isEmpty();
        assertThat(stats("hr", t, t.plusSeconds(60), 60, "Sum", "Maximum").datapoints()).containsExactly(
                Datapoint.builder().timestamp(t).sum(4.0).maximum(3.0).unit("None").build());
    }

    @Test
    void pointsOlderThan455DaysGo() {
        MetricKey key = MetricKey.of(ns, "old", Map.of());
        long old = START.minus(Duration.ofDays(456)).toEpochMilli() / 3_600_000 * 3_600_000;
        metrics.append(ACCOUNT, REGION, List.of(new Sample(key, new Point(old, 3600, "None", 1, 1, 1, 1, null)),
                new Sample(key, new Point(START.toEpochMilli(), 60, "None", 1, 1, 1, 1, null))), START);
        new MetricRetention(metrics).run(START);
        assertThat(metrics.read(ACCOUNT, REGION, key, 0, Long.MAX_VALUE, null)).extracting(Point::timestamp)
                .containsExactly(START.toEpochMilli());
    }

    // --- GetMetricData ---

    @Test
    void getMetricDataLabelsOrdersAndPages() {
        Instant t = START.minus(Duration.ofMinutes(5));
        for (int i = 0; i < 5; i++) put(datum("req", t.plusSeconds(60L * i)).value(i + 1.0).unit("Count").build());
        GetMetricDataRequest.Builder r = GetMetricDataRequest.builder().startTime(t).endTime(START).metricDataQueries(
                query("sum", "Sum", 60), query("max", "Maximum", 60), query("hidden", "Sum", 60).toBuilder().returnData(false).build());
        GetMetricDataResponse all = provider.getMetricData(ctx(ACCOUNT, REGION), r.build());
        assertThat(all.messages()).isEmpty();
        assertThat(all.metricDataResults()).extracting(MetricDataResult::id, MetricDataResult::label, MetricDataResult::statusCodeAsString)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sum", "req Sum", "Complete"),
                        org.assertj.core.groups.Tuple.tuple("max", "req Maximum", "Complete"));
        MetricDataResult sum = all.metricDataResults().get(0);
        assertThat(sum.values()).containsExactly(5.0, 4.0, 3.0, 2.0, 1.0); // TimestampDescending by default
        assertThat(sum.timestamps().get(0)).isEqualTo(t.plusSeconds(240));
        GetMetricDataResponse asc = provider.getMetricData(ctx(ACCOUNT, REGION), r.scanBy("TimestampAscending").build());
        assertThat(asc.metricDataResults().get(0).values()).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0);

        // Paging by MaxDatapoints across the queries.
        List<Double> seen = new ArrayList<>();
        GetMetricDataRequest paged = r.maxDatapoints(3).build();
        GetMetricDataResponse page = provider.getMetricData(ctx(ACCOUNT, REGION), paged);
        assertThat(page.metricDataResults().get(0).statusCodeAsString()).isEqualTo("PartialData");
        int pages = 1;
        page.metricDataResults().forEach(x -> seen.addAll(x.values()));
        while (page.nextToken() != null) {
            page = provider.getMetricData(ctx(ACCOUNT, REGION), paged.toBuilder().nextToken(page.nextToken()).build());
            page.metricDataResults().forEach(x -> seen.addAll(x.values()));
            pages++;
        }
        assertThat(pages).isEqualTo(4);
        assertThat(seen).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 1.0, 2.0, 3.0, 4.0, 5.0);
        assertRejected(() -> provider.getMetricData(ctx(ACCOUNT, REGION), paged.toBuilder().nextToken("bogus").build()),
                "InvalidNextToken", "The NextToken is not valid for this request.");
    }

    @Test
    void getMetricDataLabelsMergedUnitsAndRejections() {
        Instant t = START.minus(Duration.ofMinutes(5));
        put(datum("u", t).value(60.0).unit("Seconds").build(), datum("u", t).value(1000.0).unit("Milliseconds").build());
        GetMetricDataResponse r = provider.getMetricData(ctx(ACCOUNT, REGION), GetMetricDataRequest.builder().startTime(t)
                .endTime(START).metricDataQueries(query("a", "Sum", 60), query("b", "Sum", 300),
                        query("c", "Sum", 60).toBuilder().label("custom").build()).build());
        assertThat(r.metricDataResults()).extracting(MetricDataResult::label).containsExactly("u 60", "u 300", "custom");
        assertThat(r.metricDataResults().get(0).values()).containsExactly(1060.0);
        assertThat(r.metricDataResults().get(0).messages().get(0).code()).isEqualTo("MultipleUnits");
        assertThat(r.metricDataResults().get(0).messages().get(0).value()).isEqualTo("Multiple units returned: '[Milliseconds, Seconds]'");

        // Metrics Insights over the stored metric (the namespace needs quotes: it holds '-' characters).
        GetMetricDataResponse insights = provider.getMetricData(ctx(ACCOUNT, REGION), GetMetricDataRequest.builder()
                .startTime(t).endTime(START).scanBy("TimestampAscending").metricDataQueries(MetricDataQuery.builder()
                        .id("q1").period(300).expression("SELECT SUM(u) FROM \"" + ns + "\"").build()).build());
        assertThat(insights.metricDataResults().get(0).label()).isEqualTo("q1");
        assertThat(insights.metricDataResults().get(0).values()).containsExactly(1060.0);
        // SEARCH over the same store: the schema {namespace} finds the metric without dimensions.
        GetMetricDataResponse search = provider.getMetricData(ctx(ACCOUNT, REGION), GetMetricDataRequest.builder()
                .startTime(t).endTime(START).metricDataQueries(MetricDataQuery.builder().id("s1")
                        .expression("SEARCH('{\"" + ns + "\"} MetricName=\"u\"', 'Sum', 300)")
                        .label("${PROP('Namespace')} ${LABEL} ${SUM}").build()).build());
        assertThat(search.metricDataResults()).extracting(MetricDataResult::label).containsExactly(ns + " u 1060");
        assertThat(provider.getMetricData(ctx("210987654321", REGION), GetMetricDataRequest.builder()
                .startTime(t).endTime(START).metricDataQueries(MetricDataQuery.builder().id("s1")
                        .expression("SEARCH('{\"" + ns + "\"} u', 'Sum', 300)").build()).build()).metricDataResults())
                .isEmpty();
        assertRejected(() -> provider.getMetricData(ctx(ACCOUNT, REGION), GetMetricDataRequest.builder().startTime(t)
                        .endTime(START).metricDataQueries(
                                MetricDataQuery.builder().id("e1").expression("SELECT SUM(u) FROM ns").build(),
                                MetricDataQuery.builder().id("e2").expression("SELECT MAX(u) FROM ns").build()).build()),
                "ValidationError", "A GetMetricData request can hold only one Metrics Insights query.");
        assertRejected(() -> provider.getMetricData(ctx(ACCOUNT, REGION), GetMetricDataRequest.builder().startTime(t)
                        .endTime(START).metricDataQueries(query("a", "Median", 60), query("b", "p50", 60), query("c", "None", 60)).build()),
                "ValidationError", "The value Median for parameter MetricDataQueries.member.1.MetricStat.Stat is not a valid statistic.\n"
                        + "The value None for parameter MetricDataQueries.member.3.MetricStat.Stat is not a valid statistic.");
    }

    MetricDataQuery query(String id, String stat, int period) {
        return MetricDataQuery.builder().id(id).metricStat(MetricStat.builder().stat(stat).period(period)
                .metric(Metric.builder().namespace(ns).metricName(id.equals("a") || id.equals("b") || id.equals("c") ? "u" : "req")
                        .build()).build()).build();
    }

    // --- ListMetrics ---

    @Test
    void listMetricsFiltersAndPages() {
        put(datum("CPUUtilization", START).value(15.0).build(),
                datum("MemoryUtilization", START).value(30.0).dimensions(dim("InstanceId", "one")).build(),
                datum("DiskReadOps", START).value(15.0).dimensions(dim("InstanceId", "two")).build(),
                datum("DiskWriteOps", START).dimensions(dim("InstanceId", "two"), dim("Type", "ssd")).statisticValues(
                        StatisticSet.builder().maximum(1.0).minimum(1.0).sampleCount(1.0).sum(1.0).build()).build(),
                datum("MemoryUtilization", START).value(15.0).dimensions(dim("InstanceId", "one")).build());
        assertThat(list(ListMetricsRequest.builder().namespace(ns)).metrics()).hasSize(4);
        assertThat(list(ListMetricsRequest.builder().namespace(ns).metricName("CPUUtilization")).metrics()).hasSize(1);
        assertThat(list(ListMetricsRequest.builder().namespace(ns).dimensions(DimensionFilter.builder().name("InstanceId").build()))
                .metrics()).hasSize(3);
        ListMetricsResponse two = list(ListMetricsRequest.builder().namespace(ns)
                .dimensions(DimensionFilter.builder().name("InstanceId").value("two").build()).includeLinkedAccounts(true));
        assertThat(two.metrics()).extracting(Metric::metricName).containsExactly("DiskReadOps", "DiskWriteOps");
        assertThat(two.metrics().get(1).dimensions()).containsExactly(dim("InstanceId", "two"), dim("Type", "ssd"));
        assertThat(two.owningAccounts()).containsExactly(ACCOUNT, ACCOUNT);
        assertThat(list(ListMetricsRequest.builder().namespace(ns).owningAccount("999999999999")).metrics()).isEmpty();

        clock.advance(Duration.ofHours(4));
        put(datum("Fresh", clock.instant()).value(1.0).build());
        assertThat(list(ListMetricsRequest.builder().namespace(ns).recentlyActive("PT3H")).metrics())
                .extracting(Metric::metricName).containsExactly("Fresh");
        clock.advance(Duration.ofDays(15));
        assertThat(list(ListMetricsRequest.builder().namespace(ns)).metrics()).isEmpty(); // two weeks without data
    }

    @Test
    void listMetricsPagesOf500() {
        List<MetricDatum> data = new ArrayList<>();
        for (int i = 0; i < 1001; i++) data.add(datum(String.format("m%04d", i), START).value(1.0).build());
        put(data.subList(0, 1000).toArray(MetricDatum[]::new));
        put(data.get(1000));
        List<String> names = new ArrayList<>();
        ListMetricsResponse page = list(ListMetricsRequest.builder().namespace(ns));
        int pages = 1;
        names.addAll(page.metrics().stream().map(Metric::metricName).toList());
        while (page.nextToken() != null) {
            assertThat(page.metrics()).hasSize(500);
            page = list(ListMetricsRequest.builder().namespace(ns).nextToken(page.nextToken()));
            names.addAll(page.metrics().stream().map(Metric::metricName).toList());
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(names).hasSize(1001).doesNotHaveDuplicates().isSorted();
    }

    ListMetricsResponse list(ListMetricsRequest.Builder r) {
        return provider.listMetrics(ctx(ACCOUNT, REGION), r.build());
    }

    static Dimension dim(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

    // --- dashboards ---

    @Test
    void dashboardsAreGlobalPerAccountAndDeletedAllOrNothing() {
        String prefix = "d" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String body = "{\"widgets\":[{\"type\":\"text\",\"x\":0,\"y\":0,\"width\":6,\"height\":3,"
                + "\"properties\":{\"markdown\":\"# hello\"}}]}";
        provider.putDashboard(ctx(ACCOUNT, REGION), PutDashboardRequest.builder().dashboardName(prefix + "-a").dashboardBody(body).build());
        provider.putDashboard(ctx(ACCOUNT, "eu-west-1"), PutDashboardRequest.builder().dashboardName(prefix + "_b").dashboardBody(body).build());
        var got = provider.getDashboard(ctx(ACCOUNT, "ap-south-1"), GetDashboardRequest.builder().dashboardName(prefix + "_b").build());
        assertThat(got.dashboardBody()).isEqualTo(body);
        assertThat(got.dashboardArn()).isEqualTo("arn:aws:cloudwatch::" + ACCOUNT + ":dashboard/" + prefix + "_b");
        var listed = provider.listDashboards(ctx(ACCOUNT, REGION), ListDashboardsRequest.builder().dashboardNamePrefix(prefix).build());
        assertThat(listed.dashboardEntries()).extracting(e -> e.dashboardName()).containsExactly(prefix + "-a", prefix + "_b");
        assertThat(listed.dashboardEntries().get(0).size()).isEqualTo(body.length());
        assertThat(listed.dashboardEntries().get(0).lastModified()).isEqualTo(START);
        assertThat(provider.listDashboards(ctx("210987654321", REGION), ListDashboardsRequest.builder()
                .dashboardNamePrefix(prefix).build()).dashboardEntries()).isEmpty();

        assertRejected(() -> provider.deleteDashboards(ctx(ACCOUNT, REGION), DeleteDashboardsRequest.builder()
                .dashboardNames(prefix + "-a", prefix + "-missing").build()), "DashboardNotFoundError",
                "The specified dashboard does not exist. [" + prefix + "-missing]");
        assertThat(provider.listDashboards(ctx(ACCOUNT, REGION), ListDashboardsRequest.builder().dashboardNamePrefix(prefix)
                .build()).dashboardEntries()).hasSize(2);
        provider.deleteDashboards(ctx(ACCOUNT, REGION), DeleteDashboardsRequest.builder().dashboardNames(prefix + "-a", prefix + "_b").build());
        assertRejected(() -> provider.getDashboard(ctx(ACCOUNT, REGION), GetDashboardRequest.builder().dashboardName(prefix + "-a").build()),
                "DashboardNotFoundError", "Dashboard " + prefix + "-a does not exist");
    }

    @Test
    void dashboardBodiesAreValidated() {
        assertRejected(() -> putDashboard("bad name", "{\"widgets\":[]}"), "InvalidParameterValueException",
                "The value for field DashboardName contains invalid characters. It can only contain alphanumerics, dash (-)"
                        + " and underscore (_).\n");
        assertRejected(() -> putDashboard("d", "not json"), "DashboardInvalidInputError",
                "The field DashboardBody must be a valid JSON object");
        assertRejected(() -> putDashboard("d", "{\"widgets\":[{\"type\":\"metric\",\"properties\":{}}, {\"type\":\"pie\","
                + "\"width\":25,\"properties\":{}}]}"), "DashboardInvalidInputError", """
                The dashboard body is invalid, there are 5 validation errors:
                [
                  {
                    "dataPath": "/widgets/0/properties",
                    "message": "Should have required property 'metrics'"
                  },
                  {
                    "dataPath": "/widgets/0/properties",
                    "message": "The metric widget should have specified a region and a data source or an alarm annotation"
                  },
                  {
                    "dataPath": "/widgets/0/properties",
                    "message": "Should have required property 'annotations'"
                  },
                  {
                    "dataPath": "/widgets/1/type",
                    "message": "Should be equal to one of the allowed values"
                  },
                  {
                    "dataPath": "/widgets/1/width",
                    "message": "Should be <= 24"
                  }
                ]""");
        assertThat(putDashboard("ok-" + UUID.randomUUID(), "{\"widgets\":[{\"type\":\"metric\",\"x\":0,\"y\":0,\"width\":12,"
                + "\"height\":6,\"properties\":{\"metrics\":[[\"AWS/EC2\",\"CPUUtilization\",\"InstanceId\",\"i-1\"],"
                + "[\"...\",\"i-2\",{\"stat\":\"p99\"}]],\"region\":\"us-east-1\",\"view\":\"timeSeries\",\"stacked\":false,"
                + "\"period\":300,\"stat\":\"Average\"}}],\"start\":\"-PT6H\",\"periodOverride\":\"inherit\"}")
                .dashboardValidationMessages()).isEmpty();
    }

    software.amazon.awssdk.services.cloudwatch.model.PutDashboardResponse putDashboard(String name, String body) {
        return provider.putDashboard(ctx(ACCOUNT, REGION), PutDashboardRequest.builder().dashboardName(name).dashboardBody(body).build());
    }

    // --- the metric sink ---

    @Test
    void theSinkWritesThroughTheSameValidation() {
        var failures = new dev.vigil.core.spi.DeliveryFailures(clock);
        CloudWatchMetricSink sink = new CloudWatchMetricSink(metrics, clock, failures);
        sink.put(ACCOUNT, REGION, ns, "Errors", Map.of("LogGroup", "app"), START, 3.0, "Count");
        sink.put(ACCOUNT, REGION, ns, "Errors", Map.of("LogGroup", "app"), START, Double.NaN, "Count");
        sink.put(ACCOUNT, REGION, "AWS/Logs", "IncomingBytes", Map.of(), START, 10.0, null);
        assertThat(metrics.read(ACCOUNT, REGION, MetricKey.of(ns, "Errors", Map.of("LogGroup", "app")), 0, Long.MAX_VALUE, null))
                .extracting(Point::sum).containsExactly(3.0);
        assertThat(metrics.read(ACCOUNT, REGION, MetricKey.of("AWS/Logs", "IncomingBytes", Map.of()), 0, Long.MAX_VALUE, null)).hasSize(1);
        assertThat(failures.recent()).singleElement().satisfies(f ->
                assertThat(f.reason()).isEqualTo("The value NaN for parameter MetricData.member.1.Value is invalid."));
    }

    @Test
    void theSinkStoresABatchTogetherAndReportsOnlyItsBadDatapoints() {
        var failures = new dev.vigil.core.spi.DeliveryFailures(clock);
        CloudWatchMetricSink sink = new CloudWatchMetricSink(metrics, clock, failures);
        Map<String, String> dims = Map.of("LogGroup", "batch");
        sink.putAll(ACCOUNT, REGION, List.of(
                new dev.vigil.core.spi.MetricSink.Datapoint(ns, "Latency", dims, START, 120.0, "Milliseconds"),
                new dev.vigil.core.spi.MetricSink.Datapoint(ns, "Latency", dims, START, Double.POSITIVE_INFINITY, "Milliseconds"),
                new dev.vigil.core.spi.MetricSink.Datapoint(ns, "Latency", dims, START.plusSeconds(60), 80.0, "Milliseconds")));
        assertThat(metrics.read(ACCOUNT, REGION, MetricKey.of(ns, "Latency", dims), 0, Long.MAX_VALUE, null))
                .extracting(Point::sum).containsExactly(120.0, 80.0);
        assertThat(failures.recent()).singleElement().satisfies(f -> assertThat(f.reason()).contains("Infinity"));
    }

    // --- tags ---

    Map<String, String> tagsOf(String arn) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        provider.listTagsForResource(ctx(ACCOUNT, REGION), ListTagsForResourceRequest.builder().resourceARN(arn).build())
                .tags().forEach(t -> out.put(t.key(), t.value()));
        return out;
    }

    void tag(String arn, Tag... tags) {
        provider.tagResource(ctx(ACCOUNT, "eu-west-1"), TagResourceRequest.builder().resourceARN(arn).tags(tags).build());
    }

    static Tag t(String k, String v) {
        return Tag.builder().key(k).value(v).build();
    }

    @Test
    void dashboardTagsAreStoredLimitedAndDeletedWithTheDashboard() {
        String name = "tags-" + UUID.randomUUID();
        String arn = "arn:aws:cloudwatch::" + ACCOUNT + ":dashboard/" + name;
        String body = "{\"widgets\":[]}";
        provider.putDashboard(ctx(ACCOUNT, REGION), PutDashboardRequest.builder().dashboardName(name).dashboardBody(body)
                .tags(t("team", "core"), t("env", "dev")).build());
        assertThat(tagsOf(arn)).containsExactly(Map.entry("env", "dev"), Map.entry("team", "core"));
        tag(arn, t("env", "prod"), t("cost", ""));
        assertThat(tagsOf(arn)).containsExactly(Map.entry("cost", ""), Map.entry("env", "prod"), Map.entry("team", "core"));
        // Replacing the dashboard keeps its tags.
        putDashboard(name, body);
        assertThat(tagsOf(arn)).hasSize(3);
        provider.untagResource(ctx(ACCOUNT, REGION), UntagResourceRequest.builder().resourceARN(arn)
                .tagKeys("cost", "absent").build());
        assertThat(tagsOf(arn)).containsOnlyKeys("env", "team");

        // 50 tags at most, counting the ones it has; nothing is written when over.
        List<Tag> many = new ArrayList<>();
        for (int i = 0; i < 48; i++) many.add(t("k" + i, "v"));
        tag(arn, many.toArray(Tag[]::new));
        assertThat(tagsOf(arn)).hasSize(50);
        assertRejected(() -> tag(arn, t("one-more", "x")), "InvalidParameterValueException",
                "A resource can have at most 50 tags; this request would make it 51.");
        tag(arn, t("team", "overwriting is fine at 50"));
        assertThat(tagsOf(arn)).hasSize(50).containsEntry("team", "overwriting is fine at 50");
        assertRejected(() -> tag(arn, t("aws:reserved", "x")), "InvalidParameterValueException",
                "The value aws:reserved for parameter Tags.member.1.Key is invalid: tag keys starting with 'aws:' are"
                        + " reserved for AWS use.");
        assertRejected(() -> tag(arn, t("bad#key", "x")), "InvalidParameterValueException",
                "The value for parameter Tags.member.1.Key must be 1 to 128 characters of letters, digits, white space"
                        + " and _.:/=+-@.");

        // Another account does not see it; alarms are not built (ResourceNotFound); garbage is invalid.
        String other = "arn:aws:cloudwatch::999999999999:dashboard/" + name;
        assertRejected(() -> tagsOf(other), "ResourceNotFoundException",
                "The specified resource " + other + " does not exist.");
        String alarm = "arn:aws:cloudwatch:us-east-1:" + ACCOUNT + ":alarm:" + name;
        assertRejected(() -> tag(alarm, t("a", "b")), "ResourceNotFoundException",
                "The specified resource " + alarm + " does not exist.");
        assertRejected(() -> tagsOf("not-an-arn"), "InvalidParameterValueException",
                "The value not-an-arn for parameter ResourceARN is not a valid ARN.");

        // Deleting the dashboard deletes its tags: a new dashboard of that name starts untagged.
        provider.deleteDashboards(ctx(ACCOUNT, REGION), DeleteDashboardsRequest.builder().dashboardNames(name).build());
        assertRejected(() -> tagsOf(arn), "ResourceNotFoundException", "The specified resource " + arn + " does not exist.");
        assertRejected(() -> provider.untagResource(ctx(ACCOUNT, REGION), UntagResourceRequest.builder()
                .resourceARN(arn).tagKeys("env").build()), "ResourceNotFoundException",
                "The specified resource " + arn + " does not exist.");
        putDashboard(name, body);
        assertThat(tagsOf(arn)).isEmpty();
    }

    // --- widget images ---

    @Test
    void widgetImageDrawsTheQueriedMetrics() throws Exception {
        for (int i = 0; i < 60; i++) {
            put(datum("Latency", START.minusSeconds(60L * (60 - i))).value(10.0 + (i % 7) * 3)
                    .dimensions(Dimension.builder().name("Host").value("a").build()).build(),
                    datum("Latency", START.minusSeconds(60L * (60 - i))).value(5.0 + (i % 5))
                            .dimensions(Dimension.builder().name("Host").value("b").build()).build());
        }
        String widget = "{\"metrics\":[[\"" + ns + "\",\"Latency\",\"Host\",\"a\"],[\".\",\".\",\".\",\"b\","
                + "{\"yAxis\":\"right\",\"color\":\"#d62728\",\"stat\":\"Maximum\"}],"
                + "[{\"expression\":\"m1+m2\",\"label\":\"sum\"}]],"
                + "\"title\":\"Latency\",\"period\":60,\"start\":\"-PT1H\",\"end\":\"P0D\",\"width\":640,\"height\":320,"
                + "\"yAxis\":{\"left\":{\"min\":0,\"label\":\"ms\"}},\"timezone\":\"+0130\","
                + "\"annotations\":{\"horizontal\":[{\"value\":20,\"label\":\"SLO\"},[{\"value\":1},{\"value\":3}]],"
                + "\"vertical\":[{\"value\":\"-PT30M\",\"label\":\"deploy\"}]},\"legend\":{\"position\":\"right\"}}";
        MetricWidgetImages images = new MetricWidgetImages(new MetricDataQueries(metrics, clock), clock);
        MetricWidget w = MetricWidget.parse(widget, clock.instant());
        List<WidgetRenderer.Drawn> drawn = images.query(ctx(ACCOUNT, REGION), w);
        assertThat(drawn).extracting(WidgetRenderer.Drawn::label).containsExactly("Latency Average", "Latency Maximum", "sum");
        assertThat(drawn.get(0).values()).hasSize(60);
        assertThat(drawn.get(2).values().get(0)).isEqualTo(drawn.get(0).values().get(0) + drawn.get(1).values().get(0));

        for (String view : List.of("timeSeries", "bar", "singleValue", "pie")) {
            for (boolean stacked : List.of(false, true)) {
                String json = widget.replace("\"title\"", "\"view\":\"" + view + "\",\"stacked\":" + stacked + ",\"title\"");
                byte[] png = provider.getMetricWidgetImage(ctx(ACCOUNT, REGION), GetMetricWidgetImageRequest.builder()
                        .metricWidget(json).build()).metricWidgetImage().asByteArray();
                WidgetImages.assertDrawn(png, 640, 320);
            }
        }
        // SEARCH and Metrics Insights lines go through the same engine, with dynamic labels.
        String found = "{\"metrics\":[[{\"expression\":\"SEARCH('{\\\"" + ns + "\\\",Host} Latency', 'Maximum', 60)\","
                + "\"label\":\"host ${PROP('Dim.Host')}\"}],[{\"expression\":\"SELECT MAX(Latency) FROM SCHEMA(\\\"" + ns
                + "\\\", Host) GROUP BY Host ORDER BY MAX() DESC LIMIT 1\"}]],\"period\":60,\"start\":\"-PT1H\",\"end\":\"P0D\"}";
        List<WidgetRenderer.Drawn> searched = images.query(ctx(ACCOUNT, REGION), MetricWidget.parse(found, clock.instant()));
        assertThat(searched).extracting(WidgetRenderer.Drawn::label).containsExactly("host a", "host b", "a");
        assertThat(searched.get(2).values()).isEqualTo(searched.get(0).values());
        WidgetImages.assertDrawn(provider.getMetricWidgetImage(ctx(ACCOUNT, REGION), GetMetricWidgetImageRequest.builder()
                .metricWidget(found).build()).metricWidgetImage().asByteArray(), 600, 400);
        // Defaults: 600 x 400, the last three hours, Average over 300 s.
        byte[] png = provider.getMetricWidgetImage(ctx(ACCOUNT, REGION), GetMetricWidgetImageRequest.builder()
                .metricWidget("{\"metrics\":[[\"" + ns + "\",\"Latency\",\"Host\",\"a\"]]}").outputFormat("png")
                .build()).metricWidgetImage().asByteArray();
        WidgetImages.assertDrawn(png, 600, 400);

        assertRejected(() -> provider.getMetricWidgetImage(ctx(ACCOUNT, REGION), GetMetricWidgetImageRequest.builder()
                .metricWidget("{\"metrics\":[[\"" + ns + "\",\"Latency\"]]}").outputFormat("jpeg").build()),
                "InvalidParameterValueException",
                "The value jpeg for parameter OutputFormat is not valid. Only PNG images are supported: png or image/png.");
        assertRejected(() -> provider.getMetricWidgetImage(ctx(ACCOUNT, REGION), GetMetricWidgetImageRequest.builder()
                .metricWidget("{\"metrics\":[]}").build()), "InvalidParameterValueException",
                "The field MetricWidget.metrics must be a non-empty array of metric arrays.");
    }

    static void assertRejected(Runnable call, String code, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }
}
