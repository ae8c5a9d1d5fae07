package dev.vigil.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Stored JSON columns (attribute maps, message attributes) and policy documents. Thread-safe. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() {};

    private Json() {}

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, String> stringMap(String json) {
        if (json == null || json.isEmpty()) return new LinkedHashMap<>();
        try {
            return MAPPER.readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is corrupt", e);
        }
    }

    /** Parses user-supplied JSON; null when it is not JSON. */
    public static JsonNode tryParse(String text) {
        if (text == null) return null;
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    public static String writeAttributes(Map<String, MessageAttribute> attributes) {
        if (attributes == null || attributes.isEmpty()) return null;
        Map<String, Map<String, String>> out = new TreeMap<>();
        attributes.forEach((k, a) -> {
            Map<String, String> v = new LinkedHashMap<>();
            v.put("t", a.dataType());
            if (a.isBinary()) v.put("b", Base64.getEncoder().encodeToString(a.binaryValue()));
            else v.put("s", a.stringValue());
            out.put(k, v);
        });
        return write(out);
    }

    public static Map<String, MessageAttribute> readAttributes(String json) {
        Map<String, MessageAttribute> out = new TreeMap<>();
        if (json == null) return out;
        try {
            MAPPER.readTree(json).fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                out.put(e.getKey(), new MessageAttribute(v.path("t").asText(), v.has("s") ? v.get("s").asText() : null,
                        v.has("b") ? Base64.getDecoder().decode(v.get("b").asText()) : null));
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is corrupt", e);
        }
        return out;
    }
}
