package dev.vigil.messaging.sqs;

import dev.vigil.core.AwsException;
import dev.vigil.core.Ids;
import dev.vigil.core.RequestContext;
import dev.vigil.messaging.MessageAttribute;
import dev.vigil.messaging.Md5;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sqs.model.AddPermissionRequest;
import software.amazon.awssdk.services.sqs.model.AddPermissionResponse;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.RemovePermissionRequest;
import software.amazon.awssdk.services.sqs.model.RemovePermissionResponse;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityResponse;
import software.amazon.awssdk.services.sqs.model.CreateQueueRequest;
import software.amazon.awssdk.services.sqs.model.CreateQueueResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageResponse;
import software.amazon.awssdk.services.sqs.model.DeleteQueueRequest;
import software.amazon.awssdk.services.sqs.model.DeleteQueueResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueUrlResponse;
import software.amazon.awssdk.services.sqs.model.ListDeadLetterSourceQueuesRequest;
import software.amazon.awssdk.services.sqs.model.ListDeadLetterSourceQueuesResponse;
import software.amazon.awssdk.services.sqs.model.ListQueueTagsRequest;
import software.amazon.awssdk.services.sqs.model.ListQueueTagsResponse;
import software.amazon.awssdk.services.sqs.model.ListQueuesRequest;
import software.amazon.awssdk.services.sqs.model.ListQueuesResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.PurgeQueueRequest;
import software.amazon.awssdk.services.sqs.model.PurgeQueueResponse;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageResponse;
import software.amazon.awssdk.services.sqs.model.SetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.SetQueueAttributesResponse;
import software.amazon.awssdk.services.sqs.model.TagQueueRequest;
import software.amazon.awssdk.services.sqs.model.TagQueueResponse;
import software.amazon.awssdk.services.sqs.model.UntagQueueRequest;
import software.amazon.awssdk.services.sqs.model.UntagQueueResponse;

/** The SQS operations over the SDK model (DESIGN §2). Thread-safe. */
public final class SqsProvider {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final int MAX_BATCH = 10;
    private static final int MAX_TAGS = 50;
    private static final List<String> MESSAGE_SYSTEM_ATTRIBUTES = List.of("SenderId", "SentTimestamp",
            "ApproximateReceiveCount", "ApproximateFirstReceiveTimestamp", "SequenceNumber", "MessageDeduplicationId",
            "MessageGroupId", "AWSTraceHeader", "DeadLetterQueueSourceArn");

    private final Queues queues;
    private final QueueRepository repo;

    public SqsProvider(Queues queues) {
        this.queues = queues;
        this.repo = queues.repository();
    }

    private Instant now() { return queues.clock().instant(); }

    // ---- queues

    public CreateQueueResponse createQueue(RequestContext ctx, CreateQueueRequest req) {
        String name = req.queueName();
        if (name == null || name.isEmpty()) throw SqsErrors.missing("QueueName");
        Map<String, String> given = req.attributesAsStrings();
        boolean fifo = "true".equalsIgnoreCase(given.get(QueueAttributes.FIFO));
        if (given.containsKey(QueueAttributes.FIFO) && !fifo && !"false".equalsIgnoreCase(given.get(QueueAttributes.FIFO))) {
            throw SqsErrors.invalidAttributeValue(QueueAttributes.FIFO);
        }
        boolean fifoName = name.endsWith(".fifo");
        String base = fifoName ? name.substring(0, name.length() - 5) : name;
        if (fifo && (!fifoName || !NAME.matcher(base).matches() || name.length() > 80)) {
            throw SqsErrors.invalidValue("The name of a FIFO queue can only include alphanumeric characters, hyphens,"
                    + " or underscores, must end with .fifo suffix and be 1 to 80 in length.");
        }
        if (!fifo && (fifoName || !NAME.matcher(name).matches())) {
            throw SqsErrors.invalidValue("Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
        }
        Map<String, String> tags = req.hasTags() ? req.tags() : Map.of();
        checkTags(tags, name);
        String account = ctx.accountId();
        Optional<Queue> existing = repo.find(account, ctx.region(), name);
        if (existing.isEmpty()) {
            Optional<Instant> deleted = repo.deletedAt(account, ctx.region(), name);
            if (deleted.isPresent() && deleted.get().plusSeconds(60).isAfter(now())) {
                throw SqsErrors.error(SqsErrors.QUEUE_DELETED_RECENTLY,
                        "You must wait 60 seconds after deleting a queue before you can create another with the same name.");
            }
            Map<String, String> attributes = QueueAttributes.forNewQueue(given, fifo, this::targetIsFifo);
            Instant now = now();
            Queue q = new Queue(Ids.uuid(), account, ctx.region(), name, fifo, attributes, now, now, null);
            if (repo.create(q, tags)) return CreateQueueResponse.builder().queueUrl(url(ctx, q)).build();
            existing = repo.find(account, ctx.region(), name);
            if (existing.isEmpty()) throw AwsException.internal("The queue was deleted while it was created.");
        }
        Queue q = existing.get();
        // Same name: fine when every given attribute has the queue's value, as on AWS.
        Map<String, String> normalized = QueueAttributes.forNewQueue(given, fifo, this::targetIsFifo);
        for (String key : given.keySet()) {
            String mine = key.equals(QueueAttributes.FIFO) ? (q.fifo() ? "true" : "false") : q.attribute(key);
            String theirs = key.equals(QueueAttributes.FIFO) ? (fifo ? "true" : "false") : normalized.get(key);
            if (!java.util.Objects.equals(mine, theirs)) {
                throw SqsErrors.error(SqsErrors.QUEUE_NAME_EXISTS,
                        "A queue already exists with the same name and a different value for attribute " + key);
            }
        }
        return CreateQueueResponse.builder().queueUrl(url(ctx, q)).build();
    }

    private Boolean targetIsFifo(String arn) {
        return queues.byArn(arn).map(Queue::fifo).orElse(null);
    }

    public GetQueueUrlResponse getQueueUrl(RequestContext ctx, GetQueueUrlRequest req) {
        if (req.queueName() == null || req.queueName().isEmpty()) throw SqsErrors.missing("QueueName");
        String account = req.queueOwnerAWSAccountId() == null || req.queueOwnerAWSAccountId().isEmpty()
                ? ctx.accountId() : req.queueOwnerAWSAccountId();
        Queue q = repo.find(account, ctx.region(), req.queueName()).orElseThrow(SqsErrors::queueDoesNotExist);
        return GetQueueUrlResponse.builder().queueUrl(url(ctx, q)).build();
    }

    public ListQueuesResponse listQueues(RequestContext ctx, ListQueuesRequest req) {
        List<Queue> all = repo.list(ctx.accountId(), ctx.region(), emptyToNull(req.queueNamePrefix()));
        Page<Queue> page = page(all, Queue::name, req.maxResults(), req.nextToken());
        return ListQueuesResponse.builder().queueUrls(page.items().stream().map(q -> url(ctx, q)).toList())
                .nextToken(page.next()).build();
    }

    public ListDeadLetterSourceQueuesResponse listDeadLetterSourceQueues(RequestContext ctx,
                                                                        ListDeadLetterSourceQueuesRequest req) {
        Queue target = resolve(ctx, req.queueUrl());
        List<Queue> sources = repo.list(target.accountId(), target.region(), null).stream().filter(q -> {
            QueueAttributes.Redrive r = QueueAttributes.redriveOf(q);
            return r != null && r.targetArn().equals(target.arn());
        }).toList();
        Page<Queue> page = page(sources, Queue::name, req.maxResults(), req.nextToken());
        return ListDeadLetterSourceQueuesResponse.builder()
                .queueUrls(page.items().stream().map(q -> url(ctx, q)).toList()).nextToken(page.next()).build();
    }

    public DeleteQueueResponse deleteQueue(RequestContext ctx, DeleteQueueRequest req) {
        Queue q = resolve(ctx, req.queueUrl());
        repo.delete(q, now());
        return DeleteQueueResponse.builder().build();
    }

    public GetQueueAttributesResponse getQueueAttributes(RequestContext ctx, GetQueueAttributesRequest req) {
        Queue q = resolve(ctx, req.queueUrl());
        List<String> names = req.attributeNamesAsStrings();
        Map<String, String> all = allAttributes(q);
        Map<String, String> out = new LinkedHashMap<>();
        for (String n : names) {
            if (n.equals("All")) {
                out.putAll(all);
            } else if (all.containsKey(n)) {
                out.put(n, all.get(n));
            } else if (!known(n, q)) {
                throw SqsErrors.invalidAttributeName(n);
            }
        }
        return GetQueueAttributesResponse.builder().attributesWithStrings(out).build();
    }

    private static boolean known(String name, Queue q) {
        if (QueueAttributes.READ_ONLY.contains(name)) return true;
        if (QueueAttributes.FIFO_ONLY.contains(name)) return q.fifo();
        return List.of(QueueAttributes.DELAY, QueueAttributes.MAX_SIZE, QueueAttributes.RETENTION, QueueAttributes.WAIT,
                QueueAttributes.VISIBILITY, QueueAttributes.POLICY, QueueAttributes.REDRIVE, QueueAttributes.REDRIVE_ALLOW,
                QueueAttributes.KMS_KEY, QueueAttributes.KMS_REUSE, QueueAttributes.SSE).contains(name);
    }

    Map<String, String> allAttributes(Queue q) {
        long[] counts = repo.counts(q.queueId(), now());
        Map<String, String> out = new TreeMap<>(q.attributes());
        out.put("QueueArn", q.arn());
        out.put("ApproximateNumberOfMessages", String.valueOf(counts[0]));
        out.put("ApproximateNumberOfMessagesNotVisible", String.valueOf(counts[1]));
        out.put("ApproximateNumberOfMessagesDelayed", String.valueOf(counts[2]));
        out.put("CreatedTimestamp", String.valueOf(q.createdAt().getEpochSecond()));
        out.put("LastModifiedTimestamp", String.valueOf(q.modifiedAt().getEpochSecond()));
        return out;
    }

    public SetQueueAttributesResponse setQueueAttributes(RequestContext ctx, SetQueueAttributesRequest req) {
        Queue q = resolve(ctx, req.queueUrl());
        Map<String, String> changes = req.attributesAsStrings();
        if (changes.isEmpty()) throw SqsErrors.missing("Attribute.Name");
        Map<String, String> next = QueueAttributes.apply(q.attributes(), changes, q.fifo(), arn -> {
            if (arn.equals(q.arn())) return null; // a queue cannot be its own dead-letter queue
            return targetIsFifo(arn);
        });
        repo.updateAttributes(q.queueId(), next, now());
        return SetQueueAttributesResponse.builder().build();
    }

    public PurgeQueueResponse purgeQueue(RequestContext ctx, PurgeQueueRequest req) {
        Queue q = resolve(ctx, req.queueUrl());
        Instant now = now();
        if (q.purgedAt() != null && q.purgedAt().plusSeconds(60).isAfter(now)) {
            throw new AwsException(SqsErrors.PURGE_IN_PROGRESS, 403,
                    "Only one PurgeQueue operation on " + q.name() + " is allowed every 60 seconds.");
        }
        repo.purge(q.queueId(), now);
        return PurgeQueueResponse.builder().build();
    }

    // ---- permissions

    public AddPermissionResponse addPermission(RequestContext ctx, AddPermissionRequest req) {
        Queue q = resolve(ctx, req.queueUrl());
        String label = req.label();
        if (label == null || label.isEmpty()) throw SqsErrors.missing("Label");
        if (!label.matches("[A-Za-z0-9_-]{1,80}")) {
            throw SqsErrors.invalidParameter(label, "Label", "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
        }
        if (!req.hasAwsAccountIds() || req.awsAccountIds().isEmpty()) throw SqsErrors.missing("AWSAccountId");
        if (!req.hasActions() || req.actions().isEmpty()) throw SqsErrors.missing("ActionName");
        List<String> actions = new ArrayList<>();
        for (String a : req.actions()) {
            if (!Set.of("*", "SendMessage", "ReceiveMessage", "DeleteMessage", "ChangeMessageVisibility",
                    "GetQueueAttributes", "GetQueueUrl", "ListDeadLetterSourceQueues", "PurgeQueue", "ListQueueTags")
                    .contains(a)) {
                throw SqsErrors.invalidParameter(a, "ActionName", "Only the queue owner is allowed to invoke this action.");
            }
            actions.add("SQS:" + a);
        }
        String next = dev.vigil.messaging.PolicyStatements.add(q.attribute(QueueAttributes.POLICY), q.arn() + "/SQSDefaultPolicy",
                label, req.awsAccountIds(), actions, q.arn());
        if (next == null) throw SqsErrors.invalidParameter(label, "Label", "Already exists.");
        Map<String, String> attrs = new LinkedHashMap<>(q.attributes());
        attrs.put(QueueAttributes.POLICY, next);
        repo.updateAttributes(q.queueId(), attrs, now());
        return AddPermissionResponse.builder().build();
    }

    public RemovePermissionResponse removePermission(RequestContext ctx, RemovePermissionRequest req) {
        Queue q = resolve(ctx, req.queueUrl());
        if (req.label() == null || req.label().isEmpty()) throw SqsErrors.missing("Label");
        String next = dev.vigil.messaging.PolicyStatements.remove(q.attribute(QueueAttributes.POLICY), req.label());
        if (next == null) {
            throw SqsErrors.invalidParameter(req.label(), "Label", "can't find label on existing policy.");
        }
        Map<String, String> attrs = new LinkedHashMap<>(q.attributes());
        if (next.isEmpty()) attrs.remove(QueueAttributes.POLICY);
        else attrs.put(QueueAttributes.POLICY, next);
        repo.updateAttributes(q.queueId(), attrs, now());
        return RemovePermissionResponse.builder().build();
    }

    // ---- tags

    public TagQueueResponse tagQueue(RequestContext ctx, TagQueueRequest req) {
        Queue q = resolve(ctx, req.queueUrl());
        Map<String, String> tags = req.hasTags() ? req.tags() : Map.of();
        if (tags.isEmpty()) throw SqsErrors.missing("Tags");
        checkTags(tags, q.name());
        Set<String> keys = new HashSet<>(repo.tags(q.queueId()).keySet());
        keys.addAll(tags.keySet());
        if (keys.size() > MAX_TAGS) throw SqsErrors.invalidValue("Too many tags added for queue " + q.name() + ".");
        repo.tag(q.queueId(), tags);
        return TagQueueResponse.builder().build();
    }

    public UntagQueueResponse untagQueue(RequestContext ctx, UntagQueueRequest req) {
        Queue q = resolve(ctx, req.queueUrl());
        if (!req.hasTagKeys() || req.tagKeys().isEmpty()) throw SqsErrors.missing("TagKeys");
        repo.untag(q.queueId(), req.tagKeys());
        return UntagQueueResponse.builder().build();
    }

    public ListQueueTagsResponse listQueueTags(RequestContext ctx, ListQueueTagsRequest req) {
        Queue q = resolve(ctx, req.queueUrl());
        SortedMap<String, String> tags = repo.tags(q.queueId());
        return ListQueueTagsResponse.builder().tags(tags.isEmpty() ? null : tags).build();
    }

    private static void checkTags(Map<String, String> tags, String queue) {
        if (tags.size() > MAX_TAGS) throw SqsErrors.invalidValue("Too many tags added for queue " + queue + ".");
        for (Map.Entry<String, String> t : tags.entrySet()) {
            if (t.getKey() == null || t.getKey().isEmpty() || t.getKey().length() > 128) {
                throw SqsErrors.invalidValue("Tag keys must be between 1 and 128 characters in length.");
            }
            if (t.getValue() == null || t.getValue().length() > 256) {
                throw SqsErrors.invalidValue("Tag values must be between 0 and 256 characters in length.");
            }
            if (t.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
                throw SqsErrors.invalidValue("Tag keys must not start with 'aws:'.");
            }
        }
    }

    // ---- messages

    public SendMessageResponse sendMessage(RequestContext ctx, SendMessageRequest req) {
        Queue q = resolve(ctx, req.queueUrl());
        Messages.Input in = new Messages.Input(req.messageBody(), req.delaySeconds(),
                Messages.attributes(req.messageAttributes()), Messages.traceHeader(req.messageSystemAttributesAsStrings()),
                req.messageGroupId(), req.messageDeduplicationId());
        StoredMessage m = queues.send(q, in, ctx.caller().principalId());
        return SendMessageResponse.builder().messageId(m.messageId()).md5OfMessageBody(m.bodyMd5())
                .md5OfMessageAttributes(m.attributesMd5()).md5OfMessageSystemAttributes(systemMd5(m.traceHeader()))
                .sequenceNumber(q.fifo() ? sequenceNumber(m) : null).build();
    }

    public SendMessageBatchResponse sendMessageBatch(RequestContext ctx, SendMessageBatchRequest req) {
        Queue q = resolve(ctx, req.queueUrl());
        List<SendMessageBatchRequestEntry> entries = req.hasEntries() ? req.entries() : List.of();
        checkBatch(entries.stream().map(SendMessageBatchRequestEntry::id).toList(), "SendMessageBatchRequestEntry");
        long total = 0;
        for (SendMessageBatchRequestEntry e : entries) {
            total += e.messageBody() == null ? 0 : e.messageBody().getBytes(StandardCharsets.UTF_8).length;
            for (Map.Entry<String, MessageAttributeValue> a : e.messageAttributes().entrySet()) {
                total += a.getKey().length() + (a.getValue().dataType() == null ? 0 : a.getValue().dataType().length())
                        + (a.getValue().stringValue() == null ? 0 : a.getValue().stringValue().getBytes(StandardCharsets.UTF_8).length)
                        + (a.getValue().binaryValue() == null ? 0 : a.getValue().binaryValue().asByteArray().length);
            }
        }
        int max = q.intAttribute(QueueAttributes.MAX_SIZE);
        if (total > max) {
            throw SqsErrors.error(SqsErrors.BATCH_TOO_LONG, "Batch requests cannot be longer than " + max
                    + " bytes. You have sent " + total + " bytes.");
        }
        List<SendMessageBatchResultEntry> ok = new ArrayList<>();
        List<BatchResultErrorEntry> failed = new ArrayList<>();
        for (SendMessageBatchRequestEntry e : entries) {
            try {
                Messages.Input in = new Messages.Input(e.messageBody(), e.delaySeconds(),
                        Messages.attributes(e.messageAttributes()), Messages.traceHeader(e.messageSystemAttributesAsStrings()),
                        e.messageGroupId(), e.messageDeduplicationId());
                StoredMessage m = queues.send(q, in, ctx.caller().principalId());
                ok.add(SendMessageBatchResultEntry.builder().id(e.id()).messageId(m.messageId())
                        .md5OfMessageBody(m.bodyMd5()).md5OfMessageAttributes(m.attributesMd5())
                        .md5OfMessageSystemAttributes(systemMd5(m.traceHeader()))
                        .sequenceNumber(q.fifo() ? sequenceNumber(m) : null).build());
            } catch (AwsException x) {
                failed.add(failure(e.id(), x));
            }
        }
        return SendMessageBatchResponse.builder().successful(ok).failed(failed).build();
    }

    /** Asynchronous: a long poll holds no server thread while it waits (see {@link LongPolls}). */
    public CompletionStage<ReceiveMessageResponse> receiveMessage(RequestContext ctx, ReceiveMessageRequest req) {
        Queue q = resolve(ctx, req.queueUrl());
        Integer max = req.maxNumberOfMessages();
        if (max != null && (max < 1 || max > 10)) {
            throw SqsErrors.invalidParameter(max, "MaxNumberOfMessages", "Must be between 1 and 10, if provided.");
        }
        Integer visibility = req.visibilityTimeout();
        if (visibility != null && (visibility < 0 || visibility > 43_200)) {
            throw SqsErrors.invalidParameter(visibility, "VisibilityTimeout", "Must be between 0 and 43200, if provided.");
        }
        Integer wait = req.waitTimeSeconds();
        if (wait != null && (wait < 0 || wait > 20)) {
            throw SqsErrors.invalidParameter(wait, "WaitTimeSeconds", "Must be >= 0 and <= 20, if provided.");
        }
        Set<String> system = new HashSet<>(req.attributeNamesAsStrings());
        system.addAll(req.messageSystemAttributeNamesAsStrings());
        List<String> attributeFilters = req.hasMessageAttributeNames() ? req.messageAttributeNames() : List.of();
        CompletableFuture<List<Queues.Received>> waiting = queues.receive(q, max == null ? 1 : max,
                visibility == null ? q.intAttribute(QueueAttributes.VISIBILITY) : visibility,
                Duration.ofSeconds(wait == null ? q.intAttribute(QueueAttributes.WAIT) : wait));
        CompletableFuture<ReceiveMessageResponse> out = waiting.thenApply(got -> {
            List<Message> messages = new ArrayList<>();
            for (Queues.Received r : got) messages.add(message(q, r, system, attributeFilters));
            // No messages: AWS sends an empty object, not an empty list.
            return ReceiveMessageResponse.builder().messages(messages.isEmpty() ? null : messages).build();
        });
        out.whenComplete((r, e) -> {
            if (out.isCancelled()) waiting.cancel(false); // the client went away: stop waiting
        });
        return out;
    }

    private static Message message(Queue q, Queues.Received r, Set<String> system, List<String> filters) {
        StoredMessage m = r.message();
        Map<String, String> attrs = new LinkedHashMap<>();
        boolean all = system.contains("All");
        for (String name : MESSAGE_SYSTEM_ATTRIBUTES) {
            if (!all && !system.contains(name)) continue;
            String v = switch (name) {
                case "SenderId" -> m.senderId();
                case "SentTimestamp" -> String.valueOf(m.sentAt().toEpochMilli());
                case "ApproximateReceiveCount" -> String.valueOf(m.receiveCount());
                case "ApproximateFirstReceiveTimestamp" -> String.valueOf(m.firstReceivedAt().toEpochMilli());
                case "SequenceNumber" -> q.fifo() ? sequenceNumber(m) : null;
                case "MessageDeduplicationId" -> m.dedupId();
                case "MessageGroupId" -> m.groupId();
                case "AWSTraceHeader" -> m.traceHeader();
                case "DeadLetterQueueSourceArn" -> m.dlqSourceArn();
                default -> null;
            };
            if (v != null) attrs.put(name, v);
        }
        Map<String, MessageAttribute> selected = new TreeMap<>();
        m.attributes().forEach((k, v) -> {
            if (selectedBy(k, filters)) selected.put(k, v);
        });
        Map<String, MessageAttributeValue> sdkAttrs = new LinkedHashMap<>();
        selected.forEach((k, v) -> sdkAttrs.put(k, Messages.toSdk(v)));
        return Message.builder().messageId(m.messageId()).receiptHandle(r.receiptHandle()).md5OfBody(m.bodyMd5())
                .body(m.body()).attributesWithStrings(attrs.isEmpty() ? null : attrs)
                .md5OfMessageAttributes(Md5.ofAttributes(selected))
                .messageAttributes(sdkAttrs.isEmpty() ? null : sdkAttrs).build();
    }

    /** "All", ".*", a name, or a "prefix.*". */
    private static boolean selectedBy(String name, List<String> filters) {
        for (String f : filters) {
            if (f.equals("All") || f.equals(".*") || f.equals(name)) return true;
            if (f.endsWith(".*") && name.startsWith(f.substring(0, f.length() - 1))) return true;
        }
        return false;
    }

    public DeleteMessageResponse deleteMessage(RequestContext ctx, DeleteMessageRequest req) {
        Queue q = resolve(ctx, req.queueUrl());
        delete(q, req.receiptHandle());
        return DeleteMessageResponse.builder().build();
    }

    private void delete(Queue q, String handle) {
        ReceiptHandles.Handle h = ReceiptHandles.decode(handle);
        if (!h.queueId().equals(q.queueId())) throw SqsErrors.receiptHandleInvalid(handle);
        // A stale handle of a message that still exists deletes it too; AWS allows either outcome.
        repo.deleteMessage(q.queueId(), h.messageId());
    }

    public DeleteMessageBatchResponse deleteMessageBatch(RequestContext ctx, DeleteMessageBatchRequest req) {
        Queue q = resolve(ctx, req.queueUrl());
        List<DeleteMessageBatchRequestEntry> entries = req.hasEntries() ? req.entries() : List.of();
        checkBatch(entries.stream().map(DeleteMessageBatchRequestEntry::id).toList(), "DeleteMessageBatchRequestEntry");
        List<DeleteMessageBatchResultEntry> ok = new ArrayList<>();
        List<BatchResultErrorEntry> failed = new ArrayList<>();
        for (DeleteMessageBatchRequestEntry e : entries) {
            try {
                delete(q, e.receiptHandle());
                ok.add(DeleteMessageBatchResultEntry.builder().id(e.id()).build());
            } catch (AwsException x) {
                failed.add(failure(e.id(), x));
            }
        }
        return DeleteMessageBatchResponse.builder().successful(ok).failed(failed).build();
    }

    public ChangeMessageVisibilityResponse changeMessageVisibility(RequestContext ctx, ChangeMessageVisibilityRequest req) {
        Queue q = resolve(ctx, req.queueUrl());
        changeVisibility(q, req.receiptHandle(), req.visibilityTimeout());
        return ChangeMessageVisibilityResponse.builder().build();
    }

    private void changeVisibility(Queue q, String handle, Integer timeout) {
        if (timeout == null) throw SqsErrors.missing("VisibilityTimeout");
        if (timeout < 0 || timeout > 43_200) {
            throw SqsErrors.invalidParameter(timeout, "VisibilityTimeout", "Must be between 0 and 43200.");
        }
        ReceiptHandles.Handle h = ReceiptHandles.decode(handle);
        if (!h.queueId().equals(q.queueId())) throw SqsErrors.receiptHandleInvalid(handle);
        Optional<StoredMessage> m = repo.message(q.queueId(), h.messageId());
        Instant now = now();
        if (m.isEmpty() || !h.receipt().equals(m.get().receipt())) {
            throw SqsErrors.invalidParameter(handle, "ReceiptHandle",
                    "Message does not exist or is not available for visibility timeout change.");
        }
        if (m.get().firstReceivedAt() != null && now.plusSeconds(timeout).isAfter(m.get().firstReceivedAt().plus(Duration.ofHours(12)))) {
            throw SqsErrors.invalidParameter(timeout, "VisibilityTimeout",
                    "Total VisibilityTimeout for the message is beyond the limit [43200 seconds]");
        }
        if (!repo.changeVisibility(q.queueId(), h.messageId(), h.receipt(), now.plusSeconds(timeout))) {
            throw SqsErrors.error(SqsErrors.MESSAGE_NOT_INFLIGHT, "The message referred to isn't in flight.");
        }
        if (timeout == 0) queues.signalArrival(q.queueId());
    }

    public ChangeMessageVisibilityBatchResponse changeMessageVisibilityBatch(RequestContext ctx,
                                                                            ChangeMessageVisibilityBatchRequest req) {
        Queue q = resolve(ctx, req.queueUrl());
        List<ChangeMessageVisibilityBatchRequestEntry> entries = req.hasEntries() ? req.entries() : List.of();
        checkBatch(entries.stream().map(ChangeMessageVisibilityBatchRequestEntry::id).toList(),
                "ChangeMessageVisibilityBatchRequestEntry");
        List<ChangeMessageVisibilityBatchResultEntry> ok = new ArrayList<>();
        List<BatchResultErrorEntry> failed = new ArrayList<>();
        for (ChangeMessageVisibilityBatchRequestEntry e : entries) {
            try {
                changeVisibility(q, e.receiptHandle(), e.visibilityTimeout());
                ok.add(ChangeMessageVisibilityBatchResultEntry.builder().id(e.id()).build());
            } catch (AwsException x) {
                failed.add(failure(e.id(), x));
            }
        }
        return ChangeMessageVisibilityBatchResponse.builder().successful(ok).failed(failed).build();
    }

    // ---- helpers

    private static void checkBatch(List<String> ids, String entryName) {
        if (ids.isEmpty()) {
            throw SqsErrors.error(SqsErrors.EMPTY_BATCH, "There should be at least one " + entryName + " in the request.");
        }
        if (ids.size() > MAX_BATCH) {
            throw SqsErrors.error(SqsErrors.TOO_MANY_ENTRIES, "Maximum number of entries per request are " + MAX_BATCH
                    + ". You have sent " + ids.size() + ".");
        }
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (id == null || !BATCH_ID.matcher(id).matches()) {
                throw SqsErrors.error(SqsErrors.INVALID_BATCH_ID, "A batch entry id can only contain alphanumeric"
                        + " characters, hyphens and underscores. It can be at most 80 letters long.");
            }
            if (!seen.add(id)) throw SqsErrors.error(SqsErrors.BATCH_IDS_NOT_DISTINCT, "Id " + id + " repeated.");
        }
    }

    private static BatchResultErrorEntry failure(String id, AwsException x) {
        return BatchResultErrorEntry.builder().id(id).senderFault(x.senderFault()).code(x.code())
                .message(x.getMessage()).build();
    }

    private static String sequenceNumber(StoredMessage m) {
        return String.format("%020d", m.seq());
    }

    private static String systemMd5(String traceHeader) {
        return traceHeader == null ? null : Md5.ofAttributes(Map.of("AWSTraceHeader", MessageAttribute.string(traceHeader)));
    }

    private Queue resolve(RequestContext ctx, String queueUrl) {
        QueueUrls.Ref ref = QueueUrls.parse(queueUrl);
        return repo.find(ref.accountId(), ctx.region(), ref.name()).orElseThrow(SqsErrors::queueDoesNotExist);
    }

    private static String url(RequestContext ctx, Queue q) {
        return QueueUrls.url(ctx, q.accountId(), q.name());
    }

    private static String emptyToNull(String s) { return s == null || s.isEmpty() ? null : s; }

    record Page<T>(List<T> items, String next) {}

    /** Without MaxResults: the first 1000 and no token, as AWS does; with it, pages keyed by the last name. */
    static <T> Page<T> page(List<T> sorted, Function<T, String> key, Integer maxResults, String token) {
        if (maxResults != null && (maxResults < 1 || maxResults > 1000)) {
            throw SqsErrors.invalidParameter(maxResults, "MaxResults", "MaxResults must be an integer between 1 and 1000.");
        }
        String after = null;
        if (token != null && !token.isEmpty()) {
            try {
                after = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw SqsErrors.invalidParameter(token, "NextToken", "Invalid NextToken value.");
            }
        }
        List<T> rest = new ArrayList<>();
        for (T t : sorted) if (after == null || key.apply(t).compareTo(after) > 0) rest.add(t);
        int limit = maxResults == null ? 1000 : maxResults;
        if (rest.size() <= limit) return new Page<>(rest, null);
        List<T> items = rest.subList(0, limit);
        String next = maxResults == null ? null : Base64.getUrlEncoder().withoutPadding()
                .encodeToString(key.apply(items.get(items.size() - 1)).getBytes(StandardCharsets.UTF_8));
        return new Page<>(items, next);
    }
}
