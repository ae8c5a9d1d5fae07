package dev.vigil.events.schemas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Checks a schema's Content against its Type before anything is stored: valid JSON, an object, and the top-level
 * structure of the format — OpenAPI 3 ({@code openapi} 3.x, an {@code info} object with {@code title} and
 * {@code version}, {@code paths}, and object-valued {@code components.schemas}), or a JSON Schema draft 4 document
 * ({@code $schema}, when present, names draft 04; {@code type} is a JSON Schema type). Stateless; thread-safe.
 */
final class SchemaContent {
    static final String OPEN_API_3 = "OpenApi3";
    static final String JSON_SCHEMA_DRAFT_4 = "JSONSchemaDraft4";
    static final int MAX_LENGTH = 100_000;
    private static final Set<String> JSON_TYPES = Set.of("object", "array", "string", "number", "integer", "boolean",
            "null");

    private SchemaContent() {}

    /** The parsed document; BadRequestException when it is not a valid document of {@code type}. */
    static JsonNode validate(String type, String content) {
        if (!OPEN_API_3.equals(type) && !JSON_SCHEMA_DRAFT_4.equals(type)) {
            throw SchemasErrors.badRequest("Invalid schema type '" + type + "'. Valid types are: OpenApi3, JSONSchemaDraft4.");
        }
        if (content == null || content.isBlank()) throw SchemasErrors.badRequest("Schema content must not be empty.");
        if (content.length() > MAX_LENGTH) {
            throw SchemasErrors.badRequest("Schema content exceeds the maximum length of " + MAX_LENGTH + " characters.");
        }
        JsonNode doc;
        try {
            doc = OpenApiDocs.JSON.readTree(content);
        } catch (JsonProcessingException e) {
            throw SchemasErrors.badRequest("Invalid schema content: the content is not valid JSON ("
                    + e.getOriginalMessage() + ").");
        }
        if (doc == null || !doc.isObject()) throw SchemasErrors.badRequest("Invalid schema content: a schema must be a JSON object.");
        if (OPEN_API_3.equals(type)) openApi(doc);
        else draft4(doc);
        return doc;
    }

    private static void openApi(JsonNode doc) {
        JsonNode version = doc.get("openapi");
        if (version == null || !version.isTextual() || !version.textValue().startsWith("3.")) {
            throw invalid(OPEN_API_3, "the 'openapi' field must be a 3.x version string");
        }
        JsonNode info = doc.get("info");
        if (info == null || !info.isObject()) throw invalid(OPEN_API_3, "the 'info' object is required");
        if (!info.path("title").isTextual()) throw invalid(OPEN_API_3, "'info.title' is required");
        if (!info.path("version").isTextual()) throw invalid(OPEN_API_3, "'info.version' is required");
        JsonNode paths = doc.get("paths");
        if (paths == null || !paths.isObject()) throw invalid(OPEN_API_3, "the 'paths' object is required");
        JsonNode components = doc.get("components");
        if (components != null) {
            if (!components.isObject()) throw invalid(OPEN_API_3, "'components' must be an object");
            JsonNode schemas = components.get("schemas");
            if (schemas != null) {
                if (!schemas.isObject()) throw invalid(OPEN_API_3, "'components.schemas' must be an object");
                for (Iterator<Map.Entry<String, JsonNode>> it = schemas.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!e.getValue().isObject()) {
                        throw invalid(OPEN_API_3, "the schema 'components.schemas." + e.getKey() + "' must be an object");
                    }
                    checkType(OPEN_API_3, e.getValue(), "components.schemas." + e.getKey());
                }
            }
        }
    }

    private static void draft4(JsonNode doc) {
        JsonNode schema = doc.get("$schema");
        if (schema != null && (!schema.isTextual() || !schema.textValue().contains("draft-04"))) {
            throw invalid(JSON_SCHEMA_DRAFT_4, "'$schema' must be http://json-schema.org/draft-04/schema#");
        }
        checkType(JSON_SCHEMA_DRAFT_4, doc, "the root schema");
        JsonNode props = doc.get("properties");
        if (props != null && !props.isObject()) throw invalid(JSON_SCHEMA_DRAFT_4, "'properties' must be an object");
        JsonNode defs = doc.get("definitions");
        if (defs != null && !defs.isObject()) throw invalid(JSON_SCHEMA_DRAFT_4, "'definitions' must be an object");
    }

    private static void checkType(String format, JsonNode schema, String where) {
        JsonNode t = schema.get("type");
        if (t == null) return;
        boolean ok = t.isTextual() ? JSON_TYPES.contains(t.textValue()) : t.isArray() && format.equals(JSON_SCHEMA_DRAFT_4);
        if (t.isArray()) for (JsonNode each : t) ok &= each.isTextual() && JSON_TYPES.contains(each.textValue());
        if (!ok) throw invalid(format, "'type' of " + where + " is not a valid type: " + t);
    }

    private static dev.vigil.core.AwsException invalid(String format, String reason) {
        return SchemasErrors.badRequest("Invalid " + format + " schema: " + reason + ".");
    }
}
