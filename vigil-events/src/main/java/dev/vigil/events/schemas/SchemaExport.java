package dev.vigil.events.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;

/**
 * ExportSchema's conversions between the two schema types. OpenAPI 3 → JSON Schema draft 4: the root is the
 * {@code AWSEvent} component (or the first one), the other components become {@code definitions} and references
 * follow them. Draft 4 → OpenAPI 3: the root becomes a component named after the schema, its definitions the other
 * components. Stateless; thread-safe.
 */
final class SchemaExport {
    private static final String DRAFT_4 = "http://json-schema.org/draft-04/schema#";

    private SchemaExport() {}

    static String convert(String from, String to, String content, String schemaName) {
        if (from.equals(to)) return content;
        JsonNode doc;
        try {
            doc = OpenApiDocs.JSON.readTree(content);
        } catch (Exception e) {
            throw new IllegalStateException("stored schema content is not JSON", e);
        }
        return (SchemaContent.JSON_SCHEMA_DRAFT_4.equals(to) ? toDraft4(doc) : toOpenApi(doc, schemaName)).toString();
    }

    private static ObjectNode toDraft4(JsonNode doc) {
        JsonNode components = doc.path("components").path("schemas");
        String rootName = components.has(OpenApiDocs.EVENT_COMPONENT) ? OpenApiDocs.EVENT_COMPONENT
                : components.fieldNames().hasNext() ? components.fieldNames().next() : null;
        ObjectNode out = OpenApiDocs.JSON.createObjectNode();
        out.put("$schema", DRAFT_4);
        if (doc.path("info").has("title")) out.put("title", doc.path("info").path("title").asText());
        if (rootName != null) {
            out.setAll((ObjectNode) rewrite(components.get(rootName).deepCopy(), "#/components/schemas/", "#/definitions/"));
            ObjectNode defs = OpenApiDocs.JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = components.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals(rootName)) {
                    defs.set(e.getKey(), rewrite(e.getValue().deepCopy(), "#/components/schemas/", "#/definitions/"));
                }
            }
            if (!defs.isEmpty()) out.set("definitions", defs);
        }
        return out;
    }

    private static ObjectNode toOpenApi(JsonNode doc, String schemaName) {
        ObjectNode root = ((ObjectNode) doc.deepCopy());
        JsonNode defs = root.remove("definitions");
        root.remove("$schema");
        String name = OpenApiDocs.componentName(schemaName.contains("@")
                ? schemaName.substring(schemaName.indexOf('@') + 1) : schemaName);
        ObjectNode out = OpenApiDocs.JSON.createObjectNode();
        out.put("openapi", "3.0.0");
        ObjectNode info = out.putObject("info");
        info.put("version", "1.0.0");
        info.put("title", root.path("title").asText(name));
        out.putObject("paths");
        ObjectNode schemas = out.putObject("components").putObject("schemas");
        schemas.set(name, rewrite(root, "#/definitions/", "#/components/schemas/"));
        if (defs != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = defs.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                schemas.set(e.getKey(), rewrite(e.getValue().deepCopy(), "#/definitions/", "#/components/schemas/"));
            }
        }
        return out;
    }

    /** Rewrites every {@code $ref} starting with {@code from} in place. */
    private static JsonNode rewrite(JsonNode node, String from, String to) {
        if (node instanceof ObjectNode o) {
            JsonNode ref = o.get("$ref");
            if (ref != null && ref.isTextual() && ref.textValue().startsWith(from)) {
                o.set("$ref", new TextNode(to + ref.textValue().substring(from.length())));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) rewrite(it.next().getValue(), from, to);
        } else if (node.isArray()) {
            for (JsonNode item : node) rewrite(item, from, to);
        }
        return node;
    }
}
