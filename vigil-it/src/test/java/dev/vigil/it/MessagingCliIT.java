package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testkit.AwsCli;
import dev.vigil.testkit.VigilTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI story with the CLI v1 (SQS over awsJson1_0, SNS over awsQuery): create a topic and a queue, let
 * the topic send to the queue with a queue policy, subscribe, publish, receive the notification, delete it.
 * And SQS through the Debian AWS CLI 2.9, which still speaks awsQuery to SQS.
 */
class MessagingCliIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static VigilTestServer vigil;
    static AwsCli aws;

    @BeforeAll
    static void start() {
        aws = Clis.v1();
        vigil = VigilTestServer.start();
    }

    @AfterAll
    static void stop() {
        if (vigil != null) vigil.close();
    }

    static JsonNode run(String... args) throws Exception {
        AwsCli.Result r = aws.run(vigil.endpoint(), args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.stderr()).isZero();
        return r.stdout().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.stdout());
    }

    @Test
    void sqsOverAwsQueryWithTheDebianCli() throws Exception {
        AwsCli debian = Clis.debian();
        java.util.function.Function<String[], JsonNode> q = args -> {
            AwsCli.Result r = debian.run(vigil.endpoint(), args);
            assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.stderr()).isZero();
            try {
                return r.stdout().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.stdout());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        String url = q.apply(new String[] {"sqs", "create-queue", "--queue-name", "query-q", "--attributes",
                "VisibilityTimeout=45", "--tags", "team=ops"}).get("QueueUrl").asText();
        assertThat(url).isEqualTo(vigil.endpoint() + "/000000000000/query-q");
        JsonNode sent = q.apply(new String[] {"sqs", "send-message", "--queue-url", url, "--message-body", "hello",
                "--message-attributes", "{\"color\":{\"DataType\":\"String\",\"StringValue\":\"red\"}}"});
        assertThat(sent.get("MD5OfMessageBody").asText()).isEqualTo("5d41402abc4b2a76b9719d911017c592");
        JsonNode batch = q.apply(new String[] {"sqs", "send-message-batch", "--queue-url", url, "--entries",
                "Id=a,MessageBody=one", "Id=b,MessageBody=two"});
        assertThat(batch.get("Successful")).hasSize(2);
        JsonNode got = q.apply(new String[] {"sqs", "receive-message", "--queue-url", url, "--max-number-of-messages", "10",
                "--attribute-names", "All", "--message-attribute-names", "All"});
        assertThat(got.get("Messages")).hasSize(3);
        JsonNode hello = got.get("Messages").get(0);
        assertThat(hello.get("Body").asText()).isEqualTo("hello");
        assertThat(hello.get("MessageAttributes").get("color").get("StringValue").asText()).isEqualTo("red");
        assertThat(hello.get("Attributes").get("SenderId").asText()).isEqualTo("000000000000");
        JsonNode deleted = q.apply(new String[] {"sqs", "delete-message-batch", "--queue-url", url, "--entries",
                "Id=x,ReceiptHandle=" + hello.get("ReceiptHandle").asText(), "Id=y,ReceiptHandle=bogus"});
        assertThat(deleted.get("Successful").get(0).get("Id").asText()).isEqualTo("x");
        assertThat(deleted.get("Failed").get(0).get("Code").asText()).isEqualTo("ReceiptHandleIsInvalid");
        assertThat(q.apply(new String[] {"sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "All"})
                .get("Attributes").get("VisibilityTimeout").asText()).isEqualTo("45");
        assertThat(q.apply(new String[] {"sqs", "list-queue-tags", "--queue-url", url}).get("Tags").get("team").asText())
                .isEqualTo("ops");
        assertThat(q.apply(new String[] {"sqs", "list-queues", "--queue-name-prefix", "query-"}).get("QueueUrls"))
                .extracting(JsonNode::asText).containsExactly(url);
        AwsCli.Result missing = debian.run(vigil.endpoint(), "sqs", "get-queue-url", "--queue-name", "nope");
        assertThat(missing.stderr()).contains("(AWS.SimpleQueueService.NonExistentQueue)");
    }

    @Test
    void topicToQueueStory(@TempDir Path dir) throws Exception {
        String topicArn = run("sns", "create-topic", "--name", "cli-alerts").get("TopicArn").asText();
        String queueUrl = run("sqs", "create-queue", "--queue-name", "cli-inbox").get("QueueUrl").asText();
        assertThat(queueUrl).isEqualTo(vigil.endpoint() + "/000000000000/cli-inbox");
        String queueArn = run("sqs", "get-queue-attributes", "--queue-url", queueUrl, "--attribute-names", "QueueArn")
                .get("Attributes").get("QueueArn").asText();

        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"sns.amazonaws.com\"},\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + queueArn + "\",\"Condition\":"
                + "{\"ArnEquals\":{\"aws:SourceArn\":\"" + topicArn + "\"}}}]}";
        Path attrs = dir.resolve("attrs.json");
        Files.writeString(attrs, JSON.writeValueAsString(Map.of("Policy", policy)));
        run("sqs", "set-queue-attributes", "--queue-url", queueUrl, "--attributes", "file://" + attrs);

        String subArn = run("sns", "subscribe", "--topic-arn", topicArn, "--protocol", "sqs",
                "--notification-endpoint", queueArn).get("SubscriptionArn").asText();
        assertThat(subArn).startsWith(topicArn + ":");
        String messageId = run("sns", "publish", "--topic-arn", topicArn, "--subject", "Deploy",
                "--message", "release 1.2 is live", "--message-attributes",
                "{\"stage\":{\"DataType\":\"String\",\"StringValue\":\"prod\"}}").get("MessageId").asText();

        JsonNode received = run("sqs", "receive-message", "--queue-url", queueUrl, "--wait-time-seconds", "5",
                "--attribute-names", "All", "--message-attribute-names", "All");
        JsonNode message = received.get("Messages").get(0);
        JsonNode envelope = JSON.readTree(message.get("Body").asText());
        assertThat(envelope.get("Type").asText()).isEqualTo("Notification");
        assertThat(envelope.get("MessageId").asText()).isEqualTo(messageId);
        assertThat(envelope.get("Subject").asText()).isEqualTo("Deploy");
        assertThat(envelope.get("Message").asText()).isEqualTo("release 1.2 is live");
        assertThat(envelope.get("MessageAttributes").get("stage").get("Value").asText()).isEqualTo("prod");
        assertThat(message.get("Attributes").get("SenderId").asText()).isEqualTo("sns.amazonaws.com");

        run("sqs", "delete-message", "--queue-url", queueUrl, "--receipt-handle", message.get("ReceiptHandle").asText());
        assertThat(run("sqs", "get-queue-attributes", "--queue-url", queueUrl, "--attribute-names", "All")
                .get("Attributes").get("ApproximateNumberOfMessagesNotVisible").asText()).isEqualTo("0");
        assertThat(run("sns", "list-subscriptions-by-topic", "--topic-arn", topicArn).get("Subscriptions").get(0)
                .get("Endpoint").asText()).isEqualTo(queueArn);

        AwsCli.Result missing = aws.run(vigil.endpoint(), "sqs", "get-queue-url", "--queue-name", "no-such-queue");
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.stderr()).contains("AWS.SimpleQueueService.NonExistentQueue");
    }
}
