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
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Event-bus targets in another region: a rule in us-east-1 sends to a bus in us-west-2 of the same account, whose
 * rule delivers to a queue there; and to another account's bus in eu-west-1, which accepts only once that bus's policy
 * lets the sending account put events. The event keeps its original account and region.
 */
class EventBridgeCrossRegionIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static VigilTestServer vigil;

    @BeforeAll
    static void start() {
        vigil = VigilTestServer.start();
    }

    @AfterAll
    static void stop() {
        if (vigil != null) vigil.close();
    }

    static <B extends AwsClientBuilder<B, C>, C> C client(B builder, String account, Region region) {
        return builder.endpointOverride(vigil.endpoint()).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(account, "secret")))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(b -> b.maxAttempts(1)).build())
                .build();
    }

    /** A queue in the client's region that lets EventBridge send for the given rule. */
    static String[] queue(SqsClient sqs, String name, String ruleArn) {
        String url = sqs.createQueue(r -> r.queueName(name)).queueUrl();
        String arn = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(Map.of(QueueAttributeName.POLICY,
                "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Service\":"
                        + " \"events.amazonaws.com\"}, \"Action\": \"sqs:SendMessage\", \"Resource\": \"" + arn + "\","
                        + " \"Condition\": {\"ArnEquals\": {\"aws:SourceArn\": \"" + ruleArn + "\"}}}]}")));
        return new String[] {url, arn};
    }

    @Test
    void aRuleForwardsToABusInAnotherRegionOfTheSameAccount() throws Exception {
        String account = "123456789012";
        try (EventBridgeClient east = client(EventBridgeClient.builder(), account, Region.US_EAST_1);
             EventBridgeClient west = client(EventBridgeClient.builder(), account, Region.US_WEST_2);
             SqsClient westSqs = client(SqsClient.builder(), account, Region.US_WEST_2)) {
            String westBus = west.createEventBus(r -> r.name("regional")).eventBusArn();
            assertThat(westBus).isEqualTo("arn:aws:events:us-west-2:" + account + ":event-bus/regional");
            String westRule = west.putRule(r -> r.name("collect").eventBusName("regional")
                    .eventPattern("{\"source\": [\"app.east\"]}")).ruleArn();
            String[] q = queue(westSqs, "west-collected", westRule);
            west.putTargets(r -> r.rule("collect").eventBusName("regional").targets(t -> t.id("q").arn(q[1])));
            east.putRule(r -> r.name("to-west").eventPattern("{\"source\": [\"app.east\"]}"));
            east.putTargets(r -> r.rule("to-west").targets(t -> t.id("bus").arn(westBus)));
            String id = east.putEvents(r -> r.entries(e -> e.source("app.east").detailType("T").detail("{\"n\": 1}")))
                    .entries().get(0).eventId();
            List<Message> got = westSqs.receiveMessage(r -> r.queueUrl(q[0]).waitTimeSeconds(20)).messages();
            assertThat(got).hasSize(1);
            JsonNode event = JSON.readTree(got.get(0).body());
            assertThat(event.get("id").asText()).isEqualTo(id);
            assertThat(event.get("region").asText()).isEqualTo("us-east-1");
            assertThat(event.get("account").asText()).isEqualTo(account);
        }
    }

    @Test
    void anotherAccountsBusInAnotherRegionAcceptsOnlyWithItsPolicy() throws Exception {
        String sender = "210987654321";
        String receiver = "345678901234";
        try (EventBridgeClient senderEast = client(EventBridgeClient.builder(), sender, Region.US_EAST_1);
             EventBridgeClient receiverEu = client(EventBridgeClient.builder(), receiver, Region.EU_WEST_1);
             SqsClient receiverSqs = client(SqsClient.builder(), receiver, Region.EU_WEST_1)) {
            String bus = receiverEu.createEventBus(r -> r.name("central")).eventBusArn();
            String rule = receiverEu.putRule(r -> r.name("collect").eventBusName("central")
                    .eventPattern("{\"source\": [\"app.member\"]}")).ruleArn();
            String[] q = queue(receiverSqs, "central-collected", rule);
            receiverEu.putTargets(r -> r.rule("collect").eventBusName("central").targets(t -> t.id("q").arn(q[1])));
            senderEast.putRule(r -> r.name("to-central").eventPattern("{\"source\": [\"app.member\"]}"));
            senderEast.putTargets(r -> r.rule("to-central").targets(t -> t.id("bus").arn(bus)
                    .retryPolicy(p -> p.maximumRetryAttempts(0).maximumEventAgeInSeconds(60))));

            senderEast.putEvents(r -> r.entries(e -> e.source("app.member").detailType("T").detail("{\"n\": 1}")));
            assertThat(receiverSqs.receiveMessage(r -> r.queueUrl(q[0]).waitTimeSeconds(2)).messages()).isEmpty();
            assertThat(vigil.server().interconnect().failures().recent())
                    .anyMatch(f -> f.target().equals(bus) && f.reason().contains("AccessDenied"));

            receiverEu.putPermission(r -> r.eventBusName("central").action("events:PutEvents").principal(sender)
                    .statementId("member"));
            String id = senderEast.putEvents(r -> r.entries(e -> e.source("app.member").detailType("T")
                    .detail("{\"n\": 2}"))).entries().get(0).eventId();
            List<Message> got = receiverSqs.receiveMessage(r -> r.queueUrl(q[0]).waitTimeSeconds(20)).messages();
            assertThat(got).hasSize(1);
            JsonNode event = JSON.readTree(got.get(0).body());
            assertThat(event.get("id").asText()).isEqualTo(id);
            assertThat(event.get("account").asText()).isEqualTo(sender);
        }
    }
}
