package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.StoreSpec;
import dev.vigil.store.TestDatabases;
import dev.vigil.testkit.VigilTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * Two Vigil nodes on one PostgreSQL: a long poll on one node wakes for a message sent through the other,
 * receivers on both nodes never share a message, and a topic on one node delivers to a queue read on the other.
 */
class SqsTwoNodesIT {

    @Test
    void nodesShareQueues() throws Exception {
        StoreSpec spec = TestDatabases.postgresSpecOrSkip();
        JdbcDatabase.open(spec).close(); // creates the fresh schema
        String url = spec.url() + (spec.url().contains("?") ? "&" : "?") + "currentSchema=" + spec.schema()
                + (spec.url().contains("user=") ? "" : "&user=" + (spec.user() == null ? "postgres" : spec.user()));
        try (VigilTestServer a = VigilTestServer.start(c -> c.withStore(url));
             VigilTestServer b = VigilTestServer.start(c -> c.withStore(url));
             SqsClient sqsA = a.client(SqsClient.builder());
             SqsClient sqsB = b.client(SqsClient.builder());
             SnsClient snsA = a.client(SnsClient.builder())) {
            String queueA = sqsA.createQueue(r -> r.queueName("shared")).queueUrl();
            String queueB = sqsB.getQueueUrl(r -> r.queueName("shared")).queueUrl();
            assertThat(queueB).endsWith("/000000000000/shared").isNotEqualTo(queueA); // each names its own endpoint

            long start = System.nanoTime();
            CompletableFuture<ReceiveMessageResponse> waiting = CompletableFuture.supplyAsync(
                    () -> sqsB.receiveMessage(r -> r.queueUrl(queueB).waitTimeSeconds(20)));
            Thread.sleep(500); // real waiting is what this test is about
            sqsA.sendMessage(r -> r.queueUrl(queueA).messageBody("across nodes"));
            assertThat(waiting.get().messages()).extracting(Message::body).containsExactly("across nodes");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));

            for (int i = 0; i < 30; i++) {
                int n = i;
                sqsA.sendMessage(r -> r.queueUrl(queueA).messageBody("m" + n));
            }
            Set<String> seen = ConcurrentHashMap.newKeySet();
            List<CompletableFuture<Integer>> receivers = new ArrayList<>();
            for (SqsClient c : List.of(sqsA, sqsB, sqsA, sqsB)) {
                String q = c == sqsA ? queueA : queueB;
                receivers.add(CompletableFuture.supplyAsync(() -> {
                    int duplicates = 0;
                    for (int round = 0; round < 6; round++) {
                        for (Message m : c.receiveMessage(r -> r.queueUrl(q).maxNumberOfMessages(10)).messages()) {
                            if (!seen.add(m.messageId())) duplicates++;
                        }
                    }
                    return duplicates;
                }));
            }
            for (CompletableFuture<Integer> r : receivers) assertThat(r.get()).isZero();
            assertThat(seen).hasSize(30); // "across nodes" is still in flight

            String topic = snsA.createTopic(r -> r.name("fanout")).topicArn();
            String queueArn = "arn:aws:sqs:us-east-1:000000000000:shared";
            sqsB.setQueueAttributes(r -> r.queueUrl(queueB).attributes(Map.of(
                    software.amazon.awssdk.services.sqs.model.QueueAttributeName.POLICY, SnsIT.allowTopic(queueArn, topic))));
            snsA.subscribe(r -> r.topicArn(topic).protocol("sqs").endpoint(queueArn).attributes(Map.of("RawMessageDelivery", "true")));
            snsA.publish(r -> r.topicArn(topic).message("fanned out"));
            assertThat(sqsB.receiveMessage(r -> r.queueUrl(queueB).waitTimeSeconds(5)).messages())
                    .extracting(Message::body).containsExactly("fanned out");
        }
    }
}
