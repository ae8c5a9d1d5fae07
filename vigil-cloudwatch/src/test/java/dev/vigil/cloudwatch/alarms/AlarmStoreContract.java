package dev.vigil.cloudwatch.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.cloudwatch.AlarmMetricSource;
import dev.vigil.cloudwatch.CloudWatchProvider;
import dev.vigil.cloudwatch.JdbcDashboardRepository;
import dev.vigil.cloudwatch.JdbcMetricRepository;
import dev.vigil.core.AwsException;
import dev.vigil.core.Caller;
import dev.vigil.core.MutableClock;
import dev.vigil.core.RequestContext;
import dev.vigil.core.spi.DeliveryFailures;
import dev.vigil.core.spi.EventPublisher;
import dev.vigil.core.spi.Interconnect;
import dev.vigil.core.spi.MessageSink;
import dev.vigil.store.JdbcDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.cloudwatch.model.*;

/** Alarms against a real database: store, evaluator, transitions, history, composites; one subclass per engine. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AlarmStoreContract {
    static final String REGION = "us-east-1";
    static final Instant START = Instant.parse("2026-11-30T12:00:30Z");

    private JdbcDatabase db;
    private JdbcMetricRepository metrics;
    private JdbcAlarmRepository alarms;
    private MutableClock clock;
    private CloudWatchProvider cw;
    private AlarmsProvider provider;
    private AlarmEvaluator evaluator;
    private String account;
    private Interconnect ic;
    private String ns;
    final List<String[]> delivered = Collections.synchronizedList(new ArrayList<>());
    final List<String> events = Collections.synchronizedList(new ArrayList<>());

    abstract JdbcDatabase open();

    @BeforeAll
    void migrate() {
        db = open();
        metrics = new JdbcMetricRepository(db);
        alarms = new JdbcAlarmRepository(db);
    }

    @AfterAll
    void close() {
        db.close();
    }

    @BeforeEach
    void fresh() {
        clock = new MutableClock(START);
        account = String.format("%012d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L));
        ns = "Vigil/" + UUID.randomUUID();
        ic = new Interconnect(new DeliveryFailures(clock));
        String me = account;
        ic.register(MessageSink.class, (principal, source, target, message, attrs) -> {
            if (target.endsWith(":missing")) throw new AwsException("NotFound", 404, "Topic does not exist");
            if (source.contains(":" + me + ":")) delivered.add(new String[] {principal, source, target, message});
        });
        ic.register(EventPublisher.class, (acct, region, source, type, detail, resources, time) -> {
            if (acct.equals(me)) events.add(source + "|" + type + "|" + detail);
        });
        delivered.clear();
        events.clear();
        AlarmMetricSource source = new AlarmMetricSource(metrics, clock);
        AlarmTransitions transitions = new AlarmTransitions(alarms, ic, clock);
        evaluator = new AlarmEvaluator(alarms, source, transitions, clock);
        provider = new AlarmsProvider(alarms, source, transitions, clock);
        cw = new CloudWatchProvider(metrics, new JdbcDashboardRepository(db), alarms, clock);
    }

    RequestContext ctx() {
        return new RequestContext(UUID.randomUUID().toString(), clock.instant(), REGION, Caller.root(account, "test"),
                "127.0.0.1", "test", "monitoring", "Test");
    }

    void put(String metric, Instant at, double value) {
        cw.putMetricData(ctx(), PutMetricDataRequest.builder().namespace(ns).metricData(MetricDatum.builder()
                .metricName(metric).timestamp(at).value(value).build()).build());
    }

    PutMetricAlarmRequest.Builder alarm(String name, String metric) {
        return PutMetricAlarmRequest.builder().alarmName(name).namespace(ns).metricName(metric).statistic("Average")
                .period(60).evaluationPeriods(5).datapointsToAlarm(3).threshold(1.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .alarmActions("arn:aws:sns:us-east-1:" + account + ":ops", "arn:aws:sns:us-east-1:" + account + ":missing");
    }

    MetricAlarm describe(String name) {
        return provider.describeAlarms(ctx(), DescribeAlarmsRequest.builder().alarmNames(name).build()).metricAlarms().get(0);
    }

    @Test
    void threeOfFiveBreachingGoesToAlarmOnceWithHistoryAndActions() throws Exception {
        provider.putMetricAlarm(ctx(), alarm("cpu", "CPU").build());
        assertThat(describe("cpu").stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
        assertThat(describe("cpu").stateReason()).isEqualTo("Unchecked: Initial alarm creation");
        Instant base = Instant.parse("2026-11-30T12:00:00Z");
        double[] values = {5, 0, 5, 0, 5};
        for (int i = 0; i < values.length; i++) put("CPU", base.plusSeconds(60L * i), values[i]);
        clock.set(Instant.parse("2026-11-30T12:05:10Z"));
        // Two nodes' evaluators, two threads each, race for the same evaluation: exactly one takes it.
        AlarmEvaluator otherNode = new AlarmEvaluator(alarms, new AlarmMetricSource(metrics, clock),
                new AlarmTransitions(alarms, ic, clock), clock);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) runs.add(pool.submit(i % 2 == 0 ? evaluator::run : otherNode::run));
        for (Future<Integer> f : runs) f.get();
        pool.shutdown();
        MetricAlarm a = describe("cpu");
        assertThat(a.stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(a.stateReason()).isEqualTo("Threshold Crossed: 3 out of the last 5 datapoints [5.0 (30/11/26 12:04:00),"
                + " 5.0 (30/11/26 12:02:00), 5.0 (30/11/26 12:00:00)] were greater than the threshold (1.0) (minimum 3"
                + " datapoints for INSUFFICIENT_DATA -> ALARM transition).");
        assertThat(a.stateReasonData()).contains("\"statistic\":\"Average\"", "\"period\":60", "\"threshold\":1.0");
        evaluator.run();

        // One transition: one notification, one event, one StateUpdate (alarms of other tests share the store).
        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0)[0]).isEqualTo("cloudwatch.amazonaws.com");
        assertThat(delivered.get(0)[3]).contains("\"AlarmName\":\"cpu\"", "\"NewStateValue\":\"ALARM\"",
                "\"OldStateValue\":\"INSUFFICIENT_DATA\"", "\"Region\":\"US East (N. Virginia)\"", "\"AWSAccountId\":\"" + account + "\"",
                "\"Trigger\":{\"MetricName\":\"CPU\"", "\"StatisticType\":\"Statistic\",\"Statistic\":\"AVERAGE\"",
                "\"TreatMissingData\":\"- TreatMissingData:                    missing\",\"EvaluateLowSampleCountPercentile\":\"\"}");
        assertThat(events).hasSize(1);
        assertThat(events.get(0)).startsWith("aws.cloudwatch|CloudWatch Alarm State Change|{\"alarmName\":\"cpu\",\"state\":{\"value\":\"ALARM\"");

        List<software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem> h = provider.describeAlarmHistory(ctx(),
                DescribeAlarmHistoryRequest.builder().alarmName("cpu").scanBy(ScanBy.TIMESTAMP_ASCENDING).build()).alarmHistoryItems();
        assertThat(h).extracting(x -> x.historyItemTypeAsString() + ": " + x.historySummary()).containsExactly(
                "ConfigurationUpdate: Alarm \"cpu\" created",
                "StateUpdate: Alarm updated from INSUFFICIENT_DATA to ALARM",
                "Action: Successfully executed action arn:aws:sns:us-east-1:" + account + ":ops",
                "Action: Failed to execute action arn:aws:sns:us-east-1:" + account + ":missing. Received error: \"Topic does not exist\"");
        var page = provider.describeAlarmHistory(ctx(), DescribeAlarmHistoryRequest.builder().alarmName("cpu")
                .historyItemType(HistoryItemType.ACTION).maxRecords(1).build());
        assertThat(page.alarmHistoryItems()).hasSize(1);
        var page2 = provider.describeAlarmHistory(ctx(), DescribeAlarmHistoryRequest.builder().alarmName("cpu")
                .historyItemType(HistoryItemType.ACTION).maxRecords(1).nextToken(page.nextToken()).build());
        assertThat(page2.alarmHistoryItems()).hasSize(1).doesNotContainAnyElementsOf(page.alarmHistoryItems());
        assertThat(page2.nextToken()).isNull();

        // History is kept 30 days: the creation (12:00:30) goes first, the transition and actions (12:05:10) next.
        clock.set(Instant.parse("2026-12-30T12:05:09Z"));
        evaluator.sweepHistory();
        assertThat(provider.describeAlarmHistory(ctx(), DescribeAlarmHistoryRequest.builder().alarmName("cpu").build())
                .alarmHistoryItems()).hasSize(3);
        clock.set(Instant.parse("2026-12-30T12:05:11Z"));
        evaluator.sweepHistory();
        assertThat(provider.describeAlarmHistory(ctx(), DescribeAlarmHistoryRequest.builder().alarmName("cpu").build())
                .alarmHistoryItems()).isEmpty();
        clock.set(Instant.parse("2026-11-30T12:05:30Z"));

        // SetAlarmState holds until the next evaluation, which puts the computed state back.
        provider.setAlarmState(ctx(), SetAlarmStateRequest.builder().alarmName("cpu").stateValue(StateValue.OK)
                .stateReason("testing").build());
        assertThat(describe("cpu").stateValue()).isEqualTo(StateValue.OK);
        clock.set(Instant.parse("2026-11-30T12:06:00Z"));
        put("CPU", Instant.parse("2026-11-30T12:05:00Z"), 7);
        evaluator.run();
        assertThat(describe("cpu").stateValue()).isEqualTo(StateValue.ALARM);
    }

    @Test
    void highResolutionAlarmEveryTenSeconds() {
        provider.putMetricAlarm(ctx(), alarm("fast", "Hot").period(10).evaluationPeriods(2).datapointsToAlarm(2)
                .alarmActions(List.of()).build());
        Instant base = Instant.parse("2026-11-30T12:00:30Z");
        for (int i = 0; i < 2; i++) {
            cw.putMetricData(ctx(), PutMetricDataRequest.builder().namespace(ns).metricData(MetricDatum.builder()
                    .metricName("Hot").timestamp(base.plusSeconds(10L * i)).value(9.0).storageResolution(1).build()).build());
        }
        clock.set(Instant.parse("2026-11-30T12:00:50Z"));
        evaluator.run();
        assertThat(describe("fast").stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(describe("fast").stateReason()).contains("[9.0 (30/11/26 12:00:40), 9.0 (30/11/26 12:00:30)]");
        clock.set(Instant.parse("2026-11-30T12:01:30Z"));  // the range (4 periods) has no datapoint left
        evaluator.run();
        assertThat(describe("fast").stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
    }

    @Test
    void validationErrors() {
        assertThatThrownBy(() -> provider.putMetricAlarm(ctx(), alarm("x", "M").period(45).build()))
                .hasMessageContaining("Period must be 10, 20, 30 or a multiple of 60");
        assertThatThrownBy(() -> provider.putMetricAlarm(ctx(), alarm("x", "M").datapointsToAlarm(6).build()))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("ValidationError");
                    assertThat(e.getMessage()).isEqualTo("DatapointsToAlarm must be less than or equal to EvaluationPeriods");
                });
        assertThatThrownBy(() -> provider.putMetricAlarm(ctx(), alarm("x", "M").evaluationPeriods(1441).datapointsToAlarm(1).build()))
                .hasMessageContaining("86400");
        provider.putMetricAlarm(ctx(), alarm("x", "M").period(3600).evaluationPeriods(168).datapointsToAlarm(1).build());
        assertThatThrownBy(() -> provider.putMetricAlarm(ctx(), alarm("x", "M").extendedStatistic("p99").build()))
                .hasMessageContaining("mutually exclusive");
        assertThatThrownBy(() -> provider.putMetricAlarm(ctx(), alarm("x", "M").treatMissingData("sometimes").build()))
                .hasMessageContaining("TreatMissingData");
        assertThatThrownBy(() -> provider.putMetricAlarm(ctx(), alarm("x", "M").evaluateLowSampleCountPercentile("ignore").build()))
                .hasMessageContaining("percentile");
        assertThatThrownBy(() -> provider.putMetricAlarm(ctx(), alarm("x", "M").alarmActions("arn:aws:automate:us-east-1:ec2:explode").build()))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("ValidationError"));
        assertThatThrownBy(() -> provider.putMetricAlarm(ctx(), alarm("x", "M").alarmActions("arn:aws:automate:eu-west-1:ec2:stop").build()))
                .hasMessageContaining("Invalid region");
        provider.putMetricAlarm(ctx(), alarm("y", "M").alarmActions(
                "arn:aws:autoscaling:us-east-1:" + account + ":scalingPolicy:12345678-1234-1234-1234-123456789012:autoScalingGroupName/web:policyName/up",
                "arn:aws:ssm:us-east-1:" + account + ":opsitem:2#CATEGORY=Availability",
                "arn:aws:ssm-incidents::" + account + ":responseplan/plan").build());
        assertThatThrownBy(() -> provider.putMetricAlarm(ctx(), alarm("x", "M").metrics(MetricDataQuery.builder().id("e1")
                .expression("1").build()).build())).isInstanceOfSatisfying(AwsException.class,
                e -> assertThat(e.code()).isEqualTo("InvalidParameterCombinationException"));
        assertThatThrownBy(() -> provider.putMetricAlarm(ctx(), PutMetricAlarmRequest.builder().alarmName("z")
                .evaluationPeriods(1).threshold(1.0).comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .metrics(MetricDataQuery.builder().id("m1").metricStat(MetricStat.builder().metric(Metric.builder()
                        .namespace(ns).metricName("M").build()).period(60).stat("Sum").build()).returnData(false).build()).build()))
                .hasMessage("Exactly one element of the metrics list should return data.");
        assertThatThrownBy(() -> provider.putMetricAlarm(ctx(), PutMetricAlarmRequest.builder().alarmName("z")
                .evaluationPeriods(1).threshold(1.0).comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .metrics(MetricDataQuery.builder().id("m1").metricStat(MetricStat.builder().metric(Metric.builder()
                        .namespace(ns).metricName("M").build()).period(60).stat("Sum").build()).returnData(false).build(),
                        MetricDataQuery.builder().id("e1").expression("m1 +* 2").build()).build()))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("ValidationError"));
        assertThat(provider.describeAlarms(ctx(), DescribeAlarmsRequest.builder().alarmNames("z").build()).metricAlarms()).isEmpty();
        assertThatThrownBy(() -> provider.putMetricAlarm(ctx(), alarm("x", "M")
                .comparisonOperator(ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD).build()))
                .hasMessageContaining("ThresholdMetricId");
    }

    @Test
    void describeFiltersPagesAndDeletes() {
        for (String n : List.of("a1", "a2", "b1")) provider.putMetricAlarm(ctx(), alarm(n, "M").build());
        provider.putCompositeAlarm(ctx(), PutCompositeAlarmRequest.builder().alarmName("c1")
                .alarmRule("ALARM(a1) OR ALARM(\"arn:aws:cloudwatch:us-east-1:" + account + ":alarm:b1\")").build());
        var page1 = provider.describeAlarms(ctx(), DescribeAlarmsRequest.builder().maxRecords(2).build());
        assertThat(page1.metricAlarms()).extracting(MetricAlarm::alarmName).containsExactly("a1", "a2");
        var page2 = provider.describeAlarms(ctx(), DescribeAlarmsRequest.builder().maxRecords(2).nextToken(page1.nextToken()).build());
        assertThat(page2.metricAlarms()).extracting(MetricAlarm::alarmName).containsExactly("b1");
        assertThat(page2.nextToken()).isNull();
        assertThat(provider.describeAlarms(ctx(), DescribeAlarmsRequest.builder().alarmNamePrefix("a").build())
                .metricAlarms()).hasSize(2);
        assertThat(provider.describeAlarms(ctx(), DescribeAlarmsRequest.builder().alarmTypes(AlarmType.COMPOSITE_ALARM).build())
                .compositeAlarms()).extracting(CompositeAlarm::alarmName).containsExactly("c1");
        assertThat(provider.describeAlarms(ctx(), DescribeAlarmsRequest.builder().childrenOfAlarmName("c1").build())
                .metricAlarms()).extracting(MetricAlarm::alarmName).containsExactly("a1", "b1");
        assertThat(provider.describeAlarms(ctx(), DescribeAlarmsRequest.builder().parentsOfAlarmName("b1").build())
                .compositeAlarms()).extracting(CompositeAlarm::alarmName).containsExactly("c1");
        assertThat(provider.describeAlarms(ctx(), DescribeAlarmsRequest.builder().actionPrefix("arn:aws:sns:").build())
                .metricAlarms()).hasSize(3);
        assertThat(provider.describeAlarms(ctx(), DescribeAlarmsRequest.builder().actionPrefix("arn:aws:automate:").build())
                .metricAlarms()).isEmpty();
        assertThat(provider.describeAlarms(ctx(), DescribeAlarmsRequest.builder().stateValue(StateValue.ALARM).build())
                .metricAlarms()).isEmpty();
        assertThat(provider.describeAlarmsForMetric(ctx(), DescribeAlarmsForMetricRequest.builder().namespace(ns)
                .metricName("M").build()).metricAlarms()).hasSize(3);
        assertThatThrownBy(() -> provider.putCompositeAlarm(ctx(), PutCompositeAlarmRequest.builder().alarmName("c2")
                .alarmRule("ALARM(nope) AND ALARM(a1)").build())).hasMessage(
                "Could not save the composite alarm as alarms [nope] in the alarm rule do not exist");
        // Without AlarmTypes (and without a name) only metric alarms' history is returned, as on AWS.
        assertThat(provider.describeAlarmHistory(ctx(), DescribeAlarmHistoryRequest.builder().build()).alarmHistoryItems())
                .extracting(x -> x.alarmName()).doesNotContain("c1").contains("a1", "a2", "b1");
        assertThat(provider.describeAlarmHistory(ctx(), DescribeAlarmHistoryRequest.builder()
                .alarmTypes(AlarmType.COMPOSITE_ALARM).build()).alarmHistoryItems())
                .extracting(x -> x.alarmName()).containsOnly("c1");
        assertThatThrownBy(() -> provider.setAlarmState(ctx(), SetAlarmStateRequest.builder().alarmName("a1")
                .stateValue(StateValue.ALARM).stateReason("x").stateReasonData("{not json").build()))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("InvalidFormatFault"));
        assertThatThrownBy(() -> provider.deleteAlarms(ctx(), DeleteAlarmsRequest.builder().alarmNames("a1", "zz").build()))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("ResourceNotFound"));
        assertThat(provider.describeAlarms(ctx(), DescribeAlarmsRequest.builder().alarmNames("a1").build()).metricAlarms()).hasSize(1);
        assertThat(provider.describeAlarmHistory(ctx(), DescribeAlarmHistoryRequest.builder().alarmName("a1").build())
                .alarmHistoryItems()).extracting(x -> x.historySummary()).containsExactly("Alarm \"a1\" created");
        clock.advance(Duration.ofSeconds(5));
        provider.deleteAlarms(ctx(), DeleteAlarmsRequest.builder().alarmNames("a1", "a2").build());
        assertThat(provider.describeAlarms(ctx(), DescribeAlarmsRequest.builder().build()).metricAlarms())
                .extracting(MetricAlarm::alarmName).containsExactly("b1");
        // The deletion is a ConfigurationUpdate with the deleted alarm, and the history outlives the alarm.
        var h = provider.describeAlarmHistory(ctx(), DescribeAlarmHistoryRequest.builder().alarmName("a1").build())
                .alarmHistoryItems();
        assertThat(h).extracting(x -> x.historyItemTypeAsString() + ": " + x.historySummary()).containsExactly(
                "ConfigurationUpdate: Alarm \"a1\" deleted", "ConfigurationUpdate: Alarm \"a1\" created");
        assertThat(h.get(0).timestamp()).isEqualTo(clock.instant());
        assertThat(h.get(0).alarmType()).isEqualTo(AlarmType.METRIC_ALARM);
        assertThat(h.get(0).historyData()).startsWith("{\"version\":\"1.0\",\"type\":\"Delete\",\"deletedAlarm\":{")
                .contains("\"alarmName\":\"a1\"", "\"alarmArn\":\"arn:aws:cloudwatch:us-east-1:" + account + ":alarm:a1\"",
                        "\"metricName\":\"M\"", "\"threshold\":1.0");
        provider.deleteAlarms(ctx(), DeleteAlarmsRequest.builder().alarmNames("c1").build());
        assertThat(provider.describeAlarmHistory(ctx(), DescribeAlarmHistoryRequest.builder().alarmName("c1").build())
                .alarmHistoryItems().get(0).historyData()).contains("\"type\":\"Delete\"", "\"alarmRule\":\"ALARM(a1) OR");
    }

    @Test
    void ec2ActionsOnlyOnAlarmsMonitoringAnInstance() {
        String stop = "arn:aws:automate:us-east-1:ec2:stop";
        String recover = "arn:aws:automate:us-east-1:ec2:recover";
        Dimension instance = Dimension.builder().name("InstanceId").value("i-0abc").build();
        Dimension asg = Dimension.builder().name("AutoScalingGroupName").value("web").build();
        String message = "Invalid use of EC2 action. An EC2 action can only be used if the alarm is monitoring an EC2 instance.";
        // Refused: no InstanceId dimension (in any action list), recover outside AWS/EC2 or on StatusCheckFailed_Instance.
        List<PutMetricAlarmRequest> refused = List.of(
                alarm("e", "M").alarmActions(stop).build(),
                alarm("e", "M").dimensions(asg).okActions(stop).build(),
                alarm("e", "M").alarmActions(List.of()).insufficientDataActions(stop).build(),
                alarm("e", "M").dimensions(instance).alarmActions(recover).build(),
                alarm("e", "StatusCheckFailed_Instance").namespace("AWS/EC2").dimensions(instance).alarmActions(recover).build(),
                math("e", List.of(instance), List.of(asg)).alarmActions(stop).build());
        for (PutMetricAlarmRequest r : refused) {
            assertThatThrownBy(() -> provider.putMetricAlarm(ctx(), r)).as(r.toString())
                    .isInstanceOfSatisfying(AwsException.class, e -> {
                        assertThat(e.code()).isEqualTo("ValidationError");
                        assertThat(e.getMessage()).isEqualTo(message);
                    });
        }
        assertThat(provider.describeAlarms(ctx(), DescribeAlarmsRequest.builder().alarmNames("e").build()).metricAlarms()).isEmpty();
        // Accepted: a custom metric with InstanceId (stop, terminate, reboot), AWS/EC2 per-instance (also recover), math.
        provider.putMetricAlarm(ctx(), alarm("custom", "M").dimensions(instance, asg).alarmActions(stop,
                "arn:aws:automate:us-east-1:ec2:terminate", "arn:aws:automate:us-east-1:ec2:reboot").build());
        provider.putMetricAlarm(ctx(), alarm("system", "StatusCheckFailed_System").namespace("AWS/EC2").dimensions(instance)
                .alarmActions(recover).build());
        provider.putMetricAlarm(ctx(), math("math", List.of(instance), List.of(instance)).alarmActions(stop).build());
        // The action acts on the math alarm's instance.
        set("math", "ALARM");
        var h = provider.describeAlarmHistory(ctx(), DescribeAlarmHistoryRequest.builder().alarmName("math")
                .historyItemType(HistoryItemType.ACTION).build()).alarmHistoryItems();
        assertThat(h).extracting(x -> x.historySummary()).containsExactly("Successfully executed action " + stop);
        assertThat(h.get(0).historyData()).contains("\"actionTarget\":\"i-0abc\"");
    }

    PutMetricAlarmRequest.Builder math(String name, List<Dimension> first, List<Dimension> second) {
        return PutMetricAlarmRequest.builder().alarmName(name).evaluationPeriods(1).threshold(1.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD).metrics(
                        MetricDataQuery.builder().id("a").returnData(false).metricStat(s -> s.period(60).stat("Sum")
                                .metric(m -> m.namespace(ns).metricName("A").dimensions(first))).build(),
                        MetricDataQuery.builder().id("b").returnData(false).metricStat(s -> s.period(60).stat("Sum")
                                .metric(m -> m.namespace(ns).metricName("B").dimensions(second))).build(),
                        MetricDataQuery.builder().id("e").expression("a + b").returnData(true).build());
    }

    @Test
    void historyRangeIsInclusiveAndPagesAreStableUnderInserts() {
        provider.putMetricAlarm(ctx(), alarm("h", "M").alarmActions(List.of()).build());
        Instant t0 = START.plusSeconds(100);
        // Ten items, two per second (equal timestamps are ordered by id).
        for (int i = 0; i < 10; i++) history("h", t0.plusSeconds(i / 2), "item " + i);
        // StartDate and EndDate are both inclusive.
        assertThat(summaries(range("h", t0.plusSeconds(1), t0.plusSeconds(1)).build()))
                .containsExactly("item 3", "item 2");
        assertThat(summaries(range("h", t0.plusSeconds(1), t0.plusSeconds(2)).scanBy(ScanBy.TIMESTAMP_ASCENDING).build()))
                .containsExactly("item 2", "item 3", "item 4", "item 5");
        assertThatThrownBy(() -> provider.describeAlarmHistory(ctx(), range("h", t0.plusSeconds(2), t0.plusSeconds(1)).build()))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("InvalidParameterValueException"));

        // Newest first, 3 a page, while new items arrive between the pages: the pages read the ten items exactly once.
        for (ScanBy scan : List.of(ScanBy.TIMESTAMP_DESCENDING, ScanBy.TIMESTAMP_ASCENDING)) {
            List<String> seen = new ArrayList<>();
            String token = null;
            int added = 0;
            do {
                var page = provider.describeAlarmHistory(ctx(), range("h", t0, t0.plusSeconds(4)).scanBy(scan)
                        .maxRecords(3).nextToken(token).build());
                seen.addAll(summaries(page.alarmHistoryItems()));
                token = page.nextToken();
                // Newer items, one of them at the newest timestamp in range (it sorts before the page position).
                history("h", t0.plusSeconds(4), "late " + scan + " " + added++);
                history("h", t0.plusSeconds(60), "later " + scan + " " + added++);
            } while (token != null);
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 10; i++) expected.add("item " + i);
            if (scan == ScanBy.TIMESTAMP_DESCENDING) {
                Collections.reverse(expected);
                assertThat(seen).containsExactlyElementsOf(expected);
            } else {
                // Oldest first, items added at the end of the range are read too, each once.
                assertThat(seen.subList(0, 10)).containsExactlyElementsOf(expected);
                assertThat(seen).doesNotHaveDuplicates();
            }
        }
        assertThatThrownBy(() -> provider.describeAlarmHistory(ctx(), DescribeAlarmHistoryRequest.builder()
                .nextToken("bm90IGEgdG9rZW4").build()))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("InvalidNextToken"));
    }

    void history(String alarm, Instant at, String summary) {
        alarms.addHistory(new AlarmHistoryItem(account, REGION, alarm, "MetricAlarm", at.toEpochMilli(), "StateUpdate",
                summary, "{}"));
    }

    DescribeAlarmHistoryRequest.Builder range(String alarm, Instant from, Instant to) {
        return DescribeAlarmHistoryRequest.builder().alarmName(alarm).historyItemType(HistoryItemType.STATE_UPDATE)
                .startDate(from).endDate(to);
    }

    List<String> summaries(DescribeAlarmHistoryRequest r) {
        return summaries(provider.describeAlarmHistory(ctx(), r).alarmHistoryItems());
    }

    static List<String> summaries(List<software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem> items) {
        return items.stream().map(x -> x.historySummary()).toList();
    }

    @Test
    void failingMetricQueryGoesToInsufficientDataWithAReason() {
        // The metric source fails for this alarm's namespace, as a query the store refuses would.
        String broken = ns;
        MetricSource failing = new MetricSource() {
            final AlarmMetricSource real = new AlarmMetricSource(metrics, clock);

            @Override
            public java.util.Map<String, java.util.SortedMap<Long, Double>> query(String accountId, String region,
                    List<MetricDataQuery> queries, Instant start, Instant end) {
                if (queries.stream().anyMatch(q -> q.metricStat() != null && broken.equals(q.metricStat().metric().namespace()))) {
                    throw AwsException.badRequest("ValidationError", "Error in expression 'v': boom");
                }
                return real.query(accountId, region, queries, start, end);
            }

            @Override
            public boolean isStatistic(String stat) {
                return real.isStatistic(stat);
            }
        };
        AlarmEvaluator evaluating = new AlarmEvaluator(alarms, failing, new AlarmTransitions(alarms, ic, clock), clock);
        provider.putMetricAlarm(ctx(), alarm("q", "M").evaluationPeriods(1).datapointsToAlarm(1).build());
        set("q", "ALARM");
        delivered.clear();
        events.clear();
        clock.set(Instant.parse("2026-11-30T12:01:05Z"));
        evaluating.run();
        MetricAlarm a = describe("q");
        assertThat(a.stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
        assertThat(a.stateReason()).isEqualTo("Unchecked: the alarm's metric query failed: Error in expression 'v': boom");
        assertThat(a.stateReasonData()).contains("\"queryDate\":\"2026-11-30T12:01:05.000+0000\"");
        assertThat(a.evaluationState()).isEqualTo(EvaluationState.EVALUATION_ERROR);
        assertThat(events).hasSize(1);
        var h = provider.describeAlarmHistory(ctx(), DescribeAlarmHistoryRequest.builder().alarmName("q")
                .historyItemType(HistoryItemType.STATE_UPDATE).build()).alarmHistoryItems();
        assertThat(h.get(0).historySummary()).isEqualTo("Alarm updated from ALARM to INSUFFICIENT_DATA");
        // Still failing at the next period: no new transition, nothing more sent.
        clock.set(Instant.parse("2026-11-30T12:02:05Z"));
        evaluating.run();
        assertThat(events).hasSize(1);
        assertThat(provider.describeAlarmHistory(ctx(), DescribeAlarmHistoryRequest.builder().alarmName("q")
                .historyItemType(HistoryItemType.STATE_UPDATE).build()).alarmHistoryItems()).hasSize(2);
        // A fresh alarm already in INSUFFICIENT_DATA gets the reason without a transition.
        provider.putMetricAlarm(ctx(), alarm("fresh", "Other").evaluationPeriods(1).datapointsToAlarm(1).build());
        clock.set(Instant.parse("2026-11-30T12:03:05Z"));
        evaluating.run();
        assertThat(describe("fresh").stateReason()).startsWith("Unchecked: the alarm's metric query failed");
        assertThat(describe("fresh").evaluationState()).isEqualTo(EvaluationState.EVALUATION_ERROR);
        assertThat(provider.describeAlarmHistory(ctx(), DescribeAlarmHistoryRequest.builder().alarmName("fresh")
                .historyItemType(HistoryItemType.STATE_UPDATE).build()).alarmHistoryItems()).isEmpty();
        // The query works again: the alarm is evaluated as usual.
        put("M", Instant.parse("2026-11-30T12:03:00Z"), 5);
        clock.set(Instant.parse("2026-11-30T12:04:05Z"));
        evaluator.run();
        assertThat(describe("q").stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(describe("q").evaluationState()).isNull();
        // Recovered without a state change (no data, still INSUFFICIENT_DATA): the flag and the error's reason go.
        assertThat(describe("fresh").stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
        assertThat(describe("fresh").evaluationState()).isNull();
        assertThat(describe("fresh").stateReason()).doesNotContain("query failed");
    }

    @Test
    void compositeFollowsChildrenAndSuppressor() {
        // Without data, "ignore" keeps the states SetAlarmState gives the children while the evaluator runs.
        provider.putMetricAlarm(ctx(), alarm("child", "M").alarmActions(List.of()).treatMissingData("ignore").build());
        provider.putMetricAlarm(ctx(), alarm("maintenance", "N").alarmActions(List.of()).treatMissingData("ignore").build());
        String topic = "arn:aws:sns:us-east-1:" + account + ":composite";
        provider.putCompositeAlarm(ctx(), PutCompositeAlarmRequest.builder().alarmName("parent").alarmRule("ALARM(child)")
                .alarmActions(topic).actionsSuppressor("maintenance").actionsSuppressorWaitPeriod(60)
                .actionsSuppressorExtensionPeriod(120).build());
        CompositeAlarm parent = composite("parent");
        assertThat(parent.stateValue()).isEqualTo(StateValue.OK);
        set("child", "ALARM");
        parent = composite("parent");
        assertThat(parent.stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(parent.stateReason()).startsWith("arn:aws:cloudwatch:us-east-1:" + account + ":alarm:child transitioned to ALARM at ");
        assertThat(parent.actionsSuppressedByAsString()).isEqualTo("WaitPeriod");
        assertThat(delivered).isEmpty();
        // The suppressor goes into ALARM within the wait period: actions stay suppressed.
        set("maintenance", "ALARM");
        assertThat(composite("parent").actionsSuppressedByAsString()).isEqualTo("Alarm");
        clock.advance(Duration.ofSeconds(61));
        evaluator.run();
        assertThat(delivered).isEmpty();
        // The suppressor leaves ALARM: the extension period runs, then the actions.
        set("maintenance", "OK");
        assertThat(composite("parent").actionsSuppressedByAsString()).isEqualTo("ExtensionPeriod");
        clock.advance(Duration.ofSeconds(60));
        evaluator.run();
        assertThat(delivered).isEmpty();
        clock.advance(Duration.ofSeconds(61));
        evaluator.run();
        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0)[3]).contains("\"AlarmRule\":\"ALARM(child)\"", "\"TriggeringChildren\":[{\"Arn\":");
        assertThat(composite("parent").actionsSuppressedBy()).isNull();
        set("child", "OK");
        assertThat(composite("parent").stateValue()).isEqualTo(StateValue.OK);
    }

    void set(String name, String state) {
        provider.setAlarmState(ctx(), SetAlarmStateRequest.builder().alarmName(name).stateValue(state)
                .stateReason("test").build());
    }

    CompositeAlarm composite(String name) {
        return provider.describeAlarms(ctx(), DescribeAlarmsRequest.builder().alarmNames(name)
                .alarmTypes(AlarmType.COMPOSITE_ALARM).build()).compositeAlarms().get(0);
    }

    @Test
    void tagsAndActionsEnabled() {
        provider.putMetricAlarm(ctx(), alarm("t", "M").tags(Tag.builder().key("team").value("core").build()).build());
        String arn = "arn:aws:cloudwatch:us-east-1:" + account + ":alarm:t";
        assertThat(cw.listTagsForResource(ctx(), ListTagsForResourceRequest.builder().resourceARN(arn).build()).tags())
                .containsExactly(Tag.builder().key("team").value("core").build());
        cw.tagResource(ctx(), TagResourceRequest.builder().resourceARN(arn).tags(Tag.builder().key("env").value("dev").build()).build());
        cw.untagResource(ctx(), UntagResourceRequest.builder().resourceARN(arn).tagKeys("team").build());
        assertThat(cw.listTagsForResource(ctx(), ListTagsForResourceRequest.builder().resourceARN(arn).build()).tags())
                .extracting(Tag::key).containsExactly("env");
        provider.disableAlarmActions(ctx(), DisableAlarmActionsRequest.builder().alarmNames("t", "nope").build());
        assertThat(describe("t").actionsEnabled()).isFalse();
        set("t", "ALARM");
        assertThat(delivered).isEmpty();
        provider.enableAlarmActions(ctx(), EnableAlarmActionsRequest.builder().alarmNames("t").build());
        set("t", "OK");
        set("t", "ALARM");
        assertThat(delivered).hasSize(1);
    }

    @Test
    void anomalyDetectors() {
        var put = PutAnomalyDetectorRequest.builder().singleMetricAnomalyDetector(SingleMetricAnomalyDetector.builder()
                .namespace(ns).metricName("Latency").stat("Average").build()).build();
        provider.putAnomalyDetector(ctx(), put);
        provider.putAnomalyDetector(ctx(), put);
        var list = provider.describeAnomalyDetectors(ctx(), DescribeAnomalyDetectorsRequest.builder().build()).anomalyDetectors();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).stateValueAsString()).isEqualTo("PENDING_TRAINING");
        provider.deleteAnomalyDetector(ctx(), DeleteAnomalyDetectorRequest.builder().singleMetricAnomalyDetector(
                put.singleMetricAnomalyDetector()).build());
        assertThatThrownBy(() -> provider.deleteAnomalyDetector(ctx(), DeleteAnomalyDetectorRequest.builder()
                .singleMetricAnomalyDetector(put.singleMetricAnomalyDetector()).build()))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("ResourceNotFoundException"));
    }
}
