package dev.vigil.messaging.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.AwsException;
import dev.vigil.core.Caller;
import dev.vigil.core.MutableClock;
import dev.vigil.core.RequestContext;
import dev.vigil.store.JdbcDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Queues and messages against a real database, time moved by the clock; one subclass per engine. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QueueStoreContract {
    static final String ACCOUNT = "123456789012";

    private JdbcDatabase db;
    private MutableClock clock;
    private Queues queues;
    private SqsProvider sqs;
    private RequestContext ctx;

    abstract JdbcDatabase open();

    @BeforeAll
    void setUp() {
        db = open();
        clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
        queues = new Queues(new JdbcQueueRepository(db), clock);
        sqs = new SqsProvider(queues);
        ctx = new RequestContext("r", clock.instant(), "eu-west-1", Caller.root(ACCOUNT, "AKIDEXAMPLE"), "127.0.0.1",
                null, "sqs", "Test", "vigil.test:4566");
    }

    @AfterAll
    void tearDown() { db.close(); }

    String create(String name, Map<QueueAttributeName, String> attrs) {
        return sqs.createQueue(ctx, software.amazon.awssdk.services.sqs.model.CreateQueueRequest.builder()
                .queueName(name).attributes(attrs).build()).queueUrl();
    }

    List<Message> receive(String url, int max) {
        return sqs.receiveMessage(ctx, software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest.builder()
                .queueUrl(url).maxNumberOfMessages(max).messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .build()).toCompletableFuture().join().messages();
    }

    void send(String url, String body, Integer delay) {
        sqs.sendMessage(ctx, software.amazon.awssdk.services.sqs.model.SendMessageRequest.builder().queueUrl(url)
                .messageBody(body).delaySeconds(delay).build());
    }

    @Test
    void urlsUseTheAddressedHost() {
        String url = create("u-" + UUID.randomUUID().toString().substring(0, 8), Map.of());
        assertThat(url).startsWith("http://vigil.test:4566/" + ACCOUNT + "/u-");
    }

    @Test
    void visibilityTimeoutAndDelayFollowTheClock() {
        String url = create("vis-" + UUID.randomUUID().toString().substring(0, 8),
                Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "10"));
        send(url, "now", null);
        send(url, "later", 60);
        assertThat(receive(url, 10)).extracting(Message::body).containsExactly("now");
        assertThat(receive(url, 10)).isEmpty();
        clock.advance(Duration.ofSeconds(11));
        List<Message> again = receive(url, 10);
        assertThat(again).extracting(Message::body).containsExactly("now");
        assertThat(again.get(0).attributesAsStrings()).containsEntry("ApproximateReceiveCount", "2");
        sqs.deleteMessage(ctx, software.amazon.awssdk.services.sqs.model.DeleteMessageRequest.builder().queueUrl(url)
                .receiptHandle(again.get(0).receiptHandle()).build());
        clock.advance(Duration.ofSeconds(50));
        assertThat(receive(url, 10)).extracting(Message::body).containsExactly("later");
    }

    @Test
    void deliverAllStoresTheValidBodiesInOrderAndRefusesTheOthersAlone() {
        String url = create("all-" + UUID.randomUUID().toString().substring(0, 8),
                Map.of(QueueAttributeName.MAXIMUM_MESSAGE_SIZE, "1024"));
        String arn = "arn:aws:sqs:eu-west-1:" + ACCOUNT + ":" + url.substring(url.lastIndexOf('/') + 1);
        List<RuntimeException> outcomes = queues.deliverAll(arn, List.of("one", "x".repeat(1025), "two", "bad\u0000"),
                "events.amazonaws.com");
        assertThat(outcomes.get(0)).isNull();
        assertThat(outcomes.get(1)).isInstanceOf(AwsException.class);
        assertThat(outcomes.get(2)).isNull();
        assertThat(outcomes.get(3)).isInstanceOf(AwsException.class);
        List<Message> got = receive(url, 10);
        assertThat(got).extracting(Message::body).containsExactly("one", "two");
        assertThat(got.get(0).attributesAsStrings()).containsEntry("SenderId", "events.amazonaws.com");
        assertThat(got.get(0).md5OfBody()).isEqualTo("f97c5d29941bfb1b2fdab0874906ab82");
        assertThat(queues.deliverAll(arn.replace(":all-", ":missing-"), List.of("a", "b"), "events.amazonaws.com"))
                .allSatisfy(e -> assertThat(((AwsException) e).code()).isEqualTo(SqsErrors.QUEUE_DOES_NOT_EXIST));
    }

    @Test
    void retentionSweepDropsExpiredMessages() {
        String url = create("ret-" + UUID.randomUUID().toString().substring(0, 8),
                Map.of(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "60"));
        send(url, "old", null);
        clock.advance(Duration.ofSeconds(30));
        send(url, "young", null);
        clock.advance(Duration.ofSeconds(31));
        queues.expire();
        assertThat(receive(url, 10)).extracting(Message::body).containsExactly("young");
    }

    @Test
    void fifoDeduplicationWindowIsFiveMinutes() {
        String url = create("dedup-" + UUID.randomUUID().toString().substring(0, 8) + ".fifo",
                Map.of(QueueAttributeName.FIFO_QUEUE, "true"));
        var first = sqs.sendMessage(ctx, software.amazon.awssdk.services.sqs.model.SendMessageRequest.builder().queueUrl(url)
                .messageBody("x").messageGroupId("g").messageDeduplicationId("d1").build());
        clock.advance(Duration.ofMinutes(4));
        var dup = sqs.sendMessage(ctx, software.amazon.awssdk.services.sqs.model.SendMessageRequest.builder().queueUrl(url)
                .messageBody("x").messageGroupId("g").messageDeduplicationId("d1").build());
        assertThat(dup.messageId()).isEqualTo(first.messageId());
        clock.advance(Duration.ofMinutes(2));
        queues.expire();
        var fresh = sqs.sendMessage(ctx, software.amazon.awssdk.services.sqs.model.SendMessageRequest.builder().queueUrl(url)
                .messageBody("x").messageGroupId("g").messageDeduplicationId("d1").build());
        assertThat(fresh.messageId()).isNotEqualTo(first.messageId());
        assertThat(receive(url, 10)).extracting(Message::messageId).containsExactly(first.messageId(), fresh.messageId());
    }

    @Test
    void concurrentReceiversNeverShareAMessage() throws Exception {
        String url = create("race-" + UUID.randomUUID().toString().substring(0, 8), Map.of());
        for (int i = 0; i < 40; i++) send(url, "m" + i, null);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Map<String, Boolean> seen = new ConcurrentHashMap<>();
            List<Future<Integer>> runs = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    int dup = 0;
                    for (int i = 0; i < 10; i++) {
                        for (Message m : receive(url, 10)) if (seen.put(m.messageId(), true) != null) dup++;
                    }
                    return dup;
                }));
            }
            for (Future<Integer> f : runs) assertThat(f.get()).isZero();
            assertThat(seen).hasSize(40);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void deletedQueueNameIsBlockedForSixtySeconds() {
        String name = "gone-" + UUID.randomUUID().toString().substring(0, 8);
        String url = create(name, Map.of());
        sqs.deleteQueue(ctx, software.amazon.awssdk.services.sqs.model.DeleteQueueRequest.builder().queueUrl(url).build());
        assertThatThrownBy(() -> create(name, Map.of())).isInstanceOfSatisfying(AwsException.class,
                e -> assertThat(e.code()).isEqualTo("QueueDeletedRecently"));
        clock.advance(Duration.ofSeconds(61));
        assertThat(create(name, Map.of())).isEqualTo(url);
        assertThat(receive(url, 10)).isEmpty();
    }

    @Test
    void attributeValidationRanges() {
        String url = create("attrs-" + UUID.randomUUID().toString().substring(0, 8), Map.of());
        for (Map.Entry<QueueAttributeName, String> bad : List.of(
                Map.entry(QueueAttributeName.DELAY_SECONDS, "901"),
                Map.entry(QueueAttributeName.MAXIMUM_MESSAGE_SIZE, "1023"),
                Map.entry(QueueAttributeName.MESSAGE_RETENTION_PERIOD, "59"),
                Map.entry(QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS, "21"),
                Map.entry(QueueAttributeName.VISIBILITY_TIMEOUT, "-1"),
                Map.entry(QueueAttributeName.POLICY, "{not json"))) {
            assertThatThrownBy(() -> sqs.setQueueAttributes(ctx, software.amazon.awssdk.services.sqs.model
                    .SetQueueAttributesRequest.builder().queueUrl(url).attributes(Map.of(bad.getKey(), bad.getValue())).build()))
                    .as(bad.toString()).isInstanceOfSatisfying(AwsException.class, e -> {
                        assertThat(e.code()).isEqualTo("InvalidAttributeValue");
                        assertThat(e.getMessage()).isEqualTo("Invalid value for the parameter " + bad.getKey() + ".");
                    });
        }
        assertThatThrownBy(() -> sqs.setQueueAttributes(ctx, software.amazon.awssdk.services.sqs.model
                .SetQueueAttributesRequest.builder().queueUrl(url).attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true")).build()))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.code()).isEqualTo("InvalidAttributeName"));
    }
}
