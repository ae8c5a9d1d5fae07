package dev.vigil.messaging.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.Arn;
import dev.vigil.messaging.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SQS's queue attributes: which exist, which are settable, their defaults and AWS's validation ranges
 * (SetQueueAttributes documentation). Stateless.
 */
final class QueueAttributes {
    static final String DELAY = "DelaySeconds";
    static final String MAX_SIZE = "MaximumMessageSize";
    static final String RETENTION = "MessageRetentionPeriod";
    static final String WAIT = "ReceiveMessageWaitTimeSeconds";
    static final String VISIBILITY = "VisibilityTimeout";
    static final String POLICY = "Policy";
    static final String REDRIVE = "RedrivePolicy";
    static final String REDRIVE_ALLOW = "RedriveAllowPolicy";
    static final String KMS_KEY = "KmsMasterKeyId";
    static final String KMS_REUSE = "KmsDataKeyReusePeriodSeconds";
    static final String SSE = "SqsManagedSseEnabled";
    static final String FIFO = "FifoQueue";
    static final String CONTENT_DEDUP = "ContentBasedDeduplication";
    static final String DEDUP_SCOPE = "DeduplicationScope";
    static final String THROUGHPUT = "FifoThroughputLimit";

    static final int MAX_MESSAGE_BYTES = 262_144;

    /** Computed on read, never set. */
    static final List<String> READ_ONLY = List.of("QueueArn", "ApproximateNumberOfMessages",
            "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed", "CreatedTimestamp",
            "LastModifiedTimestamp");
    static final Set<String> FIFO_ONLY = Set.of(FIFO, CONTENT_DEDUP, DEDUP_SCOPE, THROUGHPUT);
    private static final Set<String> SETTABLE = Set.of(DELAY, MAX_SIZE, RETENTION, WAIT, VISIBILITY, POLICY,
            REDRIVE, REDRIVE_ALLOW, KMS_KEY, KMS_REUSE, SSE, CONTENT_DEDUP, DEDUP_SCOPE, THROUGHPUT);

    private QueueAttributes() {}

    /** The attributes of a new queue: defaults, then the given ones (validated). */
    static Map<String, String> forNewQueue(Map<String, String> given, boolean fifo, RedriveCheck redrive) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(VISIBILITY, "30");
        out.put(MAX_SIZE, String.valueOf(MAX_MESSAGE_BYTES));
        out.put(RETENTION, "345600");
        out.put(DELAY, "0");
        out.put(WAIT, "0");
        out.put(SSE, "true");
        if (fifo) {
            out.put(FIFO, "true");
            out.put(CONTENT_DEDUP, "false");
            out.put(DEDUP_SCOPE, "queue");
            out.put(THROUGHPUT, "perQueue");
        }
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (e.getKey().equals(FIFO)) continue; // decided by the caller from the name and this value
            out.put(e.getKey(), validate(e.getKey(), e.getValue(), fifo, redrive));
        }
        if (out.containsKey(KMS_KEY) && !given.containsKey(SSE)) out.put(SSE, "false");
        return out;
    }

    /** Applies SetQueueAttributes changes to the current attributes. */
    static Map<String, String> apply(Map<String, String> current, Map<String, String> changes, boolean fifo,
                                     RedriveCheck redrive) {
        Map<String, String> out = new LinkedHashMap<>(current);
        for (Map.Entry<String, String> e : changes.entrySet()) {
            if (e.getKey().equals(FIFO)) {
                if (!fifo) throw SqsErrors.invalidAttributeName(FIFO);
                if (!"true".equalsIgnoreCase(e.getValue())) throw SqsErrors.invalidAttributeValue(FIFO);
                continue;
            }
            String v = validate(e.getKey(), e.getValue(), fifo, redrive);
            // An empty policy removes it, as on AWS.
            if (v.isEmpty() && (e.getKey().equals(POLICY) || e.getKey().equals(REDRIVE) || e.getKey().equals(REDRIVE_ALLOW)
                    || e.getKey().equals(KMS_KEY))) {
                out.remove(e.getKey());
            } else {
                out.put(e.getKey(), v);
            }
        }
        return out;
    }

    /** Validates one settable attribute; returns its normalized value. */
    static String validate(String name, String value, boolean fifo, RedriveCheck redrive) {
        if (READ_ONLY.contains(name) || !SETTABLE.contains(name)) throw SqsErrors.invalidAttributeName(name);
        if (!fifo && FIFO_ONLY.contains(name)) throw SqsErrors.invalidAttributeName(name);
        String v = value == null ? "" : value.trim();
        return switch (name) {
            case DELAY -> range(name, v, 0, 900);
            case MAX_SIZE -> range(name, v, 1024, MAX_MESSAGE_BYTES);
            case RETENTION -> range(name, v, 60, 1_209_600);
            case WAIT -> range(name, v, 0, 20);
            case VISIBILITY -> range(name, v, 0, 43_200);
            case KMS_REUSE -> range(name, v, 60, 86_400);
            case SSE, CONTENT_DEDUP -> bool(name, v);
            case DEDUP_SCOPE -> oneOf(name, v, "messageGroup", "queue");
            case THROUGHPUT -> oneOf(name, v, "perQueue", "perMessageGroupId");
            case POLICY -> policy(v);
            case REDRIVE -> redrive(v, fifo, redrive);
            case REDRIVE_ALLOW -> redriveAllow(v);
            default -> v;
        };
    }

    /** Checks a RedrivePolicy's target: it must exist and be of the source's type. */
    @FunctionalInterface
    interface RedriveCheck {
        /** @return null when the target queue does not exist, else whether it is FIFO */
        Boolean targetIsFifo(String arn);
    }

    private static String range(String name, String v, long min, long max) {
        try {
            long n = Long.parseLong(v);
            if (n < min || n > max) throw SqsErrors.invalidAttributeValue(name);
            return String.valueOf(n);
        } catch (NumberFormatException e) {
            throw SqsErrors.invalidAttributeValue(name);
        }
    }

    private static String bool(String name, String v) {
        String lower = v.toLowerCase(Locale.ROOT);
        if (!lower.equals("true") && !lower.equals("false")) throw SqsErrors.invalidAttributeValue(name);
        return lower;
    }

    private static String oneOf(String name, String v, String... allowed) {
        for (String a : allowed) if (a.equals(v)) return v;
        throw SqsErrors.invalidAttributeValue(name);
    }

    private static String policy(String v) {
        if (v.isEmpty()) return v;
        JsonNode doc = Json.tryParse(v);
        if (doc == null || !doc.isObject() || !doc.has("Statement")) throw SqsErrors.invalidAttributeValue(POLICY);
        return v;
    }

    private static String redrive(String v, boolean fifo, RedriveCheck check) {
        if (v.isEmpty()) return v;
        JsonNode doc = Json.tryParse(v);
        if (doc == null || !doc.isObject()) {
            throw SqsErrors.invalidParameter(v, REDRIVE, "Redrive policy is not a valid JSON map.");
        }
        JsonNode target = doc.get("deadLetterTargetArn");
        JsonNode count = doc.get("maxReceiveCount");
        if (target == null || !target.isTextual()) {
            throw SqsErrors.invalidParameter(v, REDRIVE, "Redrive policy does not contain mandatory attribute: deadLetterTargetArn.");
        }
        if (count == null) {
            throw SqsErrors.invalidParameter(v, REDRIVE, "Redrive policy does not contain mandatory attribute: maxReceiveCount.");
        }
        int n;
        try {
            n = count.isNumber() ? count.intValue() : Integer.parseInt(count.asText());
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 1 || n > 1000) {
            throw SqsErrors.invalidParameter(v, REDRIVE, "Invalid value for maxReceiveCount: " + count.asText()
                    + ", valid values are from 1 to 1000 both inclusive.");
        }
        if (!Arn.isArn(target.asText())) {
            throw SqsErrors.invalidParameter(v, REDRIVE, "Invalid value for deadLetterTargetArn.");
        }
        Boolean targetFifo = check.targetIsFifo(target.asText());
        if (targetFifo == null) throw SqsErrors.invalidParameter(v, REDRIVE, "Dead letter target does not exist.");
        if (targetFifo != fifo) {
            throw SqsErrors.invalidParameter(v, REDRIVE, "Dead-letter queue must be same type of queue as the source..");
        }
        return Json.write(Map.of("deadLetterTargetArn", target.asText(), "maxReceiveCount", n));
    }

    private static String redriveAllow(String v) {
        if (v.isEmpty()) return v;
        JsonNode doc = Json.tryParse(v);
        String permission = doc == null ? null : doc.path("redrivePermission").asText(null);
        if (permission == null || !Set.of("allowAll", "denyAll", "byQueue").contains(permission)) {
            throw SqsErrors.invalidParameter(v, REDRIVE_ALLOW, "Amazon SQS can't create the redrive allow policy, as it’s in an unsupported format.");
        }
        return v;
    }

    /** maxReceiveCount and target of a stored RedrivePolicy, or null. */
    static Redrive redriveOf(Queue q) {
        String v = q.attribute(REDRIVE);
        if (v == null) return null;
        JsonNode doc = Json.tryParse(v);
        return doc == null ? null : new Redrive(doc.path("deadLetterTargetArn").asText(), doc.path("maxReceiveCount").asInt());
    }

    record Redrive(String targetArn, int maxReceiveCount) {}
}
