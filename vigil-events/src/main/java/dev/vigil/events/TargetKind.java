package dev.vigil.events;

import dev.vigil.core.Arn;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a target ARN names, as routing and delivery treat it. Remembered per ARN: every event and every delivery asks
 * this of the same few target ARNs, and parsing them each time was a tenth of PutEvents' CPU. Thread-safe.
 */
enum TargetKind {
    QUEUE_OR_TOPIC, BUS, API_DESTINATION, LOG_GROUP, UNDELIVERABLE;

    /** Bounds the memory of ARNs seen (they also come from requests); past it the memory starts over. */
    private static final int MAX_REMEMBERED = 10_000;
    private static final Map<String, TargetKind> KNOWN = new ConcurrentHashMap<>();

    static TargetKind of(String arn) {
        if (arn == null) return UNDELIVERABLE;
        TargetKind kind = KNOWN.get(arn);
        if (kind == null) {
            kind = classify(arn);
            if (KNOWN.size() >= MAX_REMEMBERED) KNOWN.clear();
            KNOWN.put(arn, kind);
        }
        return kind;
    }

    private static TargetKind classify(String arn) {
        Arn a;
        try {
            a = Arn.parse(arn);
        } catch (IllegalArgumentException e) {
            return UNDELIVERABLE;
        }
        return switch (a.service()) {
            case "sqs", "sns" -> QUEUE_OR_TOPIC;
            case "events" -> a.resource().startsWith("event-bus/") ? BUS
                    : a.resource().startsWith("api-destination/") ? API_DESTINATION : UNDELIVERABLE;
            case "logs" -> a.resource().startsWith("log-group:") ? LOG_GROUP : UNDELIVERABLE;
            default -> UNDELIVERABLE;
        };
    }
}
