package dev.vigil.bench.alarms;

import dev.vigil.cloudwatch.AlarmMetricSource;
import dev.vigil.cloudwatch.CloudWatchProvider;
import dev.vigil.cloudwatch.JdbcDashboardRepository;
import dev.vigil.cloudwatch.JdbcMetricRepository;
import dev.vigil.cloudwatch.alarms.AlarmEvaluator;
import dev.vigil.cloudwatch.alarms.AlarmTransitions;
import dev.vigil.cloudwatch.alarms.AlarmsProvider;
import dev.vigil.cloudwatch.alarms.JdbcAlarmRepository;
import dev.vigil.core.Caller;
import dev.vigil.core.MutableClock;
import dev.vigil.core.RequestContext;
import dev.vigil.core.spi.DeliveryFailures;
import dev.vigil.core.spi.EventPublisher;
import dev.vigil.core.spi.Interconnect;
import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.StoreSpec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;

/**
 * The alarm evaluator's cost: {@code alarms} metric alarms (period 60 s, 5 evaluation periods, 3 to alarm) over
 * {@code alarms / 10} metrics on the embedded H2 store, a datapoint per metric per minute, and the clock moved a
 * minute at a time; each simulated minute every alarm is evaluated once (GetMetricData path, state machine,
 * transitions with history and events). Reports the evaluator thread's CPU time and wall time per simulated
 * minute (H2 runs in the calling thread, so the store's work is included). Not a load scenario over HTTP: the
 * evaluator is a background job, so it is driven directly.
 *
 * <pre>java -cp "$(cat vigil-bench/target/classpath.txt):vigil-bench/target/classes" \
 *     dev.vigil.bench.alarms.AlarmEvaluationBench [alarms=10000] [minutes=5]</pre>
 * Single-threaded use only.
 */
public final class AlarmEvaluationBench {
    private AlarmEvaluationBench() {}

    public static void main(String[] args) {
        int alarms = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int minutes = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int metrics = Math.max(1, alarms / 10);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
        try (JdbcDatabase db = JdbcDatabase.open(StoreSpec.h2Memory())) {
            db.migrate("store");
            db.migrate("cloudwatch");
            JdbcMetricRepository metricStore = new JdbcMetricRepository(db);
            JdbcAlarmRepository alarmStore = new JdbcAlarmRepository(db);
            CloudWatchProvider cw = new CloudWatchProvider(metricStore, new JdbcDashboardRepository(db), alarmStore, clock);
            AlarmMetricSource source = new AlarmMetricSource(metricStore, clock);
            // State changes are counted, not sent (the EventBridge stand-in would log each as a delivery failure).
            Interconnect interconnect = new Interconnect(new DeliveryFailures(clock));
            AtomicInteger changes = new AtomicInteger();
            interconnect.register(EventPublisher.class, (acct, region, src, type, detail, resources, time) ->
                    changes.incrementAndGet());
            AlarmTransitions transitions = new AlarmTransitions(alarmStore, interconnect, clock);
            AlarmEvaluator evaluator = new AlarmEvaluator(alarmStore, source, transitions, clock);
            AlarmsProvider provider = new AlarmsProvider(alarmStore, source, transitions, clock);
            RequestContext ctx = new RequestContext(UUID.randomUUID().toString(), clock.instant(), "us-east-1",
                    Caller.root("000000000000", "test"), "127.0.0.1", "bench", "monitoring", "PutMetricAlarm");
            String ns = "Bench/Alarms";
            for (int i = 0; i < alarms; i++) {
                int metric = i % metrics;
                provider.putMetricAlarm(ctx, PutMetricAlarmRequest.builder().alarmName("alarm-" + i).namespace(ns)
                        .metricName("Latency").dimensions(Dimension.builder().name("Host").value("h" + metric).build())
                        .statistic("Average").period(60).evaluationPeriods(5).datapointsToAlarm(3)
                        .threshold(10.0 * (i / metrics)).comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                        .build());
            }
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            List<long[]> samples = new ArrayList<>();
            for (int m = -1; m < minutes; m++) {
                Instant minuteStart = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
                List<MetricDatum> batch = new ArrayList<>();
                for (int h = 0; h < metrics; h++) {
                    batch.add(MetricDatum.builder().metricName("Latency").timestamp(minuteStart)
                            .dimensions(Dimension.builder().name("Host").value("h" + h).build())
                            .value((double) ((h * 7 + m * 13) % 100)).build());
                    if (batch.size() == 1000) {
                        cw.putMetricData(ctx, PutMetricDataRequest.builder().namespace(ns).metricData(batch).build());
                        batch.clear();
                    }
                }
                if (!batch.isEmpty()) cw.putMetricData(ctx, PutMetricDataRequest.builder().namespace(ns).metricData(batch).build());
                clock.advance(Duration.ofMinutes(1));
                long cpu = mx.getCurrentThreadCpuTime();
                long wall = System.nanoTime();
                changes.set(0);
                int evaluated = evaluator.run();
                long cpuMs = (mx.getCurrentThreadCpuTime() - cpu) / 1_000_000;
                long wallMs = (System.nanoTime() - wall) / 1_000_000;
                if (m >= 0) samples.add(new long[] {cpuMs, wallMs, evaluated});
                System.out.printf("minute %d: %d evaluations, %d state changes, cpu %d ms, wall %d ms%s%n", m + 1,
                        evaluated, changes.get(), cpuMs, wallMs, m < 0 ? " (warm-up)" : "");
            }
            long cpu = samples.stream().mapToLong(s -> s[0]).sum() / samples.size();
            long wall = samples.stream().mapToLong(s -> s[1]).sum() / samples.size();
            System.out.printf("%d alarms on %d metrics: evaluator CPU %d ms (wall %d ms) per simulated minute, %.0f"
                    + " evaluations per CPU second%n", alarms, metrics, cpu, wall, alarms * 1000.0 / Math.max(1, cpu));
        }
    }
}
