package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testkit.VigilTestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * EventBridge into real SQS queues: a rule's input-transformed event arrives in a queue whose policy lets
 * events.amazonaws.com send for that rule; a CloudWatch alarm's state change reaches a queue through a rule on the
 * default bus; a queue without such a policy refuses, and the event lands in the target's dead-letter queue with
 * AWS's DLQ attributes.
 */
class EventBridgeSqsIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static VigilTestServer vigil;
    static EventBridgeClient events;
    static SqsClient sqs;

    @BeforeAll
    static void start() {
        vigil = VigilTestServer.start();
        events = vigil.client(EventBridgeClient.builder());
        sqs = vigil.client(SqsClient.builder());
    }

    @AfterAll
    static void stop() {
        if (sqs != null) sqs.close();
        if (events != null) events.close();
        if (vigil != null) vigil.close();
    }

    /** A queue that lets EventBridge send for the given rules (AWS's documented target policy). */
    static String[] queue(String name, String... ruleArns) {
        String url = sqs.createQueue(r -> r.queueName(name)).queueUrl();
        String arn = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        if (ruleArns.length > 0) {
            String sources = String.join("\", \"", ruleArns);
            String policy = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
                    + " \"Principal\": {\"Service\": \"events.amazonaws.com\"}, \"Action\": \"sqs:SendMessage\","
                    + " \"Resource\": \"" + arn + "\", \"Condition\": {\"ArnEquals\": {\"aws:SourceArn\": [\"" + sources + "\"]}}}]}";
            sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(Map.of(QueueAttributeName.POLICY, policy)));
        }
        return new String[] {url, arn};
    }

    static List<Message> receive(String url) {
        return receive(url, 10);
    }

    static List<Message> receive(String url, int waitSeconds) {
        return sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(waitSeconds).maxNumberOfMessages(10)
                .messageAttributeNames("All")).messages();
    }

    @Test
    void ruleToSqsWithAnInputTransformer() throws Exception {
        String ruleArn = "arn:aws:events:us-east-1:000000000000:rule/orders-to-sqs";
        String[] q = queue("eb-orders", ruleArn);
        events.putRule(r -> r.name("orders-to-sqs").eventPattern("{\"source\": [\"shop\"], \"detail-type\": [\"Order Placed\"]}"));
        events.putTargets(r -> r.rule("orders-to-sqs").targets(t -> t.id("q").arn(q[1]).inputTransformer(x -> x
                .inputPathsMap(Map.of("id", "$.detail.id", "total", "$.detail.total"))
                .inputTemplate("{\"order\": <id>, \"total\": <total>, \"text\": \"order <id> placed\"}"))));
        events.putEvents(r -> r.entries(e -> e.source("shop").detailType("Order Placed")
                .detail("{\"id\": \"o-42\", \"total\": 99.5}")));
        List<Message> got = receive(q[0]);
        assertThat(got).hasSize(1);
        JsonNode body = JSON.readTree(got.get(0).body());
        assertThat(body.get("order").asText()).isEqualTo("o-42");
        assertThat(body.get("total").asDouble()).isEqualTo(99.5);
        assertThat(body.get("text").asText()).isEqualTo("order o-42 placed");
    }

    @Test
    void aWriteCallReachesAQueueAsAnApiCallViaCloudTrailEvent() throws Exception {
        String ruleArn = "arn:aws:events:us-east-1:000000000000:rule/iam-writes";
        String[] q = queue("eb-iam-writes", ruleArn);
        events.putRule(r -> r.name("iam-writes").eventPattern("{\"source\": [\"aws.iam\"],"
                + " \"detail-type\": [\"AWS API Call via CloudTrail\"], \"detail\": {\"eventName\": [\"CreateUser\"]}}"));
        events.putTargets(r -> r.rule("iam-writes").targets(t -> t.id("q").arn(q[1])));
        try (software.amazon.awssdk.services.iam.IamClient iam = vigil.client(
                software.amazon.awssdk.services.iam.IamClient.builder())) {
            iam.listUsers();                                            // read-only: not sent
            iam.createUser(r -> r.userName("eb-audited"));
        }
        List<Message> got = receive(q[0]);
        assertThat(got).hasSize(1);
        JsonNode event = JSON.readTree(got.get(0).body());
        assertThat(event.get("source").asText()).isEqualTo("aws.iam");
        assertThat(event.get("detail-type").asText()).isEqualTo("AWS API Call via CloudTrail");
        assertThat(event.get("account").asText()).isEqualTo("000000000000");
        JsonNode detail = event.get("detail");
        assertThat(detail.get("eventSource").asText()).isEqualTo("iam.amazonaws.com");
        assertThat(detail.get("eventName").asText()).isEqualTo("CreateUser");
        assertThat(detail.get("requestParameters").get("userName").asText()).isEqualTo("eb-audited");
        assertThat(detail.get("userIdentity").get("type").asText()).isEqualTo("Root");
        assertThat(receive(q[0], 1)).isEmpty();
    }

    @Test
    void anAlarmStateChangeReachesAQueueThroughARule() throws Exception {
        String ruleArn = "arn:aws:events:us-east-1:000000000000:rule/alarms-to-sqs";
        String[] q = queue("eb-alarms", ruleArn);
        events.putRule(r -> r.name("alarms-to-sqs").eventPattern("{\"source\": [\"aws.cloudwatch\"],"
                + " \"detail-type\": [\"CloudWatch Alarm State Change\"], \"detail\": {\"state\": {\"value\": [\"ALARM\"]}}}"));
        events.putTargets(r -> r.rule("alarms-to-sqs").targets(t -> t.id("q").arn(q[1])));
        try (CloudWatchClient cw = vigil.client(CloudWatchClient.builder())) {
            cw.putMetricAlarm(r -> r.alarmName("eb-latency").namespace("App").metricName("Latency")
                    .statistic(Statistic.AVERAGE).period(60).evaluationPeriods(1).threshold(100.0)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));
            cw.setAlarmState(r -> r.alarmName("eb-latency").stateValue(StateValue.ALARM).stateReason("testing"));
        }
        List<Message> got = receive(q[0]);
        assertThat(got).hasSize(1);
        JsonNode event = JSON.readTree(got.get(0).body());
        assertThat(event.get("source").asText()).isEqualTo("aws.cloudwatch");
        assertThat(event.get("detail-type").asText()).isEqualTo("CloudWatch Alarm State Change");
        assertThat(event.get("resources").get(0).asText()).isEqualTo("arn:aws:cloudwatch:us-east-1:000000000000:alarm:eb-latency");
        assertThat(event.get("detail").get("state").get("value").asText()).isEqualTo("ALARM");
    }

    @Test
    void aRefusedDeliveryLandsInTheDeadLetterQueue() throws Exception {
        String ruleArn = "arn:aws:events:us-east-1:000000000000:rule/refused";
        String[] closed = queue("eb-closed");              // no policy: EventBridge may not send
        String[] dlq = queue("eb-dlq", ruleArn);
        events.putRule(r -> r.name("refused").eventPattern("{\"source\": [\"audit\"]}"));
        events.putTargets(r -> r.rule("refused").targets(t -> t.id("closed").arn(closed[1])
                .retryPolicy(p -> p.maximumRetryAttempts(0).maximumEventAgeInSeconds(60))
                .deadLetterConfig(d -> d.arn(dlq[1]))));
        String id = events.putEvents(r -> r.entries(e -> e.source("audit").detailType("Check").detail("{\"x\": 1}")))
                .entries().get(0).eventId();
        List<Message> dead = receive(dlq[0]);
        assertThat(dead).hasSize(1);
        assertThat(JSON.readTree(dead.get(0).body()).get("id").asText()).isEqualTo(id);
        var attrs = dead.get(0).messageAttributes();
        assertThat(attrs.get("RULE_ARN").stringValue()).isEqualTo(ruleArn);
        assertThat(attrs.get("TARGET_ARN").stringValue()).isEqualTo(closed[1]);
        assertThat(attrs.get("ERROR_CODE").stringValue()).contains("AccessDenied");
        assertThat(attrs.get("EXHAUSTED_RETRY_CONDITION").stringValue()).isEqualTo("MaximumRetryAttemptsExceeded");
        assertThat(receive(closed[0], 0)).isEmpty();
    }
}
