package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.core.MutableClock;
import dev.vigil.core.spi.DeliveryFailures;
import dev.vigil.core.spi.MessageSink;
import dev.vigil.testkit.VigilTestServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.SnsException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * SNS through the SDK v2 client (awsQuery): topics, SQS subscriptions under the queue's policy, AWS's envelope,
 * raw delivery, filter policies, the http/https confirmation handshake and retries on the clock, the message
 * sink as a service principal, and durability across a restart.
 */
class SnsIT {
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

    /** A queue and its ARN. */
    record Q(String url, String arn) {}

    static Q queue(SqsClient sqs, String name) {
        String url = sqs.createQueue(r -> r.queueName(name)).queueUrl();
        return new Q(url, sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN));
    }

    /** The queue policy a console writes when subscribing a queue to a topic. */
    static String allowTopic(String queueArn, String topicArn) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"sns.amazonaws.com\"},\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + queueArn + "\","
                + "\"Condition\":{\"ArnEquals\":{\"aws:SourceArn\":\"" + topicArn + "\"}}}]}";
    }

    static void allow(SqsClient sqs, Q q, String topicArn) {
        sqs.setQueueAttributes(r -> r.queueUrl(q.url()).attributes(Map.of(QueueAttributeName.POLICY,
                allowTopic(q.arn(), topicArn))));
    }

    @Test
    void queueSubscriptionNeedsTheQueuePolicyAndGetsAwsEnvelope() throws Exception {
        String topicArn = sns.createTopic(r -> r.name(name("alerts"))).topicArn();
        Q q = queue(sqs, name("inbox"));
        String subArn = sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(q.arn())).subscriptionArn();
        assertThat(subArn).startsWith(topicArn + ":");

        // No queue policy: SNS is denied, as on AWS; the publish itself succeeds and the failure is recorded.
        String lost = sns.publish(r -> r.topicArn(topicArn).message("nobody hears this")).messageId();
        assertThat(sqs.receiveMessage(r -> r.queueUrl(q.url())).messages()).isEmpty();
        List<DeliveryFailures.Failure> failures = vigil.server().interconnect().failures().recent();
        assertThat(failures).anyMatch(f -> f.source().equals(topicArn) && f.target().equals(q.arn())
                && f.reason().contains("AccessDenied"));
        assertThat(lost).isNotEmpty();

        allow(sqs, q, topicArn);
        String id = sns.publish(r -> r.topicArn(topicArn).subject("Disk full").message("90% used on /var")
                .messageAttributes(Map.of("severity", MessageAttributeValue.builder().dataType("String")
                        .stringValue("high").build()))).messageId();
        List<Message> got = sqs.receiveMessage(r -> r.queueUrl(q.url()).waitTimeSeconds(5)).messages();
        assertThat(got).hasSize(1);
        String body = got.get(0).body();
        assertThat(body).startsWith("{\n  \"Type\" : \"Notification\",\n  \"MessageId\" : \"" + id + "\",\n");
        JsonNode env = JSON.readTree(body);
        assertThat(fieldNames(env)).containsExactly("Type", "MessageId", "TopicArn", "Subject", "Message", "Timestamp",
                "SignatureVersion", "Signature", "SigningCertURL", "UnsubscribeURL", "MessageAttributes");
        assertThat(env.get("TopicArn").asText()).isEqualTo(topicArn);
        assertThat(env.get("Subject").asText()).isEqualTo("Disk full");
        assertThat(env.get("Message").asText()).isEqualTo("90% used on /var");
        assertThat(env.get("Timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(env.get("SignatureVersion").asText()).isEqualTo("1");
        assertThat(env.get("Signature").asText()).isNotEmpty();
        assertThat(env.get("UnsubscribeURL").asText()).isEqualTo(vigil.endpoint().toString().replace("127.0.0.1", "127.0.0.1")
                + "/?Action=Unsubscribe&SubscriptionArn=" + subArn);
        assertThat(env.get("MessageAttributes").get("severity").toString()).isEqualTo("{\"Type\":\"String\",\"Value\":\"high\"}");

        assertThat(sns.getTopicAttributes(r -> r.topicArn(topicArn)).attributes())
                .containsEntry("SubscriptionsConfirmed", "1").containsEntry("Owner", "000000000000")
                .hasEntrySatisfying("Policy", p -> assertThat(p).contains("__default_policy_ID")
                        .contains("\"AWS:SourceOwner\":\"000000000000\""));
        assertThat(sns.listSubscriptionsByTopic(r -> r.topicArn(topicArn)).subscriptions())
                .extracting(s -> s.subscriptionArn()).containsExactly(subArn);
    }

    @Test
    void rawDeliveryAndFilterPolicies() {
        String topicArn = sns.createTopic(r -> r.name(name("orders"))).topicArn();
        Q q = queue(sqs, name("red-orders"));
        allow(sqs, q, topicArn);
        String subArn = sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(q.arn()).attributes(Map.of(
                "RawMessageDelivery", "true",
                "FilterPolicy", "{\"color\":[\"red\",{\"prefix\":\"crim\"}],\"size\":[{\"numeric\":[\">\",10,\"<=\",20]}]}"))).subscriptionArn();
        publish(topicArn, "blue one", "blue", "15");
        publish(topicArn, "red but small", "red", "5");
        publish(topicArn, "crimson", "crimson", "20");
        List<Message> got = sqs.receiveMessage(r -> r.queueUrl(q.url()).maxNumberOfMessages(10).messageAttributeNames("All")).messages();
        assertThat(got).extracting(Message::body).containsExactly("crimson");
        assertThat(got.get(0).messageAttributes().get("color").stringValue()).isEqualTo("crimson");

        // Body scope: the policy matches the JSON message.
        sns.setSubscriptionAttributes(r -> r.subscriptionArn(subArn).attributeName("FilterPolicyScope").attributeValue("MessageBody"));
        sns.setSubscriptionAttributes(r -> r.subscriptionArn(subArn).attributeName("FilterPolicy")
                .attributeValue("{\"order\":{\"status\":[{\"anything-but\":[\"cancelled\"]}]}}"));
        sns.publish(r -> r.topicArn(topicArn).message("{\"order\":{\"status\":\"cancelled\"}}"));
        sns.publish(r -> r.topicArn(topicArn).message("{\"order\":{\"status\":\"paid\"}}"));
        assertThat(sqs.receiveMessage(r -> r.queueUrl(q.url()).maxNumberOfMessages(10)).messages())
                .extracting(Message::body).containsExactly("{\"order\":{\"status\":\"paid\"}}");
        assertThat(sns.getSubscriptionAttributes(r -> r.subscriptionArn(subArn)).attributes())
                .containsEntry("RawMessageDelivery", "true").containsEntry("FilterPolicyScope", "MessageBody")
                .containsEntry("PendingConfirmation", "false");

        assertThatThrownBy(() -> sns.setSubscriptionAttributes(r -> r.subscriptionArn(subArn).attributeName("FilterPolicy")
                .attributeValue("{\"a\":[{\"bogus\":1}]}"))).isInstanceOfSatisfying(SnsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter");
                    assertThat(e.getMessage()).contains("Invalid parameter: FilterPolicy: Unrecognized match type bogus");
                });
    }

    void publish(String topicArn, String message, String color, String size) {
        sns.publish(r -> r.topicArn(topicArn).message(message).messageAttributes(Map.of(
                "color", MessageAttributeValue.builder().dataType("String").stringValue(color).build(),
                "size", MessageAttributeValue.builder().dataType("Number").stringValue(size).build())));
    }

    @Test
    void httpSubscriptionHandshakeAndRetriesOnTheClock() throws Exception {
        BlockingQueue<Map.Entry<Map<String, List<String>>, String>> posts = new LinkedBlockingQueue<>();
        AtomicInteger failNext = new AtomicInteger();
        HttpServer endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/hook", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            posts.add(Map.entry(ex.getRequestHeaders(), body));
            int status = failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        endpoint.start();
        MutableClock clock = new MutableClock(Instant.now());
        try (VigilTestServer v = VigilTestServer.start(c -> c, clock); SnsClient client = v.client(SnsClient.builder())) {
            String url = "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hook";
            String topicArn = client.createTopic(r -> r.name(name("hooks"))).topicArn();
            assertThat(client.subscribe(r -> r.topicArn(topicArn).protocol("http").endpoint(url)).subscriptionArn())
                    .isEqualTo("pending confirmation");
            var confirmation = posts.poll(10, TimeUnit.SECONDS);
            assertThat(confirmation).isNotNull();
            assertThat(confirmation.getKey().get("X-amz-sns-message-type")).containsExactly("SubscriptionConfirmation");
            JsonNode doc = JSON.readTree(confirmation.getValue());
            assertThat(fieldNames(doc)).containsExactly("Type", "MessageId", "Token", "TopicArn", "Message",
                    "SubscribeURL", "Timestamp", "SignatureVersion", "Signature", "SigningCertURL");
            assertThat(client.listSubscriptionsByTopic(r -> r.topicArn(topicArn)).subscriptions())
                    .extracting(s -> s.subscriptionArn()).containsExactly("PendingConfirmation");

            // The subscriber confirms by GETting the SubscribeURL, unsigned.
            HttpResponse<String> confirmed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(doc.get("SubscribeURL").asText())).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(confirmed.statusCode()).isEqualTo(200);
            assertThat(confirmed.body()).contains("<ConfirmSubscriptionResult><SubscriptionArn>" + topicArn + ":");

            // The first POST fails with a 500: retried after AWS's default 20 seconds, on the server's clock.
            failNext.set(1);
            String id = client.publish(r -> r.topicArn(topicArn).message("ping")).messageId();
            var first = posts.poll(10, TimeUnit.SECONDS);
            assertThat(first).isNotNull();
            assertThat(first.getKey().get("X-amz-sns-message-id")).containsExactly(id);
            assertThat(posts.poll(1500, TimeUnit.MILLISECONDS)).isNull();
            clock.advance(Duration.ofSeconds(21));
            var retry = posts.poll(10, TimeUnit.SECONDS);
            assertThat(retry).isNotNull();
            assertThat(JSON.readTree(retry.getValue()).get("Message").asText()).isEqualTo("ping");
            assertThat(retry.getKey().get("X-amz-sns-subscription-arn").get(0)).startsWith(topicArn + ":");
        } finally {
            endpoint.stop(0);
        }
    }

    @Test
    void messageSinkDeliversAsAServicePrincipalUnderTheTargetsPolicy() {
        String topicArn = sns.createTopic(r -> r.name(name("alarms"))).topicArn();
        Q q = queue(sqs, name("alarm-inbox"));
        allow(sqs, q, topicArn);
        sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(q.arn()).attributes(Map.of("RawMessageDelivery", "true")));
        MessageSink sink = vigil.server().interconnect().get(MessageSink.class);
        String alarm = "arn:aws:cloudwatch:us-east-1:000000000000:alarm:cpu";
        // The default topic policy (AWS:SourceOwner = the account) admits alarm actions of the same account...
        sink.deliver("cloudwatch.amazonaws.com", alarm, topicArn, "{\"AlarmName\":\"cpu\"}", Map.of("Subject", "ALARM: cpu"));
        assertThat(sqs.receiveMessage(r -> r.queueUrl(q.url()).waitTimeSeconds(5)).messages())
                .extracting(Message::body).containsExactly("{\"AlarmName\":\"cpu\"}");
        // ...but not EventBridge, which needs a statement naming events.amazonaws.com.
        String rule = "arn:aws:events:us-east-1:000000000000:rule/r";
        assertThatThrownBy(() -> sink.deliver("events.amazonaws.com", rule, topicArn, "{}", Map.of()))
                .hasMessageContaining("events.amazonaws.com");
        sns.setTopicAttributes(r -> r.topicArn(topicArn).attributeName("Policy").attributeValue(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                        + "\"events.amazonaws.com\"},\"Action\":\"sns:Publish\",\"Resource\":\"" + topicArn + "\","
                        + "\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"000000000000\"}}}]}"));
        sink.deliver("events.amazonaws.com", rule, topicArn, "{\"detail\":{}}", Map.of());
        assertThat(sqs.receiveMessage(r -> r.queueUrl(q.url()).waitTimeSeconds(5)).messages())
                .extracting(Message::body).containsExactly("{\"detail\":{}}");
        // The new policy no longer names CloudWatch.
        assertThatThrownBy(() -> sink.deliver("cloudwatch.amazonaws.com", alarm, topicArn, "{}", Map.of()))
                .hasMessageContaining("cloudwatch.amazonaws.com");

        // Straight to a queue: EventBridge needs the queue to allow events.amazonaws.com.
        assertThatThrownBy(() -> sink.deliver("events.amazonaws.com", rule, q.arn(), "{}", Map.of()))
                .hasMessageContaining("events.amazonaws.com");
        assertThatThrownBy(() -> sink.deliver("events.amazonaws.com", rule, q.arn() + "-missing", "{}", Map.of()))
                .isInstanceOf(dev.vigil.core.AwsException.class);
    }

    @Test
    void fifoTopicToFifoQueueKeepsGroupsAndDeduplicates() {
        String topicArn = sns.createTopic(r -> r.name(name("ledger") + ".fifo").attributes(Map.of("FifoTopic", "true",
                "ContentBasedDeduplication", "true"))).topicArn();
        String url = sqs.createQueue(r -> r.queueName(name("ledger") + ".fifo").attributes(Map.of(
                QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
        String arn = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        allow(sqs, new Q(url, arn), topicArn);
        sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(arn).attributes(Map.of("RawMessageDelivery", "true")));
        var first = sns.publish(r -> r.topicArn(topicArn).message("credit 10").messageGroupId("acct-1"));
        sns.publish(r -> r.topicArn(topicArn).message("credit 10").messageGroupId("acct-1"));
        sns.publish(r -> r.topicArn(topicArn).message("debit 5").messageGroupId("acct-1"));
        assertThat(first.sequenceNumber()).hasSize(20);
        List<Message> got = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                .messageSystemAttributeNames(software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName.MESSAGE_GROUP_ID))
                .messages();
        assertThat(got).extracting(Message::body).containsExactly("credit 10", "debit 5");
        assertThat(got.get(0).attributesAsStrings()).containsEntry("MessageGroupId", "acct-1");
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(topicArn).message("no group")))
                .isInstanceOfSatisfying(SnsException.class, e -> assertThat(e.getMessage())
                        .contains("The MessageGroupId parameter is required for FIFO topics"));
    }

    @Test
    void publishBatchEmailSubscriptionsAndUnsubscribe() {
        String topicArn = sns.createTopic(r -> r.name(name("batch"))).topicArn();
        Q q = queue(sqs, name("batch-inbox"));
        allow(sqs, q, topicArn);
        String subArn = sns.subscribe(r -> r.topicArn(topicArn).protocol("sqs").endpoint(q.arn())
                .attributes(Map.of("RawMessageDelivery", "true"))).subscriptionArn();
        assertThat(sns.subscribe(r -> r.topicArn(topicArn).protocol("email").endpoint("ops@example.com")).subscriptionArn())
                .isEqualTo("pending confirmation");
        var result = sns.publishBatch(r -> r.topicArn(topicArn).publishBatchRequestEntries(
                e -> e.id("one").message("first"), e -> e.id("two").message("second"), e -> e.id("bad").message("")));
        assertThat(result.successful()).extracting(e -> e.id()).containsExactly("one", "two");
        assertThat(result.failed()).extracting(e -> e.id(), e -> e.code()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("bad", "InvalidParameter"));
        assertThat(sqs.receiveMessage(r -> r.queueUrl(q.url()).maxNumberOfMessages(10)).messages())
                .extracting(Message::body).containsExactlyInAnyOrder("first", "second");
        assertThat(sns.listSubscriptions().subscriptions()).filteredOn(s -> s.topicArn().equals(topicArn))
                .extracting(s -> s.protocol(), s -> s.subscriptionArn()).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("sqs", subArn),
                        org.assertj.core.groups.Tuple.tuple("email", "PendingConfirmation"));
        assertThat(sns.getTopicAttributes(r -> r.topicArn(topicArn)).attributes()).containsEntry("SubscriptionsPending", "1");

        sns.unsubscribe(r -> r.subscriptionArn(subArn));
        sns.publish(r -> r.topicArn(topicArn).message("after"));
        assertThat(sqs.receiveMessage(r -> r.queueUrl(q.url())).messages()).isEmpty();
        assertThatThrownBy(() -> sns.getSubscriptionAttributes(r -> r.subscriptionArn(subArn)))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Subscription does not exist"));
    }

    @Test
    void topicErrorsAndTags() {
        assertThatThrownBy(() -> sns.createTopic(r -> r.name("bad name"))).isInstanceOfSatisfying(SnsException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter"));
        String missing = "arn:aws:sns:us-east-1:000000000000:" + name("nope");
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(missing).message("x")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Topic does not exist");
                });
        String topicArn = sns.createTopic(r -> r.name(name("tagged")).tags(t -> t.key("team").value("ops"))).topicArn();
        sns.tagResource(r -> r.resourceArn(topicArn).tags(t -> t.key("env").value("dev")));
        assertThat(sns.listTagsForResource(r -> r.resourceArn(topicArn)).tags()).extracting(t -> t.key())
                .containsExactly("env", "team");
        assertThatThrownBy(() -> sns.publish(r -> r.topicArn(topicArn).message("{\"x\":1}").messageStructure("json")))
                .isInstanceOfSatisfying(SnsException.class, e -> assertThat(e.getMessage())
                        .contains("Invalid parameter: Message Structure - No default entry in JSON message body"));
        // Another account publishes only once the topic's policy lets it.
        try (SnsClient other = vigil.client(SnsClient.builder(), "444455556666", "secret")) {
            assertThatThrownBy(() -> other.publish(r -> r.topicArn(topicArn).message("x")))
                    .isInstanceOfSatisfying(software.amazon.awssdk.services.sns.model.AuthorizationErrorException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AuthorizationError");
                    });
            sns.addPermission(r -> r.topicArn(topicArn).label("partner").awsAccountIds("444455556666").actionNames("Publish"));
            assertThat(other.publish(r -> r.topicArn(topicArn).message("x")).messageId()).isNotEmpty();
            sns.removePermission(r -> r.topicArn(topicArn).label("partner"));
            assertThatThrownBy(() -> other.publish(r -> r.topicArn(topicArn).message("x")))
                    .isInstanceOf(SnsException.class);
        }
        sns.deleteTopic(r -> r.topicArn(topicArn));
        assertThat(sns.listTopics().topics()).noneMatch(t -> t.topicArn().equals(topicArn));
    }

    @Test
    void acknowledgedMessagesSurviveARestart(@TempDir Path data) {
        String url;
        try (VigilTestServer v = VigilTestServer.start(cfg -> cfg.withDataDir(data));
             SqsClient c = v.client(SqsClient.builder())) {
            url = c.createQueue(r -> r.queueName("durable")).queueUrl();
            c.sendMessage(r -> r.queueUrl(url).messageBody("still here"));
        }
        try (VigilTestServer v = VigilTestServer.start(cfg -> cfg.withDataDir(data));
             SqsClient c = v.client(SqsClient.builder())) {
            String again = c.getQueueUrl(r -> r.queueName("durable")).queueUrl();
            assertThat(c.receiveMessage(r -> r.queueUrl(again)).messages()).extracting(Message::body)
                    .containsExactly("still here");
        }
    }

    static List<String> fieldNames(JsonNode n) {
        List<String> out = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
