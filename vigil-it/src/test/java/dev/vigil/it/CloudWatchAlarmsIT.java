package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.MutableClock;
import dev.vigil.testkit.VigilTestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Tag;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Alarms through the SDK (rpcv2Cbor) against a server on a {@link MutableClock}. The clock starts at the real time
 * and moves forward a minute at a time (SigV4 refuses requests more than 15 minutes off the server's clock, and the
 * SDK signs with the real time). Data is put in the minutes before the alarm's next period boundary; moving the
 * clock over the boundary makes the evaluator job (polled every second) evaluate it, so tests wait for the job,
 * not for time to pass.
 */
class CloudWatchAlarmsIT {
    static MutableClock clock;
    static VigilTestServer vigil;
    static CloudWatchClient cw;
    static SnsClient sns;
    static SqsClient sqs;
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ACCOUNT = "000000000000";
    String ns;
    /** The boundary the next evaluation happens at, once {@link #evaluate()} moves the clock there. */
    Instant boundary;

    @BeforeAll
    static void start() {
        clock = new MutableClock(Instant.now());
        vigil = VigilTestServer.start(c -> c, clock);
        cw = vigil.client(CloudWatchClient.builder());
        sns = vigil.client(SnsClient.builder());
        sqs = vigil.client(SqsClient.builder());
    }

    @AfterAll
    static void stop() {
        cw.close();
        sns.close();
        sqs.close();
        vigil.close();
    }

    @BeforeEach
    void namespace() {
        ns = "IT/" + UUID.randomUUID();
        long now = clock.millis();
        boundary = Instant.ofEpochMilli(Math.floorDiv(now, 60_000L) * 60_000L + 60_000L);
    }

    /** The start of the period {@code k} periods before the evaluated one (k = 1: the latest complete period). */
    Instant minute(int k) {
        return boundary.minusSeconds(60L * k);
    }

    void put(String metric, Instant at, double value, Dimension... dims) {
        cw.putMetricData(r -> r.namespace(ns).metricData(MetricDatum.builder().metricName(metric).timestamp(at)
                .value(value).dimensions(dims).build()));
    }

    PutMetricAlarmRequest.Builder alarm(String name, String metric) {
        return PutMetricAlarmRequest.builder().alarmName(name).namespace(ns).metricName(metric).statistic("Average")
                .period(60).evaluationPeriods(1).threshold(1.0).comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD);
    }

    void evaluate() {
        clock.set(boundary.plusSeconds(1));
    }

    MetricAlarm metricAlarm(String name) {
        return cw.describeAlarms(r -> r.alarmNames(name)).metricAlarms().get(0);
    }

    CompositeAlarm composite(String name) {
        return cw.describeAlarms(r -> r.alarmNames(name).alarmTypes(AlarmType.COMPOSITE_ALARM)).compositeAlarms().get(0);
    }

    /** Waits (up to 15 s of real time) for the evaluator job to bring {@code value} to {@code expected}. */
    static <T> T await(Supplier<T> value, T expected) {
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        T last = value.get();
        while (!expected.equals(last) && System.nanoTime() < until) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = value.get();
        }
        assertThat(last).isEqualTo(expected);
        return last;
    }

    List<AlarmHistoryItem> history(String name) {
        return cw.describeAlarmHistory(r -> r.alarmName(name).scanBy(ScanBy.TIMESTAMP_ASCENDING)).alarmHistoryItems();
    }

    @Test
    void threeOfFiveBreachingGoesToAlarmAndRunsActions() throws Exception {
        // The alarm's topic, with a queue subscribed to it (the queue policy lets the topic send).
        String topic = sns.createTopic(r -> r.name("alarms-" + UUID.randomUUID())).topicArn();
        SnsIT.Q inbox = SnsIT.queue(sqs, "alarm-inbox-" + UUID.randomUUID());
        SnsIT.allow(sqs, inbox, topic);
        sns.subscribe(r -> r.topicArn(topic).protocol("sqs").endpoint(inbox.arn()));
        Dimension instance = Dimension.builder().name("InstanceId").value("i-0123456789abcdef0").build();
        cw.putMetricAlarm(alarm("cpu-high", "CPUUtilization").dimensions(instance).evaluationPeriods(5)
                .datapointsToAlarm(3).threshold(80.0).alarmActions(topic, "arn:aws:automate:us-east-1:ec2:reboot")
                .tags(Tag.builder().key("team").value("ops").build()).build());
        assertThat(metricAlarm("cpu-high").stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
        double[] values = {90, 10, 95, 20, 85};
        for (int i = 0; i < values.length; i++) put("CPUUtilization", minute(5 - i), values[i], instance);
        evaluate();
        await(() -> metricAlarm("cpu-high").stateValue(), StateValue.ALARM);
        MetricAlarm a = metricAlarm("cpu-high");
        assertThat(a.stateReason()).startsWith("Threshold Crossed: 3 out of the last 5 datapoints [85.0 (")
                .endsWith("were greater than the threshold (80.0) (minimum 3 datapoints for INSUFFICIENT_DATA -> ALARM"
                        + " transition).");
        assertThat(a.stateReasonData()).contains("\"recentDatapoints\":[90.0,10.0,95.0,20.0,85.0]", "\"threshold\":80.0");
        List<AlarmHistoryItem> h = await(() -> history("cpu-high").size(), 4) > 0 ? history("cpu-high") : List.of();
        assertThat(h).extracting(AlarmHistoryItem::historyItemType).containsExactly(HistoryItemType.CONFIGURATION_UPDATE,
                HistoryItemType.STATE_UPDATE, HistoryItemType.ACTION, HistoryItemType.ACTION);
        assertThat(h.get(1).historySummary()).isEqualTo("Alarm updated from INSUFFICIENT_DATA to ALARM");
        assertThat(h.get(2).historySummary()).isEqualTo("Successfully executed action " + topic);
        assertThat(h.get(3).historySummary()).isEqualTo("Successfully executed action arn:aws:automate:us-east-1:ec2:reboot");
        assertThat(h.get(3).historyData()).contains("\"actionTarget\":\"i-0123456789abcdef0\"");
        assertThat(cw.listTagsForResource(r -> r.resourceARN(a.alarmArn())).tags())
                .containsExactly(Tag.builder().key("team").value("ops").build());
        assertThat(cw.describeAlarmHistory(r -> r.alarmName("cpu-high").historyItemType(HistoryItemType.STATE_UPDATE))
                .alarmHistoryItems()).hasSize(1);

        // The queue got SNS's envelope around AWS's alarm notification.
        List<Message> got = sqs.receiveMessage(r -> r.queueUrl(inbox.url()).waitTimeSeconds(5)).messages();
        assertThat(got).hasSize(1);
        JsonNode envelope = JSON.readTree(got.get(0).body());
        assertThat(envelope.get("Type").asText()).isEqualTo("Notification");
        assertThat(envelope.get("TopicArn").asText()).isEqualTo(topic);
        assertThat(envelope.get("Subject").asText()).isEqualTo("ALARM: \"cpu-high\" in US East (N. Virginia)");
        JsonNode n = JSON.readTree(envelope.get("Message").asText());
        assertThat(n.fieldNames()).toIterable().containsExactly("AlarmName", "AlarmDescription", "AWSAccountId",
                "AlarmConfigurationUpdatedTimestamp", "NewStateValue", "NewStateReason", "StateChangeTime", "Region",
                "AlarmArn", "OldStateValue", "OKActions", "AlarmActions", "InsufficientDataActions", "Trigger");
        assertThat(n.get("AlarmName").asText()).isEqualTo("cpu-high");
        assertThat(n.get("AlarmDescription").isNull()).isTrue();
        assertThat(n.get("AWSAccountId").asText()).isEqualTo(ACCOUNT);
        assertThat(n.get("NewStateValue").asText()).isEqualTo("ALARM");
        assertThat(n.get("OldStateValue").asText()).isEqualTo("INSUFFICIENT_DATA");
        assertThat(n.get("NewStateReason").asText()).isEqualTo(a.stateReason());
        assertThat(n.get("Region").asText()).isEqualTo("US East (N. Virginia)");
        assertThat(n.get("AlarmArn").asText()).isEqualTo(a.alarmArn());
        assertThat(n.get("StateChangeTime").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\+0000");
        JsonNode trigger = n.get("Trigger");
        assertThat(trigger.get("MetricName").asText()).isEqualTo("CPUUtilization");
        assertThat(trigger.get("Namespace").asText()).isEqualTo(ns);
        assertThat(trigger.get("StatisticType").asText()).isEqualTo("Statistic");
        assertThat(trigger.get("Statistic").asText()).isEqualTo("AVERAGE");
        assertThat(trigger.get("Dimensions").get(0).get("name").asText()).isEqualTo("InstanceId");
        assertThat(trigger.get("Period").asInt()).isEqualTo(60);
        assertThat(trigger.get("EvaluationPeriods").asInt()).isEqualTo(5);
        assertThat(trigger.get("DatapointsToAlarm").asInt()).isEqualTo(3);
        assertThat(trigger.get("Threshold").asDouble()).isEqualTo(80.0);
        assertThat(trigger.get("TreatMissingData").asText()).isEqualTo("- TreatMissingData:                    missing");
    }

    @Test
    void eachTreatMissingDataMode() {
        // One breaching datapoint in the middle of the range, nothing after: AWS's "- - X - -" row.
        for (String mode : List.of("missing", "ignore", "breaching", "notBreaching")) {
            cw.putMetricAlarm(alarm("gap-" + mode, "Sparse").evaluationPeriods(3).datapointsToAlarm(3)
                    .treatMissingData(mode).build());
        }
        cw.setAlarmState(r -> r.alarmName("gap-ignore").stateValue(StateValue.OK).stateReason("known good"));
        put("Sparse", minute(3), 5);
        evaluate();
        await(() -> metricAlarm("gap-missing").stateValue(), StateValue.ALARM);
        await(() -> metricAlarm("gap-breaching").stateValue(), StateValue.ALARM);
        await(() -> metricAlarm("gap-notBreaching").stateValue(), StateValue.OK);
        assertThat(metricAlarm("gap-breaching").stateReason()).endsWith("2 missing datapoints were treated as [Breaching].");
        // ignore keeps the state it had.
        assertThat(metricAlarm("gap-ignore").stateValue()).isEqualTo(StateValue.OK);
        assertThat(metricAlarm("gap-ignore").stateReason()).isEqualTo("known good");
    }

    @Test
    void metricMathAlarm() {
        cw.putMetricAlarm(r -> r.alarmName("error-rate").evaluationPeriods(2).datapointsToAlarm(2).threshold(10.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD).metrics(
                        MetricDataQuery.builder().id("errors").returnData(false).metricStat(s -> s.period(60).stat("Sum")
                                .metric(m -> m.namespace(ns).metricName("Errors"))).build(),
                        MetricDataQuery.builder().id("requests").returnData(false).metricStat(s -> s.period(60).stat("Sum")
                                .metric(m -> m.namespace(ns).metricName("Requests"))).build(),
                        MetricDataQuery.builder().id("rate").expression("100 * errors / requests").label("Error rate")
                                .returnData(true).build()));
        for (int k = 1; k <= 2; k++) {
            put("Errors", minute(k), 3);
            put("Requests", minute(k), 20);
        }
        evaluate();
        await(() -> metricAlarm("error-rate").stateValue(), StateValue.ALARM);
        assertThat(metricAlarm("error-rate").stateReasonData()).contains("\"recentDatapoints\":[15.0,15.0]")
                .doesNotContain("\"statistic\"");
        assertThat(metricAlarm("error-rate").metrics()).hasSize(3);
    }

    @Test
    void anomalyBandAlarm() {
        // A steady history (10 ± 1) trains the band; then a spike.
        for (int k = 60; k >= 10; k--) put("Latency", minute(k), k % 2 == 0 ? 9 : 11);
        cw.putMetricAlarm(r -> r.alarmName("latency-anomaly").evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.LESS_THAN_LOWER_OR_GREATER_THAN_UPPER_THRESHOLD)
                .thresholdMetricId("band").metrics(
                        MetricDataQuery.builder().id("m1").returnData(true).metricStat(s -> s.period(60).stat("Average")
                                .metric(m -> m.namespace(ns).metricName("Latency"))).build(),
                        MetricDataQuery.builder().id("band").expression("ANOMALY_DETECTION_BAND(m1, 2)").build()));
        assertThat(cw.describeAnomalyDetectors(r -> r.namespace(ns)).anomalyDetectors()).hasSize(1);
        put("Latency", minute(1), 50);
        evaluate();
        await(() -> metricAlarm("latency-anomaly").stateValue(), StateValue.ALARM);
        // History 9, 11, 9, ... (26 nines, 25 elevens): mean 9.98, standard deviation 1.0, band mean ± 2 sd.
        assertThat(metricAlarm("latency-anomaly").stateReason()).startsWith("Thresholds Crossed: 1 datapoint [50.0 (")
                .containsPattern("was greater than the upper thresholds \\[11\\.98\\d*\\] or less than the lower"
                        + " thresholds \\[7\\.98\\d*\\]");
    }

    @Test
    void compositeFollowsChildrenAndSuppressor() {
        for (String child : List.of("db-errors", "api-errors", "maintenance-window")) {
            cw.putMetricAlarm(alarm(child, "Unused").treatMissingData("ignore").build());
        }
        String topic = sns.createTopic(r -> r.name("pager")).topicArn();
        cw.putCompositeAlarm(r -> r.alarmName("service-down").alarmRule("ALARM(\"db-errors\") AND ALARM(api-errors)")
                .alarmActions(topic).actionsSuppressor("maintenance-window").actionsSuppressorWaitPeriod(0)
                .actionsSuppressorExtensionPeriod(0));
        assertThat(composite("service-down").stateValue()).isEqualTo(StateValue.OK);
        assertThat(cw.describeAlarms(r -> r.childrenOfAlarmName("service-down")).metricAlarms())
                .extracting(MetricAlarm::alarmName).containsExactly("api-errors", "db-errors");
        assertThat(cw.describeAlarms(r -> r.parentsOfAlarmName("db-errors")).compositeAlarms())
                .extracting(CompositeAlarm::alarmName).containsExactly("service-down");

        cw.setAlarmState(r -> r.alarmName("maintenance-window").stateValue(StateValue.ALARM).stateReason("deploying"));
        cw.setAlarmState(r -> r.alarmName("db-errors").stateValue(StateValue.ALARM).stateReason("test"));
        assertThat(composite("service-down").stateValue()).isEqualTo(StateValue.OK);
        cw.setAlarmState(r -> r.alarmName("api-errors").stateValue(StateValue.ALARM).stateReason("test"));
        CompositeAlarm down = composite("service-down");
        assertThat(down.stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(down.stateReason()).startsWith("arn:aws:cloudwatch:us-east-1:" + ACCOUNT + ":alarm:api-errors"
                + " transitioned to ALARM at ");
        assertThat(down.actionsSuppressedByAsString()).isEqualTo("Alarm");
        assertThat(history("service-down")).extracting(AlarmHistoryItem::historyItemType)
                .doesNotContain(HistoryItemType.ACTION);

        cw.setAlarmState(r -> r.alarmName("db-errors").stateValue(StateValue.OK).stateReason("recovered"));
        assertThat(composite("service-down").stateValue()).isEqualTo(StateValue.OK);
        cw.setAlarmState(r -> r.alarmName("maintenance-window").stateValue(StateValue.OK).stateReason("done"));
        cw.setAlarmState(r -> r.alarmName("db-errors").stateValue(StateValue.ALARM).stateReason("again"));
        assertThat(composite("service-down").stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(composite("service-down").actionsSuppressedBy()).isNull();
        List<AlarmHistoryItem> h = history("service-down");
        assertThat(h).extracting(x -> x.historyItemTypeAsString() + " " + x.historySummary().replaceAll("\\..*", ""))
                .containsExactly("ConfigurationUpdate Alarm \"service-down\" created",
                        "StateUpdate Alarm updated from INSUFFICIENT_DATA to OK",
                        "StateUpdate Alarm updated from OK to ALARM",
                        "StateUpdate Alarm updated from ALARM to OK",
                        "StateUpdate Alarm updated from OK to ALARM",
                        "Action Successfully executed action " + topic);
    }

    @Test
    void errorsForWrongCombinations() {
        assertThatThrownBy(() -> cw.putMetricAlarm(alarm("bad", "M").period(45).build()))
                .isInstanceOfSatisfying(CloudWatchException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
                });
        assertThatThrownBy(() -> cw.putMetricAlarm(alarm("bad", "M").evaluationPeriods(2).datapointsToAlarm(3).build()))
                .isInstanceOfSatisfying(CloudWatchException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
        assertThatThrownBy(() -> cw.putMetricAlarm(alarm("bad", "M").statistic((String) null).build()))
                .isInstanceOfSatisfying(CloudWatchException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterCombination"));
        assertThatThrownBy(() -> cw.putMetricAlarm(alarm("bad", "M").alarmActions("arn:aws:sns:us-east-1:nope").build()))
                .isInstanceOfSatisfying(CloudWatchException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
        assertThatThrownBy(() -> cw.putCompositeAlarm(r -> r.alarmName("bad-composite").alarmRule("ALARM(a) AND")))
                .isInstanceOfSatisfying(CloudWatchException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue"));
        assertThatThrownBy(() -> cw.setAlarmState(r -> r.alarmName("no-such-alarm").stateValue(StateValue.OK)
                .stateReason("x"))).isInstanceOfSatisfying(CloudWatchException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound");
                });
        assertThat(cw.describeAlarms(r -> r.alarmNames("bad")).metricAlarms()).isEmpty();
    }
}
