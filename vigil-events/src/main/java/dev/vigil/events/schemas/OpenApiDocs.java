package dev.vigil.events.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Writes an inferred event {@link Shape} as the OpenAPI 3 document the Schema Registry keeps for discovered schemas —
 * an {@code AWSEvent} component for the envelope (with the {@code x-amazon-events-source} and
 * {@code x-amazon-events-detail-type} extensions), a component named after the detail type for {@code detail}, and
 * one component per nested object, named after its member — and reads such a document back into a shape, so a
 * restarted discoverer keeps merging into what it stored. Stateless; thread-safe.
 */
final class OpenApiDocs {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String EVENT_COMPONENT = "AWSEvent";
    static final String SOURCE_EXTENSION = "x-amazon-events-source";
    static final String DETAIL_TYPE_EXTENSION = "x-amazon-events-detail-type";
    private static final String REF_PREFIX = "#/components/schemas/";

    private OpenApiDocs() {}

    /** "CloudWatch Alarm State Change" → "CloudWatchAlarmStateChange"; "order-placed" → "OrderPlaced". */
    static String componentName(String text) {
        StringBuilder sb = new StringBuilder();
        boolean upper = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) && c < 128) {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        if (sb.length() == 0 || Character.isDigit(sb.charAt(0))) sb.insert(0, 'N');
        return sb.toString();
    }

    /** The name discovery gives an event's schema: {@code <source>@<DetailType without spaces>}. */
    static String schemaName(String source, String detailType) {
        return source + "@" + componentName(detailType);
    }

    /** The OpenAPI 3 document of an event whose envelope has {@code envelope}'s shape. */
    static ObjectNode render(Shape.Obj envelope, String source, String detailType) {
        // The envelope's resources are ARNs even when the events seen so far had none.
        if (envelope.members().get("resources") instanceof Shape.Arr a && a.items() == null) {
            Map<String, Shape> members = new LinkedHashMap<>(envelope.members());
            members.put("resources", new Shape.Arr(Shape.Scalar.STRING));
            envelope = new Shape.Obj(members, envelope.required());
        }
        String detailName = componentName(detailType);
        Renderer r = new Renderer();
        r.used.add(EVENT_COMPONENT);
        r.used.add(detailName);
        ObjectNode event = r.objectSchema(envelope, detailName);
        event.put(SOURCE_EXTENSION, source);
        event.put(DETAIL_TYPE_EXTENSION, detailType);
        Map<String, ObjectNode> components = new LinkedHashMap<>();
        components.put(EVENT_COMPONENT, event);
        components.putAll(r.components);
        ObjectNode doc = JSON.createObjectNode();
        doc.put("openapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("version", "1.0.0");
        info.put("title", detailName);
        doc.putObject("paths");
        ObjectNode schemas = doc.putObject("components").putObject("schemas");
        components.forEach(schemas::set);
        return doc;
    }

    /** Names components and collects them; used by one render call. */
    private static final class Renderer {
        final Set<String> used = new HashSet<>();
        final Map<String, ObjectNode> components = new LinkedHashMap<>();

        /** The envelope: like any object, but its {@code detail} member refers to the named detail component. */
        ObjectNode objectSchema(Shape.Obj o, String detailName) {
            ObjectNode s = JSON.createObjectNode();
            s.put("type", "object");
            if (!o.required().isEmpty()) {
                ArrayNode req = s.putArray("required");
                o.required().forEach(req::add);
            }
            ObjectNode props = s.putObject("properties");
            for (Map.Entry<String, Shape> m : o.members().entrySet()) {
                if (detailName != null && m.getKey().equals("detail") && m.getValue() instanceof Shape.Obj detail) {
                    components.put(detailName, null); // keeps the detail first among the nested components
                    components.put(detailName, objectSchema(detail, null));
                    props.putObject("detail").put("$ref", REF_PREFIX + detailName);
                } else {
                    props.set(m.getKey(), property(m.getKey(), m.getValue()));
                }
            }
            return s;
        }

        ObjectNode property(String member, Shape shape) {
            ObjectNode p = JSON.createObjectNode();
            if (shape instanceof Shape.Obj o) {
                if (o.members().isEmpty()) {
                    p.put("type", "object");
                } else {
                    String name = unique(componentName(member));
                    components.put(name, null);
                    components.put(name, objectSchema(o, null));
                    p.put("$ref", REF_PREFIX + name);
                }
            } else if (shape instanceof Shape.Arr a) {
                p.put("type", "array");
                p.set("items", a.items() == null ? JSON.createObjectNode() : property(member + "Item", a.items()));
            } else if (shape instanceof Shape.Scalar s) {
                p.put("type", s.type());
                if (s.format() != null) p.put("format", s.format());
            }
            return p; // Shape.ANY: the empty schema
        }

        String unique(String base) {
            String name = base;
            for (int i = 1; !used.add(name); i++) name = base + i;
            return name;
        }
    }

    /** The envelope shape of a document {@link #render} wrote; null when it has no AWSEvent component. */
    static Shape.Obj parse(JsonNode doc) {
        JsonNode components = doc.path("components").path("schemas");
        JsonNode event = components.get(EVENT_COMPONENT);
        if (event == null || !event.isObject()) return null;
        Shape s = shape(event, components, 0);
        return s instanceof Shape.Obj o ? o : null;
    }

    private static Shape shape(JsonNode s, JsonNode components, int depth) {
        if (depth > 64) return Shape.ANY;
        JsonNode ref = s.get("$ref");
        if (ref != null && ref.isTextual() && ref.textValue().startsWith(REF_PREFIX)) {
            JsonNode target = components.get(ref.textValue().substring(REF_PREFIX.length()));
            return target == null ? Shape.ANY : shape(target, components, depth + 1);
        }
        String type = s.path("type").asText("");
        switch (type) {
            case "object": {
                Map<String, Shape> members = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    members.put(e.getKey(), shape(e.getValue(), components, depth + 1));
                }
                Set<String> required = new LinkedHashSet<>();
                for (JsonNode r : s.path("required")) required.add(r.asText());
                required.retainAll(members.keySet());
                return new Shape.Obj(members, required);
            }
            case "array": {
                JsonNode items = s.get("items");
                return new Shape.Arr(items == null || items.isEmpty() ? null : shape(items, components, depth + 1));
            }
            case "string":
                return "date-time".equals(s.path("format").asText(null)) ? Shape.Scalar.DATE_TIME : Shape.Scalar.STRING;
            case "integer":
                return Shape.Scalar.INTEGER;
            case "number":
                return Shape.Scalar.NUMBER;
            case "boolean":
                return Shape.Scalar.BOOLEAN;
            default:
                return Shape.ANY;
        }
    }
}
