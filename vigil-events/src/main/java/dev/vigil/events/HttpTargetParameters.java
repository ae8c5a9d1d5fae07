package dev.vigil.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.model.HttpParameters;

/**
 * A target's HttpParameters as stored: a JSON object with the members of the SDK shape (PathParameterValues,
 * HeaderParameters, QueryStringParameters). Stateless.
 */
final class HttpTargetParameters {
    private HttpTargetParameters() {}

    static String toJson(HttpParameters p) {
        if (p == null) return null;
        ObjectNode o = EventEnvelope.JSON.createObjectNode();
        if (p.hasPathParameterValues()) p.pathParameterValues().forEach(o.putArray("PathParameterValues")::add);
        if (p.hasHeaderParameters()) p.headerParameters().forEach(o.putObject("HeaderParameters")::put);
        if (p.hasQueryStringParameters()) p.queryStringParameters().forEach(o.putObject("QueryStringParameters")::put);
        return EventEnvelope.text(o);
    }

    static HttpParameters fromJson(String json) {
        JsonNode n;
        try {
            n = EventEnvelope.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable http_parameters", e);
        }
        HttpParameters.Builder b = HttpParameters.builder();
        if (n.has("PathParameterValues")) {
            List<String> values = new ArrayList<>();
            n.get("PathParameterValues").forEach(v -> values.add(v.asText()));
            b.pathParameterValues(values);
        }
        if (n.has("HeaderParameters")) b.headerParameters(map(n.get("HeaderParameters")));
        if (n.has("QueryStringParameters")) b.queryStringParameters(map(n.get("QueryStringParameters")));
        return b.build();
    }

    private static Map<String, String> map(JsonNode n) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            m.put(e.getKey(), e.getValue().asText());
        }
        return m;
    }
}
