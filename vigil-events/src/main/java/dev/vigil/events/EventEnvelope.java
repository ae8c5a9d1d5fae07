package dev.vigil.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The JSON envelope EventBridge wraps every event in ({@code version}, {@code id}, {@code detail-type},
 * {@code source}, {@code account}, {@code time}, {@code region}, {@code resources}, {@code detail}), and the checks
 * TestEventPattern makes on a caller's event. Stateless.
 */
final class EventEnvelope {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TEST_REQUIRED = List.of("id", "account", "source", "time", "region",
            "detail-type");

    private EventEnvelope() {}

    /** The event as EventBridge delivers it; {@code detail} is already a parsed JSON object. */
    static ObjectNode build(String id, String detailType, String source, String account, Instant time, String region,
                            List<String> resources, JsonNode detail) {
        ObjectNode e = JSON.createObjectNode();
        e.put("version", "0");
        e.put("id", id);
        e.put("detail-type", detailType);
        e.put("source", source);
        e.put("account", account);
        e.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        e.put("region", region);
        ArrayNode res = e.putArray("resources");
        if (resources != null) resources.forEach(res::add);
        e.set("detail", detail);
        return e;
    }

    static String text(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A TestEventPattern event: a JSON object with every envelope field; answers it unchanged. */
    static String validateTestEvent(String event) {
        JsonNode node;
        try {
            node = JSON.readTree(event);
        } catch (JsonProcessingException e) {
            throw EventsErrors.validation("Parameter Event is not valid.");
        }
        if (node == null || !node.isObject()) throw EventsErrors.validation("Parameter Event is not valid.");
        for (String field : TEST_REQUIRED) {
            if (!node.hasNonNull(field) || !node.get(field).isTextual()) {
                throw EventsErrors.validation("Parameter Event is not valid.");
            }
        }
        if (!node.has("resources") || !node.get("resources").isArray()) {
            throw EventsErrors.validation("Parameter Event is not valid.");
        }
        return event;
    }
}
