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
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * CloudWatch Logs log groups as rule targets: with a resource policy letting events.amazonaws.com create streams and
 * put events, each matched event is written into the group (stream named after the event id) and FilterLogEvents
 * finds it; an input transformer's {"timestamp", "message"} output sets the log event; a group without such a policy
 * refuses, and the event lands in the target's dead-letter queue.
 */
class EventBridgeLogsIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static VigilTestServer vigil;
    static EventBridgeClient events;
    static CloudWatchLogsClient logs;
    static SqsClient sqs;

    @BeforeAll
    static void start() {
        vigil = VigilTestServer.start();
        events = vigil.client(EventBridgeClient.builder());
        logs = vigil.client(CloudWatchLogsClient.builder());
        sqs = vigil.client(SqsClient.builder());
    }

    @AfterAll
    static void stop() {
        if (sqs != null) sqs.close();
        if (logs != null) logs.close();
        if (events != null) events.close();
        if (vigil != null) vigil.close();
    }

    static String group(String name, boolean allowEvents) {
        logs.createLogGroup(r -> r.logGroupName(name));
        String arn = "arn:aws:logs:us-east-1:000000000000:log-group:" + name;
        if (allowEvents) {
            String policy = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
                    + " \"Principal\": {\"Service\": [\"events.amazonaws.com\", \"delivery.logs.amazonaws.com\"]},"
                    + " \"Action\": [\"logs:CreateLogStream\", \"logs:PutLogEvents\"], \"Resource\": \"" + arn + ":*\"}]}";
            logs.putResourcePolicy(r -> r.policyName("events-" + name.replace('/', '-')).resourceArn(arn)
                    .policyDocument(policy));
        }
        return arn;
    }

    static List<FilteredLogEvent> await(String group) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            List<FilteredLogEvent> got = logs.filterLogEvents(r -> r.logGroupName(group)).events();
            if (!got.isEmpty()) return got;
            Thread.sleep(50);
        }
        return List.of();
    }

    @Test
    void aMatchedEventIsWrittenIntoTheLogGroup() throws Exception {
        String arn = group("/aws/events/orders", true);
        events.putRule(r -> r.name("orders-to-logs").eventPattern("{\"source\": [\"shop.logs\"]}"));
        events.putTargets(r -> r.rule("orders-to-logs").targets(t -> t.id("logs").arn(arn)));
        String id = events.putEvents(r -> r.entries(e -> e.source("shop.logs").detailType("Order Placed")
                .detail("{\"id\": \"o-7\"}"))).entries().get(0).eventId();
        List<FilteredLogEvent> got = await("/aws/events/orders");
        assertThat(got).hasSize(1);
        assertThat(got.get(0).logStreamName()).isEqualTo(id);
        JsonNode event = JSON.readTree(got.get(0).message());
        assertThat(event.get("id").asText()).isEqualTo(id);
        assertThat(event.get("detail").get("id").asText()).isEqualTo("o-7");
        assertThat(logs.filterLogEvents(r -> r.logGroupName("/aws/events/orders").filterPattern("\"o-7\""))
                .events()).hasSize(1);
    }

    @Test
    void aTransformedEventGivesTheLogEventsTimeAndMessage() throws Exception {
        String arn = group("/aws/events/shaped", true);
        events.putRule(r -> r.name("shaped-to-logs").eventPattern("{\"source\": [\"shop.shaped\"]}"));
        events.putTargets(r -> r.rule("shaped-to-logs").targets(t -> t.id("logs").arn(arn)
                .inputTransformer(x -> x.inputPathsMap(Map.of("time", "$.time", "id", "$.detail.id"))
                        .inputTemplate("{\"timestamp\": <time>, \"message\": \"order <id> placed\"}"))));
        java.time.Instant at = java.time.Instant.now().minusSeconds(120).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        events.putEvents(r -> r.entries(e -> e.source("shop.shaped").detailType("T").time(at)
                .detail("{\"id\": \"o-8\"}")));
        List<FilteredLogEvent> got = await("/aws/events/shaped");
        assertThat(got).hasSize(1);
        assertThat(got.get(0).message()).isEqualTo("order o-8 placed");
        assertThat(got.get(0).timestamp()).isEqualTo(at.toEpochMilli());
    }

    @Test
    void aGroupWithoutAPolicyForEventBridgeRefuses() throws Exception {
        String arn = group("/aws/events/closed", false);
        String ruleArn = "arn:aws:events:us-east-1:000000000000:rule/to-closed-logs";
        String url = sqs.createQueue(r -> r.queueName("logs-dlq")).queueUrl();
        String qArn = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(Map.of(QueueAttributeName.POLICY,
                "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Service\":"
                        + " \"events.amazonaws.com\"}, \"Action\": \"sqs:SendMessage\", \"Resource\": \"" + qArn + "\","
                        + " \"Condition\": {\"ArnEquals\": {\"aws:SourceArn\": \"" + ruleArn + "\"}}}]}")));
        events.putRule(r -> r.name("to-closed-logs").eventPattern("{\"source\": [\"shop.closed\"]}"));
        events.putTargets(r -> r.rule("to-closed-logs").targets(t -> t.id("logs").arn(arn)
                .retryPolicy(p -> p.maximumRetryAttempts(0).maximumEventAgeInSeconds(60))
                .deadLetterConfig(d -> d.arn(qArn))));
        events.putEvents(r -> r.entries(e -> e.source("shop.closed").detailType("T").detail("{}")));
        List<Message> dead = sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(20).messageAttributeNames("All"))
                .messages();
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).messageAttributes().get("TARGET_ARN").stringValue()).isEqualTo(arn);
        assertThat(dead.get(0).messageAttributes().get("ERROR_CODE").stringValue()).contains("AccessDenied");
        assertThat(logs.filterLogEvents(r -> r.logGroupName("/aws/events/closed")).events()).isEmpty();
    }
}
