package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.testkit.VigilTestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.EmptyBatchRequestException;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;
import software.amazon.awssdk.services.sqs.model.TooManyEntriesInBatchRequestException;

/**
 * SQS through the SDK v2 client (awsJson1_0, query-compatible errors), which verifies every MD5 Vigil returns:
 * queues, standard and FIFO messages, visibility, long polling, redrive, batches, attributes, tags, errors.
 */
class SqsIT {
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

    @Test
    void sendReceiveDelete() {
        String name = name("basic");
        String url = sqs.createQueue(r -> r.queueName(name)).queueUrl();
        assertThat(url).isEqualTo("http://127.0.0.1:" + vigil.port() + "/000000000000/" + name);
        assertThat(sqs.getQueueUrl(r -> r.queueName(name)).queueUrl()).isEqualTo(url);

        SendMessageResponse sent = sqs.sendMessage(r -> r.queueUrl(url).messageBody("hello ✓").messageAttributes(Map.of(
                "color", MessageAttributeValue.builder().dataType("String").stringValue("blue").build(),
                "size", MessageAttributeValue.builder().dataType("Number").stringValue("42").build(),
                "blob", MessageAttributeValue.builder().dataType("Binary").binaryValue(SdkBytes.fromUtf8String("xyz")).build())));
        // AWS's documented MD5 of "hello ✓" as UTF-8; the client also checked both digests itself.
        assertThat(sent.md5OfMessageBody()).isEqualTo(md5("hello ✓"));
        assertThat(sent.md5OfMessageAttributes()).hasSize(32);

        ReceiveMessageResponse got = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All"));
        assertThat(got.messages()).hasSize(1);
        Message m = got.messages().get(0);
        assertThat(m.messageId()).isEqualTo(sent.messageId());
        assertThat(m.body()).isEqualTo("hello ✓");
        assertThat(m.messageAttributes()).containsOnlyKeys("color", "size", "blob");
        assertThat(m.md5OfMessageAttributes()).isEqualTo(sent.md5OfMessageAttributes());
        assertThat(m.attributes().get(MessageSystemAttributeName.SENDER_ID)).isEqualTo("000000000000");
        assertThat(m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).isEqualTo("1");
        assertThat(Long.parseLong(m.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP)))
                .isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
        assertThat(m.attributes()).containsKey(MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP);

        // In flight: not received again, counted as not visible.
        assertThat(sqs.receiveMessage(r -> r.queueUrl(url)).messages()).isEmpty();
        assertThat(sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.ALL)).attributes())
                .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "1")
                .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0")
                .containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "30")
                .containsEntry(QueueAttributeName.QUEUE_ARN, "arn:aws:sqs:us-east-1:000000000000:" + name);

        // Visibility back to 0: visible again, received a second time with a new handle.
        sqs.changeMessageVisibility(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
        Message again = sqs.receiveMessage(r -> r.queueUrl(url).messageSystemAttributeNames(
                MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages().get(0);
        assertThat(again.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).isEqualTo("2");
        assertThat(again.receiptHandle()).isNotEqualTo(m.receiptHandle());
        assertThat(again.messageAttributes()).isEmpty();

        sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(again.receiptHandle()));
        assertThatThrownBy(() -> sqs.changeMessageVisibility(r -> r.queueUrl(url).receiptHandle(again.receiptHandle())
                .visibilityTimeout(0))).isInstanceOfSatisfying(SqsException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue"));
        assertThat(sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes())
                .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0");
    }

    @Test
    void longPollingWakesWhenAMessageArrives() throws Exception {
        String url = sqs.createQueue(r -> r.queueName(name("poll"))).queueUrl();
        long start = System.nanoTime();
        CompletableFuture<ReceiveMessageResponse> waiting = CompletableFuture.supplyAsync(
                () -> sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(20)));
        Thread.sleep(500); // let the receive start waiting: this test is about real waiting
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("wake up"));
        ReceiveMessageResponse got = waiting.get();
        assertThat(got.messages()).extracting(Message::body).containsExactly("wake up");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));

        long emptyStart = System.nanoTime();
        assertThat(sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(1)).messages()).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - emptyStart)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void fifoOrdersByGroupAndDeduplicates() {
        String name = name("orders") + ".fifo";
        String url = sqs.createQueue(r -> r.queueName(name).attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true",
                QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true"))).queueUrl();
        SendMessageResponse a1 = sqs.sendMessage(r -> r.queueUrl(url).messageBody("a1").messageGroupId("a"));
        SendMessageResponse dup = sqs.sendMessage(r -> r.queueUrl(url).messageBody("a1").messageGroupId("a"));
        assertThat(dup.messageId()).isEqualTo(a1.messageId());
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("a2").messageGroupId("a"));
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("b1").messageGroupId("b").messageDeduplicationId("x"));
        assertThat(a1.sequenceNumber()).hasSize(20);

        List<Message> first = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(1)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        assertThat(first).extracting(Message::body).containsExactly("a1");
        assertThat(first.get(0).attributes()).containsEntry(MessageSystemAttributeName.MESSAGE_GROUP_ID, "a")
                .containsEntry(MessageSystemAttributeName.SEQUENCE_NUMBER, a1.sequenceNumber());
        // Group a is in flight: only b can be received now.
        List<Message> second = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages();
        assertThat(second).extracting(Message::body).containsExactly("b1");
        sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(first.get(0).receiptHandle()));
        assertThat(sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages())
                .extracting(Message::body).containsExactly("a2");

        assertThatThrownBy(() -> sqs.sendMessage(r -> r.queueUrl(url).messageBody("no group")))
                .isInstanceOfSatisfying(SqsException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MissingParameter"));
    }

    @Test
    void redriveMovesToTheDeadLetterQueue() {
        String dlqUrl = sqs.createQueue(r -> r.queueName(name("dlq"))).queueUrl();
        String dlqArn = sqs.getQueueAttributes(r -> r.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String url = sqs.createQueue(r -> r.queueName(name("work")).attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
                "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"1\"}"))).queueUrl();
        sqs.sendMessage(r -> r.queueUrl(url).messageBody("poison"));
        Message m = sqs.receiveMessage(r -> r.queueUrl(url)).messages().get(0);
        sqs.changeMessageVisibility(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
        assertThat(sqs.receiveMessage(r -> r.queueUrl(url)).messages()).isEmpty();
        List<Message> dead = sqs.receiveMessage(r -> r.queueUrl(dlqUrl)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
        assertThat(dead).extracting(Message::body).containsExactly("poison");
        assertThat(dead.get(0).attributesAsStrings()).containsEntry("DeadLetterQueueSourceArn",
                "arn:aws:sqs:us-east-1:000000000000:" + url.substring(url.lastIndexOf('/') + 1));
        assertThat(sqs.listDeadLetterSourceQueues(r -> r.queueUrl(dlqUrl)).queueUrls()).containsExactly(url);

        assertThatThrownBy(() -> sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(Map.of(
                QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":0}"))))
                .isInstanceOfSatisfying(SqsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
                    assertThat(e.getMessage()).contains("Invalid value for maxReceiveCount: 0");
                });
    }

    @Test
    void batches() {
        String url = sqs.createQueue(r -> r.queueName(name("batch"))).queueUrl();
        SendMessageBatchResponse sent = sqs.sendMessageBatch(r -> r.queueUrl(url).entries(
                e -> e.id("one").messageBody("1"), e -> e.id("two").messageBody("2"),
                e -> e.id("bad").messageBody("x").delaySeconds(901)));
        assertThat(sent.successful()).extracting(s -> s.id()).containsExactly("one", "two");
        assertThat(sent.failed()).extracting(BatchResultErrorEntry::id, BatchResultErrorEntry::code,
                BatchResultErrorEntry::senderFault).containsExactly(org.assertj.core.groups.Tuple.tuple("bad",
                "InvalidParameterValue", true));
        List<Message> got = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages();
        assertThat(got).extracting(Message::body).containsExactlyInAnyOrder("1", "2");
        assertThat(sqs.deleteMessageBatch(r -> r.queueUrl(url).entries(
                e -> e.id("a").receiptHandle(got.get(0).receiptHandle()),
                e -> e.id("b").receiptHandle("garbage"))).failed())
                .extracting(BatchResultErrorEntry::id, BatchResultErrorEntry::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b", "ReceiptHandleIsInvalid"));

        assertThatThrownBy(() -> sqs.sendMessageBatch(r -> r.queueUrl(url).entries(List.of())))
                .isInstanceOf(EmptyBatchRequestException.class);
        assertThatThrownBy(() -> sqs.sendMessageBatch(r -> r.queueUrl(url).entries(java.util.stream.IntStream.range(0, 11)
                .mapToObj(i -> software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry.builder()
                        .id("e" + i).messageBody("b").build()).toList())))
                .isInstanceOfSatisfying(TooManyEntriesInBatchRequestException.class, e -> assertThat(
                        e.awsErrorDetails().errorCode()).isEqualTo("AWS.SimpleQueueService.TooManyEntriesInBatchRequest"));
    }

    @Test
    void queueLifecycleListingTagsAndErrors() {
        String prefix = "life" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            int n = i;
            sqs.createQueue(r -> r.queueName(prefix + "-" + n).tags(Map.of("team", "t" + n)));
        }
        var page1 = sqs.listQueues(r -> r.queueNamePrefix(prefix).maxResults(2));
        assertThat(page1.queueUrls()).hasSize(2);
        var page2 = sqs.listQueues(r -> r.queueNamePrefix(prefix).maxResults(2).nextToken(page1.nextToken()));
        assertThat(page2.queueUrls()).hasSize(1).allMatch(u -> u.endsWith(prefix + "-2"));
        assertThat(page2.nextToken()).isNull();

        String url = sqs.getQueueUrl(r -> r.queueName(prefix + "-0")).queueUrl();
        sqs.tagQueue(r -> r.queueUrl(url).tags(Map.of("env", "dev")));
        assertThat(sqs.listQueueTags(r -> r.queueUrl(url)).tags()).containsExactlyInAnyOrderEntriesOf(
                Map.of("team", "t0", "env", "dev"));
        sqs.untagQueue(r -> r.queueUrl(url).tagKeys("team"));
        assertThat(sqs.listQueueTags(r -> r.queueUrl(url)).tags()).containsOnlyKeys("env");

        // Same name and attributes: the same queue; different attributes: QueueNameExists.
        assertThat(sqs.createQueue(r -> r.queueName(prefix + "-0")).queueUrl()).isEqualTo(url);
        assertThatThrownBy(() -> sqs.createQueue(r -> r.queueName(prefix + "-0")
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "60"))))
                .isInstanceOfSatisfying(QueueNameExistsException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("QueueAlreadyExists"));
        assertThatThrownBy(() -> sqs.setQueueAttributes(r -> r.queueUrl(url)
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "43201"))))
                .isInstanceOfSatisfying(SqsException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAttributeValue");
                    assertThat(e.statusCode()).isEqualTo(400);
                });

        sqs.sendMessage(r -> r.queueUrl(url).messageBody("soon gone"));
        sqs.purgeQueue(r -> r.queueUrl(url));
        assertThat(sqs.receiveMessage(r -> r.queueUrl(url)).messages()).isEmpty();
        assertThatThrownBy(() -> sqs.purgeQueue(r -> r.queueUrl(url))).isInstanceOfSatisfying(SqsException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AWS.SimpleQueueService.PurgeQueueInProgress"));

        sqs.deleteQueue(r -> r.queueUrl(url));
        assertThatThrownBy(() -> sqs.getQueueUrl(r -> r.queueName(prefix + "-0")))
                .isInstanceOfSatisfying(QueueDoesNotExistException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AWS.SimpleQueueService.NonExistentQueue");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
        assertThatThrownBy(() -> sqs.createQueue(r -> r.queueName(prefix + "-0"))).isInstanceOfSatisfying(
                SqsException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("AWS.SimpleQueueService.QueueDeletedRecently"));
        assertThatThrownBy(() -> sqs.receiveMessage(r -> r.queueUrl(page2.queueUrls().get(0)).maxNumberOfMessages(11)))
                .isInstanceOfSatisfying(SqsException.class, e -> assertThat(e.getMessage())
                        .contains("Value 11 for parameter MaxNumberOfMessages is invalid"));
        assertThatThrownBy(() -> sqs.createQueue(r -> r.queueName("bad name")))
                .isInstanceOfSatisfying(SqsException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue"));
    }

    @Test
    void otherAccountsNeedTheQueuePolicy() {
        String url = sqs.createQueue(r -> r.queueName(name("shared"))).queueUrl();
        String arn = "arn:aws:sqs:us-east-1:000000000000:" + url.substring(url.lastIndexOf('/') + 1);
        // A 12-digit access key Vigil does not know is the root of that account.
        try (SqsClient other = vigil.client(SqsClient.builder(), "111122223333", "secret")) {
            assertThatThrownBy(() -> other.sendMessage(r -> r.queueUrl(url).messageBody("hi")))
                    .isInstanceOfSatisfying(SqsException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    });
            sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(Map.of(QueueAttributeName.POLICY,
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                            + "\"arn:aws:iam::111122223333:root\"},\"Action\":[\"sqs:SendMessage\",\"sqs:GetQueueUrl\"],\"Resource\":\"" + arn + "\"}]}")));
            other.sendMessage(r -> r.queueUrl(url).messageBody("hi"));
            assertThat(other.getQueueUrl(r -> r.queueName(url.substring(url.lastIndexOf('/') + 1))
                    .queueOwnerAWSAccountId("000000000000")).queueUrl()).isEqualTo(url);
        }
        Message m = sqs.receiveMessage(r -> r.queueUrl(url).messageSystemAttributeNames(MessageSystemAttributeName.SENDER_ID))
                .messages().get(0);
        assertThat(m.attributes()).containsEntry(MessageSystemAttributeName.SENDER_ID, "111122223333");
    }

    @Test
    void addPermissionGrantsAndRemovePermissionRevokes() {
        String url = sqs.createQueue(r -> r.queueName(name("granted"))).queueUrl();
        try (SqsClient other = vigil.client(SqsClient.builder(), "444455556666", "secret")) {
            sqs.addPermission(r -> r.queueUrl(url).label("partner").awsAccountIds("444455556666").actions("SendMessage"));
            other.sendMessage(r -> r.queueUrl(url).messageBody("from partner"));
            assertThat(sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.POLICY)).attributes()
                    .get(QueueAttributeName.POLICY)).contains("\"Sid\":\"partner\"").contains("arn:aws:iam::444455556666:root");
            assertThatThrownBy(() -> sqs.addPermission(r -> r.queueUrl(url).label("partner").awsAccountIds("444455556666")
                    .actions("SendMessage"))).isInstanceOfSatisfying(SqsException.class,
                    e -> assertThat(e.getMessage()).contains("Already exists."));
            sqs.removePermission(r -> r.queueUrl(url).label("partner"));
            assertThatThrownBy(() -> other.sendMessage(r -> r.queueUrl(url).messageBody("again")))
                    .isInstanceOfSatisfying(SqsException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
        assertThat(sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages()).extracting(Message::body)
                .containsExactly("from partner");
    }

    static String md5(String s) throws RuntimeException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
