package dev.vigil.messaging.sqs;

import dev.vigil.core.Arn;
import dev.vigil.core.Ids;
import dev.vigil.messaging.Md5;
import dev.vigil.messaging.MessageAttribute;
import java.util.Map;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue engine shared by the SQS operations and the internal deliveries (SNS, the message sink):
 * sending (delays, FIFO deduplication), receiving (visibility, FIFO group order, redrive to a dead-letter
 * queue, long polling). Thread-safe.
 */
public final class Queues {
    private static final Logger LOG = LoggerFactory.getLogger(Queues.class);
    static final Duration DEDUP_WINDOW = Duration.ofMinutes(5);

    /** One received message: the stored state after this receive, and its receipt handle. */
    record Received(StoredMessage message, String receiptHandle) {}

    private final QueueRepository repo;
    private final Clock clock;
    private final LongPolls longPolls = new LongPolls(this);
    private final Sequencer sequencer = new Sequencer();

    public Queues(QueueRepository repo, Clock clock) {
        this.repo = repo;
        this.clock = clock;
    }

    QueueRepository repository() { return repo; }

    Clock clock() { return clock; }

    /** The queue an ARN names, if it exists. */
    public Optional<Queue> byArn(String arn) {
        if (!Arn.isArn(arn)) return Optional.empty();
        Arn a = Arn.parse(arn);
        if (!a.service().equals("sqs")) return Optional.empty();
        return repo.find(a.accountId(), a.region(), a.resource());
    }

    /**
     * An internal delivery (SNS, the message sink), after its policy check: returns the message id.
     *
     * @throws dev.vigil.core.AwsException QueueDoesNotExist, or the send's validation errors
     */
    public String deliver(String queueArn, String body, Map<String, MessageAttribute> attributes, String groupId,
                          String dedupId, String senderId) {
        Queue q = byArn(queueArn).orElseThrow(SqsErrors::queueDoesNotExist);
        if (q.fifo() && groupId == null) groupId = "default";
        if (!q.fifo()) {
            groupId = null;
            dedupId = null;
        }
        return send(q, new Messages.Input(body, null, attributes, null, groupId, dedupId), senderId).messageId();
    }

    /**
     * Internal deliveries of several bodies without attributes to one queue, after their policy check: a standard
     * queue stores the valid ones in one transaction; answers per body null (stored) or why not.
     */
    public List<RuntimeException> deliverAll(String queueArn, List<String> bodies, String senderId) {
        Queue q = byArn(queueArn).orElse(null);
        if (q == null) return java.util.Collections.nCopies(bodies.size(), SqsErrors.queueDoesNotExist());
        List<RuntimeException> outcomes = new ArrayList<>(bodies.size());
        if (q.fifo()) {
            for (String body : bodies) {
                try {
                    send(q, new Messages.Input(body, null, Map.of(), null, "default", null), senderId);
                    outcomes.add(null);
                } catch (RuntimeException refused) {
                    outcomes.add(refused);
                }
            }
            return outcomes;
        }
        Instant now = clock.instant();
        int delay = q.intAttribute(QueueAttributes.DELAY);
        int maxSize = q.intAttribute(QueueAttributes.MAX_SIZE);
        List<StoredMessage> valid = new ArrayList<>(bodies.size());
        List<Integer> validAt = new ArrayList<>(bodies.size());
        for (String body : bodies) {
            Messages.Input in = new Messages.Input(body, null, Map.of(), null, null, null);
            try {
                Messages.validate(in, maxSize);
                valid.add(message(q, in, senderId, now, delay, null, null));
                validAt.add(outcomes.size());
                outcomes.add(null);
            } catch (RuntimeException refused) {
                outcomes.add(refused);
            }
        }
        if (valid.isEmpty()) return outcomes;
        try {
            repo.insertAll(valid);
        } catch (RuntimeException storeFailure) {
            for (int i : validAt) outcomes.set(i, storeFailure);
            return outcomes;
        }
        if (delay == 0) longPolls.wake(q.queueId());
        return outcomes;
    }

    /** Validates and stores a message; for a FIFO duplicate, returns the earlier message. */
    StoredMessage send(Queue q, Messages.Input in, String senderId) {
        Messages.validate(in, q.intAttribute(QueueAttributes.MAX_SIZE));
        Instant now = clock.instant();
        String groupId = in.groupId();
        String dedupId = in.dedupId();
        String dedupScope = null;
        int delay;
        if (q.fifo()) {
            if (in.delaySeconds() != null) {
                throw SqsErrors.invalidParameter(in.delaySeconds(), "DelaySeconds",
                        "The request include parameter that is not valid for this queue type.");
            }
            if (groupId == null || groupId.isEmpty()) throw SqsErrors.missing("MessageGroupId");
            checkToken(groupId, "MessageGroupId");
            if (dedupId == null) {
                if (!q.flag(QueueAttributes.CONTENT_DEDUP)) {
                    throw SqsErrors.invalidValue("The queue should either have ContentBasedDeduplication enabled or"
                            + " MessageDeduplicationId provided explicitly");
                }
                dedupId = sha256(in.body());
            } else {
                checkToken(dedupId, "MessageDeduplicationId");
            }
            dedupScope = "messageGroup".equals(q.attribute(QueueAttributes.DEDUP_SCOPE)) ? groupId : "";
            delay = q.intAttribute(QueueAttributes.DELAY);
        } else {
            if (dedupId != null) {
                throw SqsErrors.invalidParameter(dedupId, "MessageDeduplicationId",
                        "The request includes a parameter that is not valid for this queue type.");
            }
            if (groupId != null) checkToken(groupId, "MessageGroupId");
            Integer d = in.delaySeconds();
            if (d != null && (d < 0 || d > 900)) {
                throw SqsErrors.invalidParameter(d, "DelaySeconds", "DelaySeconds must be >= 0 and <= 900.");
            }
            delay = d != null ? d : q.intAttribute(QueueAttributes.DELAY);
        }
        StoredMessage m = message(q, in, senderId, now, delay, groupId, dedupId);
        StoredMessage stored = repo.enqueue(m, dedupScope, now, now.plus(DEDUP_WINDOW));
        if (delay == 0) longPolls.wake(q.queueId());
        return stored;
    }

    private StoredMessage message(Queue q, Messages.Input in, String senderId, Instant now, int delay, String groupId,
                                  String dedupId) {
        return new StoredMessage(q.queueId(), Ids.uuid(), sequencer.next(now), in.body(), Md5.ofText(in.body()),
                in.attributes(), Md5.ofAttributes(in.attributes()), in.traceHeader(), senderId, now,
                now.plusSeconds(delay), 0, null, null, groupId, q.fifo() ? dedupId : null, null);
    }

    private static void checkToken(String value, String parameter) {
        if (value.length() > 128 || !value.chars().allMatch(c -> c >= 33 && c <= 126)) {
            throw SqsErrors.invalidParameter(value, parameter, parameter + " can only include alphanumeric and"
                    + " punctuation characters. 1 to 128 in length.");
        }
    }

    /**
     * Receives up to {@code max} messages; when there are none, waits up to {@code wait} (wall time: the client is
     * waiting) for the first to arrive without holding a thread. Cancelling the result ends the wait.
     */
    java.util.concurrent.CompletableFuture<List<Received>> receive(Queue q, int max, int visibilitySeconds, Duration wait) {
        List<Received> got = receiveNow(q, max, visibilitySeconds);
        if (!got.isEmpty() || wait.isZero()) return java.util.concurrent.CompletableFuture.completedFuture(got);
        return longPolls.await(q, max, visibilitySeconds, wait);
    }

    /** Long polls waiting on this node now. */
    int waitingReceives() { return longPolls.waiting(); }

    /** The node stops: waiting receives answer now, with no messages. */
    public void close() { longPolls.close(); }

    List<Received> receiveNow(Queue q, int max, int visibilitySeconds) {
        QueueAttributes.Redrive redrive = QueueAttributes.redriveOf(q);
        Queue dlq = redrive == null ? null : byArn(redrive.targetArn()).orElse(null);
        Queue queue = q;
        if (q.fifo()) return repo.lockedForReceive(q.queueId(), () -> pick(queue, max, visibilitySeconds, redrive, dlq));
        return pick(q, max, visibilitySeconds, redrive, dlq);
    }

    private List<Received> pick(Queue q, int max, int visibilitySeconds, QueueAttributes.Redrive redrive, Queue dlq) {
        Instant now = clock.instant();
        Instant until = now.plusSeconds(visibilitySeconds);
        Set<String> blocked = q.fifo() ? repo.inFlightGroups(q.queueId(), now) : new HashSet<>();
        List<Received> out = new ArrayList<>();
        for (StoredMessage m : repo.visible(q.queueId(), now, max * 5 + 10)) {
            if (out.size() == max) break;
            if (q.fifo() && blocked.contains(m.groupId())) continue;
            if (redrive != null && dlq != null && m.receiveCount() >= redrive.maxReceiveCount()) {
                if (repo.moveToDeadLetter(m, dlq.queueId(), q.arn(), now)) {
                    LOG.debug("message {} moved from {} to {}", m.messageId(), q.arn(), dlq.arn());
                    longPolls.wake(dlq.queueId());
                }
                continue;
            }
            String receipt = Ids.uuid().replace("-", "");
            if (repo.claim(m, now, until, receipt)) {
                StoredMessage taken = new StoredMessage(m.queueId(), m.messageId(), m.seq(), m.body(), m.bodyMd5(),
                        m.attributes(), m.attributesMd5(), m.traceHeader(), m.senderId(), m.sentAt(), until,
                        m.receiveCount() + 1, m.firstReceivedAt() == null ? now : m.firstReceivedAt(), receipt,
                        m.groupId(), m.dedupId(), m.dlqSourceArn());
                out.add(new Received(taken, ReceiptHandles.encode(q.queueId(), m.messageId(), receipt)));
            } else if (q.fifo()) {
                blocked.add(m.groupId()); // someone else holds this group now: its order must not be overtaken
            }
        }
        return out;
    }

    private static String sha256(String body) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The retention sweep: messages older than their queue's MessageRetentionPeriod go. */
    public void expire() {
        Instant now = clock.instant();
        for (Queue q : repo.all()) {
            int n = repo.expire(q.queueId(), now.minusSeconds(q.intAttribute(QueueAttributes.RETENTION)));
            if (n > 0) LOG.debug("{} messages of {} expired", n, q.arn());
        }
        repo.sweep(now, now.minusSeconds(60));
    }

    /** A message became visible now (visibility set to 0): wake this node's receivers. */
    void signalArrival(String queueId) { longPolls.wake(queueId); }
}
