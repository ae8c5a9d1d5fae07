package dev.vigil.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.Arn;
import dev.vigil.core.spi.LogSink;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * CloudWatch Logs log-group targets ({@code arn:aws:logs:<region>:<account>:log-group:<name>}): each event becomes
 * one log event in a stream named after the event's id, stamped with the event's time, written through the
 * {@link LogSink} as events.amazonaws.com (the group's resource policy decides). An input transformer's output of
 * the form {@code {"timestamp": <ms or ISO time>, "message": <text>}} gives the log event's own time and message, as
 * AWS documents for this target; any other input is the message as it is. Stateless.
 */
final class LogTargets {
    private LogTargets() {}

    static boolean isLogGroup(String arn) {
        return TargetKind.of(arn) == TargetKind.LOG_GROUP;
    }

    static String params(JsonNode event) {
        var p = EventEnvelope.JSON.createObjectNode();
        p.put("EventId", event.path("id").asText(""));
        p.put("EventTime", event.path("time").asText(""));
        return EventEnvelope.text(p);
    }

    static void deliver(LogSink sink, OutboxEntry e) {
        String stream = "";
        long timestamp = e.eventTime().toEpochMilli();
        if (e.targetParams() != null) {
            try {
                JsonNode p = EventEnvelope.JSON.readTree(e.targetParams());
                stream = p.path("EventId").asText("");
                timestamp = parseTime(p.path("EventTime"), timestamp);
            } catch (JsonProcessingException unreadable) {
                // the defaults stand
            }
        }
        if (stream.isEmpty()) stream = "events-" + e.id();
        String message = e.body();
        try {
            JsonNode n = EventEnvelope.JSON.readTree(e.body());
            if (n != null && n.isObject() && n.size() == 2 && n.has("timestamp") && n.has("message")) {
                timestamp = parseTime(n.get("timestamp"), timestamp);
                JsonNode m = n.get("message");
                message = m.isTextual() ? m.asText() : EventEnvelope.text(m);
            }
        } catch (JsonProcessingException plainText) {
            // a plain-text input is the message
        }
        String group = Arn.parse(e.targetArn()).toString();
        if (group.endsWith(":*")) group = group.substring(0, group.length() - 2);
        sink.write(Deliveries.PRINCIPAL, e.ruleArn(), group, stream, timestamp, message);
    }

    private static long parseTime(JsonNode n, long fallback) {
        if (n == null || n.isMissingNode() || n.isNull()) return fallback;
        if (n.isNumber()) return n.asLong();
        String text = n.asText("");
        if (text.isEmpty()) return fallback;
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException notNumber) {
                return fallback;
            }
        }
    }
}
