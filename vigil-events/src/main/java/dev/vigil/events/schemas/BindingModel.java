package dev.vigil.events.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A schema read for code generation, independent of the target language: the classes to generate (one per object
 * schema, nested inline objects included), each with its members and their types, the package, and whether it is an
 * event schema (an {@code AWSEvent} component with the source extension whose {@code detail} refers to a
 * component). Event schemas go to package {@code schema.<source>.<detailtype>}, others to
 * {@code schema.<registry>.<schema>}. Reads OpenAPI 3 ({@code components.schemas}) and JSON Schema draft 4 (the
 * root and its {@code definitions}). Immutable once built.
 */
final class BindingModel {
    static final String EVENT_CLASS = "AWSEvent";

    /** A member type. {@code ref} is the class name for OBJECT, the element type for LIST. */
    record TypeRef(Kind kind, String ref, TypeRef element) {
        enum Kind { STRING, DATE_TIME, INTEGER, NUMBER, BOOLEAN, LIST, MAP, OBJECT, ANY, DETAIL }

        static TypeRef of(Kind k) { return new TypeRef(k, null, null); }
    }

    record Member(String wireName, TypeRef type) {}

    /** @param event true for the AWSEvent envelope, whose {@code detail} has kind DETAIL */
    record ClassDef(String name, String source, List<Member> members, boolean event) {}

    final String packageName;
    final boolean isEvent;
    /** The detail class of an event schema, else null. */
    final String detailClass;
    final List<ClassDef> classes = new ArrayList<>();

    private final Map<String, JsonNode> components = new LinkedHashMap<>();
    private final Map<String, String> classNames = new LinkedHashMap<>();
    private final Set<String> usedClassNames = new HashSet<>();
    private final Deque<String> pending = new ArrayDeque<>();

    /** @param reserved class names the target language's binding uses itself (e.g. its Marshaller) */
    BindingModel(String registry, String schemaName, String type, JsonNode doc, Set<String> reserved) {
        if (SchemaContent.JSON_SCHEMA_DRAFT_4.equals(type)) {
            components.put(OpenApiDocs.componentName(schemaName.contains("@")
                    ? schemaName.substring(schemaName.indexOf('@') + 1) : schemaName), doc);
            fields(doc.path("definitions")).forEach(components::put);
        } else {
            fields(doc.path("components").path("schemas")).forEach(components::put);
        }
        JsonNode event = components.get(OpenApiDocs.EVENT_COMPONENT);
        String detailRef = event == null ? null : refName(event.path("properties").path("detail").path("$ref").asText(null));
        isEvent = event != null && event.has(OpenApiDocs.SOURCE_EXTENSION) && detailRef != null
                && isObject(components.get(detailRef));
        packageName = isEvent
                ? "schema." + packagePath(event.get(OpenApiDocs.SOURCE_EXTENSION).asText()) + "."
                        + segment(event.path(OpenApiDocs.DETAIL_TYPE_EXTENSION).asText(detailRef))
                : "schema." + packagePath(registry) + "." + segment(schemaName);
        usedClassNames.addAll(reserved);
        if (isEvent) usedClassNames.add(EVENT_CLASS);
        detailClass = isEvent ? classFor(detailRef) : null;
        for (String name : new ArrayList<>(components.keySet())) {
            if (isEvent && name.equals(OpenApiDocs.EVENT_COMPONENT)) continue;
            if (isObject(components.get(name))) classFor(name);
        }
        if (pending.isEmpty()) {
            // A document without object schemas still gets a class, so the binding is never empty.
            components.put("Empty", OpenApiDocs.JSON.createObjectNode().put("type", "object"));
            classFor("Empty");
        }
        while (!pending.isEmpty()) {
            String name = pending.pop();
            classes.add(new ClassDef(classNames.get(name), name, members(classNames.get(name), components.get(name), false),
                    false));
        }
        if (isEvent) classes.add(new ClassDef(EVENT_CLASS, OpenApiDocs.EVENT_COMPONENT, members(EVENT_CLASS, event, true),
                true));
    }

    private List<Member> members(String className, JsonNode schema, boolean envelope) {
        List<Member> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            TypeRef t = envelope && e.getKey().equals("detail") ? TypeRef.of(TypeRef.Kind.DETAIL)
                    : e.getValue().isObject() ? type(className, e.getKey(), e.getValue(), 0) : TypeRef.of(TypeRef.Kind.ANY);
            out.add(new Member(e.getKey(), t));
        }
        return out;
    }

    private static Map<String, JsonNode> fields(JsonNode node) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isObject()) out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    private static boolean isObject(JsonNode s) {
        return s != null && (s.path("type").asText("").equals("object") || s.has("properties"));
    }

    private static String refName(String ref) {
        if (ref == null) return null;
        int slash = ref.lastIndexOf('/');
        return slash < 0 ? ref : ref.substring(slash + 1);
    }

    /** The class of a component, queued for generation on first use. */
    private String classFor(String component) {
        String existing = classNames.get(component);
        if (existing != null) return existing;
        String base = OpenApiDocs.componentName(component);
        String name = base;
        for (int i = 1; !usedClassNames.add(name); i++) name = base + i;
        classNames.put(component, name);
        pending.add(component);
        return name;
    }

    private TypeRef type(String owner, String member, JsonNode s, int depth) {
        if (depth > 32) return TypeRef.of(TypeRef.Kind.ANY);
        String ref = refName(s.path("$ref").asText(null));
        if (ref != null) {
            JsonNode target = components.get(ref);
            if (target == null) return TypeRef.of(TypeRef.Kind.ANY);
            if (isObject(target) && target.path("properties").size() > 0) return new TypeRef(TypeRef.Kind.OBJECT, classFor(ref), null);
            return type(owner, member, target, depth + 1);
        }
        String type = s.path("type").isArray() ? firstNonNull(s.get("type")) : s.path("type").asText("");
        if (type.isEmpty() && s.path("properties").size() > 0) type = "object";
        switch (type) {
            case "string":
                return TypeRef.of("date-time".equals(s.path("format").asText(null)) ? TypeRef.Kind.DATE_TIME
                        : TypeRef.Kind.STRING);
            case "integer":
                return TypeRef.of(TypeRef.Kind.INTEGER);
            case "number":
                return TypeRef.of(TypeRef.Kind.NUMBER);
            case "boolean":
                return TypeRef.of(TypeRef.Kind.BOOLEAN);
            case "array": {
                JsonNode items = s.get("items");
                TypeRef element = items == null || !items.isObject() ? TypeRef.of(TypeRef.Kind.ANY)
                        : type(owner, member + "Item", items, depth + 1);
                return new TypeRef(TypeRef.Kind.LIST, null, element);
            }
            case "object":
                if (s.path("properties").size() > 0) {
                    String synthetic = owner + OpenApiDocs.componentName(member);
                    ObjectNode copy = ((ObjectNode) s.deepCopy()).put("type", "object");
                    components.putIfAbsent(synthetic, copy);
                    return new TypeRef(TypeRef.Kind.OBJECT, classFor(synthetic), null);
                }
                return TypeRef.of(TypeRef.Kind.MAP);
            default:
                return TypeRef.of(TypeRef.Kind.ANY);
        }
    }

    private static String firstNonNull(JsonNode types) {
        for (JsonNode t : types) if (!t.asText().equals("null")) return t.asText();
        return "";
    }

    /** "aws.cloudwatch" → "aws.cloudwatch"; every segment a valid lowercase identifier. */
    private static String packagePath(String dotted) {
        StringBuilder sb = new StringBuilder();
        for (String part : dotted.split("\\.")) {
            if (part.isEmpty()) continue;
            if (sb.length() > 0) sb.append('.');
            sb.append(segment(part));
        }
        return sb.length() == 0 ? "schema" : sb.toString();
    }

    /** A lowercase identifier segment: letters, digits and '_' kept; a leading digit or a keyword gets '_'. */
    static String segment(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') sb.append(c);
        }
        String s = sb.toString();
        if (s.isEmpty() || Character.isDigit(s.charAt(0)) || JavaBindings.KEYWORDS.contains(s)
                || PythonBindings.KEYWORDS.contains(s) || GoBindings.KEYWORDS.contains(s)) {
            s = "_" + s;
        }
        return s;
    }

    /** Splits a wire name into words: "detail-type" → [detail, type], "placedAt" → [placed, At]. */
    static List<String> words(String wire) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < wire.length(); i++) {
            char c = wire.charAt(i);
            boolean alnum = c < 128 && Character.isLetterOrDigit(c);
            if (!alnum) {
                if (cur.length() > 0) out.add(cur.toString());
                cur.setLength(0);
            } else {
                if (Character.isUpperCase(c) && cur.length() > 0 && !Character.isUpperCase(cur.charAt(cur.length() - 1))) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
                cur.append(c);
            }
        }
        if (cur.length() > 0) out.add(cur.toString());
        return out;
    }
}
