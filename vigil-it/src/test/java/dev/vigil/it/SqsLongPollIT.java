package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.testkit.VigilTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Long polls hold no server thread: 200 ReceiveMessage calls wait at once (more than the server's 64 worker
 * threads) while other requests are served, and each gets one of the messages sent afterwards; a long poll whose
 * client went away takes no message.
 */
class SqsLongPollIT {
    static final int POLLS = 200;
    static VigilTestServer vigil;
    static SqsClient sqs;

    @BeforeAll
    static void start() {
        vigil = VigilTestServer.start();
        sqs = vigil.client(SqsClient.builder());
    }

    @AfterAll
    static void stop() {
        sqs.close();
        vigil.close();
    }

    static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A client of the test server with its own override configuration (no retries). */
    static SqsClient client(ClientOverrideConfiguration.Builder config) {
        return SqsClient.builder().endpointOverride(vigil.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        vigil.server().rootCredentials().accessKeyId(), vigil.server().rootCredentials().secretAccessKey())))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(config.retryStrategy(b -> b.maxAttempts(1)).build()).build();
    }

    /** Counts the ReceiveMessage requests a client has put on the wire. */
    static final class Transmitted implements ExecutionInterceptor {
        final AtomicInteger receives = new AtomicInteger();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (context.request() instanceof ReceiveMessageRequest) receives.incrementAndGet();
        }
    }

    @Test
    void twoHundredLongPollsWaitWhileOtherRequestsAreServed() throws Exception {
        String url = sqs.createQueue(r -> r.queueName(name("many-polls"))).queueUrl();
        String other = sqs.createQueue(r -> r.queueName(name("busy"))).queueUrl();
        Transmitted wire = new Transmitted();
        SqsClient pollers = client(ClientOverrideConfiguration.builder().addExecutionInterceptor(wire)
                .apiCallTimeout(Duration.ofSeconds(60)));
        ExecutorService threads = Executors.newFixedThreadPool(POLLS);
        try {
            List<CompletableFuture<ReceiveMessageResponse>> polls = new ArrayList<>();
            for (int i = 0; i < POLLS; i++) {
                polls.add(CompletableFuture.supplyAsync(() -> pollers.receiveMessage(r -> r.queueUrl(url)
                        .waitTimeSeconds(20).maxNumberOfMessages(1)), threads));
            }
            while (wire.receives.get() < POLLS) Thread.sleep(10); // the client has sent them all

            // Every other request is answered while the 200 polls wait (they would hold all 64 worker threads
            // and more if each parked one).
            for (int i = 0; i < 50; i++) {
                String body = "other " + i;
                sqs.sendMessage(r -> r.queueUrl(other).messageBody(body));
                List<Message> got = sqs.receiveMessage(r -> r.queueUrl(other).maxNumberOfMessages(1)).messages();
                assertThat(got).extracting(Message::body).containsExactly(body);
                sqs.deleteMessage(r -> r.queueUrl(other).receiptHandle(got.get(0).receiptHandle()));
            }
            assertThat(sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes())
                    .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0");
            assertThat(polls).noneMatch(CompletableFuture::isDone);

            Set<String> sent = new HashSet<>();
            for (int batch = 0; batch < POLLS / 10; batch++) {
                List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    String body = "m-" + batch + "-" + i;
                    entries.add(SendMessageBatchRequestEntry.builder().id("e" + i).messageBody(body).build());
                }
                sqs.sendMessageBatch(r -> r.queueUrl(url).entries(entries)).successful()
                        .forEach(e -> sent.add(e.messageId()));
            }
            Set<String> received = new HashSet<>();
            for (CompletableFuture<ReceiveMessageResponse> p : polls) {
                List<Message> got = p.get().messages();
                assertThat(got).hasSize(1);
                assertThat(received.add(got.get(0).messageId())).isTrue();
            }
            assertThat(received).isEqualTo(sent);
        } finally {
            threads.shutdownNow();
            pollers.close();
        }
    }

    @Test
    void aLongPollWhoseClientLeftTakesNoMessage() throws Exception {
        // The hand-written request below signs as account 111122223333's root (dev mode checks an unknown key's
        // signature only structurally), so the queue is that account's.
        SqsClient other = vigil.client(SqsClient.builder(), "111122223333", "x");
        try {
            String url = other.createQueue(r -> r.queueName(name("left")).attributes(java.util.Map.of(
                    QueueAttributeName.VISIBILITY_TIMEOUT, "600"))).queueUrl();
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", vigil.port())) {
                socket.getOutputStream().write(longPoll(url).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
                // A request served at once would be answered now; this one waits, so nothing arrives.
                socket.setSoTimeout(1000);
                assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(java.net.SocketTimeoutException.class);
            } // ... and the client hangs up
            for (int i = 0; i < 5; i++) other.listQueues(r -> r.queueNamePrefix("left"));
            other.sendMessage(r -> r.queueUrl(url).messageBody("for whoever is still here"));
            // Had the abandoned poll taken it, it would stay invisible for ten minutes.
            assertThat(other.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(10)).messages())
                    .extracting(Message::body).containsExactly("for whoever is still here");
        } finally {
            other.close();
        }
    }

    /** A 20-second ReceiveMessage (awsJson1_0) of account 111122223333, as raw HTTP/1.1. */
    static String longPoll(String url) {
        String body = "{\"QueueUrl\":\"" + url + "\",\"WaitTimeSeconds\":20}";
        String date = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.now());
        return "POST / HTTP/1.1\r\nHost: 127.0.0.1:" + vigil.port() + "\r\n"
                + "Content-Type: application/x-amz-json-1.0\r\nX-Amz-Target: AmazonSQS.ReceiveMessage\r\n"
                + "X-Amz-Date: " + date + "\r\nAuthorization: AWS4-HMAC-SHA256 Credential=111122223333/"
                + date.substring(0, 8) + "/us-east-1/sqs/aws4_request, SignedHeaders=host;x-amz-date, Signature="
                + "0".repeat(64) + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }
}
