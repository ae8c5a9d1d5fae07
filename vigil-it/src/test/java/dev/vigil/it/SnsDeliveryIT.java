package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.spi.DeliveryFailures;
import dev.vigil.testkit.VigilTestServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What a subscriber does with SNS's messages: verifies the Signature with the certificate served at the
 * SigningCertURL, unsubscribes by following the UnsubscribeURL; and where failed deliveries go: the subscription's
 * dead-letter queue (RedrivePolicy), including deliveries to protocols Vigil cannot deliver to.
 */
class SnsDeliveryIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static VigilTestServer vigil;
    static SnsClient sns;
    static SqsClient sqs;

    @BeforeAll
    static void start() {
        vigil = VigilTestServer.start();
        sns = vigil.client(SnsClient.builder());
        sqs = vigil.client(SqsClient.builder());
    }

    @AfterAll
    static void stop() {
        sns.close();
        sqs.close();
        vigil.close();
    }

    static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A queue SNS may send to from {@code topicArn} (or from nobody, when null); returns url and ARN. */
    static String[] queue(String topicArn) {
        String url = sqs.createQueue(r -> r.queueName(name("q"))).queueUrl();
        String arn = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        if (topicArn != null) {
            sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(Map.of(QueueAttributeName.POLICY,
                    SnsIT.allowTopic(arn, topicArn))));
        }
        return new String[] {url, arn};
    }

    static JsonNode receiveOne(String url) throws Exception {
        List<Message> got = sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(10)
                .messageAttributeNames("All")).messages();
        assertThat(got).hasSize(1);
        return JSON.readTree(got.get(0).body());
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSignatureVerifiesWithTheCertificateAtSigningCertUrl() throws Exception {
        String topicArn = sns.createTopic(r -> r.name(name("signed"))).topicArn();
        String[] q = queue(topicArn);
        sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(q[1]));
        for (String version : List.of("1", "2")) {
            sns.setTopicAttributes(r -> r.topicArn(topicArn).attributeName("SignatureVersion").attributeValue(version));
            sns.publish(r -> r.topicArn(topicArn).subject("Disk").message("90% used on /var"));
            JsonNode m = receiveOne(q[0]);
            assertThat(m.get("SignatureVersion").asText()).isEqualTo(version);

            HttpResponse<String> pem = get(m.get("SigningCertURL").asText());
            assertThat(pem.statusCode()).isEqualTo(200);
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.body().getBytes(StandardCharsets.US_ASCII)));
            cert.verify(cert.getPublicKey()); // self-signed
            assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=sns.amazonaws.com");

            // AWS's string to sign of a Notification: name, newline, value, newline, in this order.
            String canonical = "Message\n" + m.get("Message").asText() + "\nMessageId\n" + m.get("MessageId").asText()
                    + "\nSubject\n" + m.get("Subject").asText() + "\nTimestamp\n" + m.get("Timestamp").asText()
                    + "\nTopicArn\n" + m.get("TopicArn").asText() + "\nType\n" + m.get("Type").asText() + "\n";
            Signature s = Signature.getInstance(version.equals("1") ? "SHA1withRSA" : "SHA256withRSA");
            s.initVerify(cert);
            s.update(canonical.getBytes(StandardCharsets.UTF_8));
            assertThat(s.verify(Base64.getDecoder().decode(m.get("Signature").asText()))).isTrue();
            // ... and a tampered message does not verify
            s.initVerify(cert);
            s.update(canonical.replace("90%", "10%").getBytes(StandardCharsets.UTF_8));
            assertThat(s.verify(Base64.getDecoder().decode(m.get("Signature").asText()))).isFalse();
        }
    }

    @Test
    void followingTheUnsubscribeUrlUnsubscribes() throws Exception {
        String topicArn = sns.createTopic(r -> r.name(name("leaving"))).topicArn();
        String[] q = queue(topicArn);
        String subArn = sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(q[1])).subscriptionArn();
        sns.publish(r -> r.topicArn(topicArn).message("first"));
        JsonNode m = receiveOne(q[0]);

        HttpResponse<String> left = get(m.get("UnsubscribeURL").asText()); // unsigned, as from a mail client
        assertThat(left.statusCode()).isEqualTo(200);
        assertThat(left.body()).contains("<UnsubscribeResponse");
        assertThat(sns.listSubscriptionsByTopic(r -> r.topicArn(topicArn)).subscriptions()).isEmpty();
        assertThatThrownBy(() -> sns.getSubscriptionAttributes(r -> r.subscriptionArn(subArn)))
                .isInstanceOf(software.amazon.awssdk.services.sns.model.NotFoundException.class);
        sns.publish(r -> r.topicArn(topicArn).message("second"));
        assertThat(sqs.receiveMessage(r -> r.queueUrl(q[0]).waitTimeSeconds(1)).messages()).isEmpty();
    }

    @Test
    void undeliverableMessagesGoToTheSubscriptionsDeadLetterQueue() throws Exception {
        String topicArn = sns.createTopic(r -> r.name(name("redrive"))).topicArn();
        String[] dlq = queue(topicArn);
        String[] closed = queue(null); // its policy does not let SNS in: a client-side error
        String redrive = "{\"deadLetterTargetArn\":\"" + dlq[1] + "\"}";
        String subArn = sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(closed[1])
                .attributes(Map.of("RedrivePolicy", redrive))).subscriptionArn();
        assertThat(sns.getSubscriptionAttributes(r -> r.subscriptionArn(subArn)).attributes())
                .containsEntry("RedrivePolicy", redrive);
        String id = sns.publish(r -> r.topicArn(topicArn).message("nobody may read this")).messageId();

        List<Message> got = sqs.receiveMessage(r -> r.queueUrl(dlq[0]).waitTimeSeconds(10)
                .messageAttributeNames("All")).messages();
        assertThat(got).hasSize(1);
        JsonNode m = JSON.readTree(got.get(0).body()); // the notification the subscriber would have received
        assertThat(m.get("Type").asText()).isEqualTo("Notification");
        assertThat(m.get("MessageId").asText()).isEqualTo(id);
        assertThat(m.get("Message").asText()).isEqualTo("nobody may read this");
        assertThat(got.get(0).messageAttributes().get("ErrorCode").stringValue()).isEqualTo("AccessDenied");
        assertThat(got.get(0).messageAttributes().get("RequestID").stringValue()).isEqualTo(id);
        assertThat(got.get(0).messageAttributes()).containsKey("ErrorMessage");
        assertThat(sqs.receiveMessage(r -> r.queueUrl(closed[0])).messages()).isEmpty();

        // A RedrivePolicy must name an SQS queue.
        assertThatThrownBy(() -> sns.setSubscriptionAttributes(r -> r.subscriptionArn(subArn)
                .attributeName("RedrivePolicy").attributeValue("{\"deadLetterTargetArn\":\"" + topicArn + "\"}")))
                .isInstanceOf(SnsException.class).hasMessageContaining("Invalid parameter: RedrivePolicy");
        assertThatThrownBy(() -> sns.setSubscriptionAttributes(r -> r.subscriptionArn(subArn)
                .attributeName("RedrivePolicy").attributeValue("{}")))
                .isInstanceOf(SnsException.class).hasMessageContaining("deadLetterTargetArn");
    }

    @Test
    void anHttpNotificationWhoseRetriesAreSpentGoesToTheDeadLetterQueue() throws Exception {
        java.util.concurrent.BlockingQueue<String> confirmations = new java.util.concurrent.LinkedBlockingQueue<>();
        java.util.concurrent.atomic.AtomicInteger notifications = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer endpoint = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/hook", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean confirmation = "SubscriptionConfirmation".equals(ex.getRequestHeaders().getFirst("x-amz-sns-message-type"));
            if (confirmation) confirmations.add(body);
            else notifications.incrementAndGet();
            ex.sendResponseHeaders(confirmation ? 200 : 500, -1); // every notification fails on the server side
            ex.close();
        });
        endpoint.start();
        try {
            String topicArn = sns.createTopic(r -> r.name(name("hook"))).topicArn();
            String[] dlq = queue(topicArn);
            String url = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hook";
            // Two retries, both without delay: the delivery is spent after three POSTs without moving the clock.
            sns.subscribe(r -> r.topicArn(topicArn).protocol("http").endpoint(url).attributes(Map.of(
                    "DeliveryPolicy", "{\"healthyRetryPolicy\":{\"numRetries\":2,\"numNoDelayRetries\":2,"
                            + "\"minDelayTarget\":1,\"maxDelayTarget\":1}}",
                    "RedrivePolicy", "{\"deadLetterTargetArn\":\"" + dlq[1] + "\"}")));
            String confirmation = confirmations.poll(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(confirmation).isNotNull();
            assertThat(get(JSON.readTree(confirmation).get("SubscribeURL").asText()).statusCode()).isEqualTo(200);

            String id = sns.publish(r -> r.topicArn(topicArn).message("to a failing hook")).messageId();
            List<Message> got = sqs.receiveMessage(r -> r.queueUrl(dlq[0]).waitTimeSeconds(15)
                    .messageAttributeNames("All")).messages();
            assertThat(got).hasSize(1);
            assertThat(notifications.get()).isEqualTo(3);
            JsonNode m = JSON.readTree(got.get(0).body());
            assertThat(m.get("MessageId").asText()).isEqualTo(id);
            assertThat(m.get("Message").asText()).isEqualTo("to a failing hook");
            assertThat(got.get(0).messageAttributes().get("ErrorCode").stringValue()).isEqualTo("500");
        } finally {
            endpoint.stop(0);
        }
    }

    @Test
    void protocolsVigilCannotDeliverToAreAcceptedAndFailEachDelivery() throws Exception {
        String topicArn = sns.createTopic(r -> r.name(name("elsewhere"))).topicArn();
        String[] dlq = queue(topicArn);
        String fn = "arn:aws:lambda:us-east-1:000000000000:function:handler";
        // Same-account Lambda subscriptions need no confirmation on AWS.
        String subArn = sns.subscribe(r -> r.topicArn(topicArn).protocol("lambda").endpoint(fn)
                .attributes(Map.of("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + dlq[1] + "\"}"))).subscriptionArn();
        assertThat(subArn).startsWith(topicArn + ":");
        String phone = sns.subscribe(r -> r.topicArn(topicArn).protocol("sms").endpoint("+15555550100")).subscriptionArn();
        assertThat(phone).startsWith(topicArn + ":");
        assertThatThrownBy(() -> sns.subscribe(r -> r.topicArn(topicArn).protocol("lambda").endpoint("not-an-arn")))
                .isInstanceOf(SnsException.class).hasMessageContaining("Invalid parameter");

        String id = sns.publish(r -> r.topicArn(topicArn).message("for a function")).messageId();
        List<Message> got = sqs.receiveMessage(r -> r.queueUrl(dlq[0]).waitTimeSeconds(10)
                .messageAttributeNames("All")).messages();
        assertThat(got).hasSize(1);
        assertThat(JSON.readTree(got.get(0).body()).get("MessageId").asText()).isEqualTo(id);
        assertThat(got.get(0).messageAttributes().get("ErrorCode").stringValue()).isEqualTo("UnsupportedProtocol");
        // The SMS subscription has no dead-letter queue: its failure is recorded.
        List<DeliveryFailures.Failure> failures = vigil.server().interconnect().failures().recent();
        assertThat(failures).anyMatch(f -> f.source().equals(topicArn) && f.target().equals("sms:+15555550100")
                && f.reason().contains("Vigil does not deliver to sms endpoints"));
    }
}
