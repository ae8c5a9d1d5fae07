package dev.vigil.messaging.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.Caller;
import dev.vigil.core.MutableClock;
import dev.vigil.core.RequestContext;
import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** Waiting receives without threads: woken by a send, dropped when cancelled, answered empty when the node stops. */
class LongPollsTest {
    private JdbcDatabase db;
    private Queues queues;
    private SqsProvider sqs;
    private RequestContext ctx;
    private Queue queue;
    private String url;

    @BeforeEach
    void setUp() {
        db = TestDatabases.h2Memory("messaging");
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
        queues = new Queues(new JdbcQueueRepository(db), clock);
        sqs = new SqsProvider(queues);
        ctx = new RequestContext("r", clock.instant(), "eu-west-1", Caller.root("123456789012", "AKIDEXAMPLE"),
                "127.0.0.1", null, "sqs", "Test", "vigil.test:4566");
        url = sqs.createQueue(ctx, CreateQueueRequest.builder().queueName("polls").build()).queueUrl();
        queue = queues.repository().find("123456789012", "eu-west-1", "polls").orElseThrow();
    }

    @AfterEach
    void tearDown() {
        queues.close();
        db.close();
    }

    private void send(String body) {
        sqs.sendMessage(ctx, SendMessageRequest.builder().queueUrl(url).messageBody(body).build());
    }

    @Test
    void aSendWakesTheOldestWaitingReceive() {
        CompletableFuture<List<Queues.Received>> first = queues.receive(queue, 1, 30, Duration.ofSeconds(20));
        CompletableFuture<List<Queues.Received>> second = queues.receive(queue, 1, 30, Duration.ofSeconds(20));
        assertThat(first).isNotDone();
        assertThat(queues.waitingReceives()).isEqualTo(2);
        send("one");
        assertThat(first.join()).extracting(r -> r.message().body()).containsExactly("one");
        send("two");
        assertThat(second.join()).extracting(r -> r.message().body()).containsExactly("two");
        assertThat(queues.waitingReceives()).isZero();
    }

    @Test
    void aCancelledReceiveTakesNothing() {
        CompletableFuture<List<Queues.Received>> gone = queues.receive(queue, 1, 30, Duration.ofSeconds(20));
        gone.cancel(false);
        send("kept");
        assertThat(queues.receive(queue, 1, 30, Duration.ZERO).join()).extracting(r -> r.message().body())
                .containsExactly("kept");
    }

    @Test
    void stoppingTheNodeAnswersWaitingReceivesEmpty() {
        CompletableFuture<List<Queues.Received>> waiting = queues.receive(queue, 1, 30, Duration.ofSeconds(20));
        queues.close();
        assertThat(waiting.join()).isEmpty();
        // after the stop a receive answers at once
        assertThat(queues.receive(queue, 1, 30, Duration.ofSeconds(20)).join()).isEmpty();
    }
}
