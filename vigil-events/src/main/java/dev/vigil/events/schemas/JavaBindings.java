package dev.vigil.events.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Generates the {@code Java8} code binding of a schema: one Java 8 class per object schema (private fields with
 * Jackson {@code @JsonProperty} names, getters, setters, fluent withers, equals/hashCode/toString), for event schemas
 * the generic {@code AWSEvent<T>} envelope with the detail class as {@code T}, and a {@code marshaller.Marshaller}
 * over Jackson's ObjectMapper — the layout of AWS's Java bindings, which also build on jackson-databind. Event
 * schemas (an {@code AWSEvent} component with the source extension) go to package
 * {@code schema.<source>.<detailtype>}, others to {@code schema.<registry>.<schema>}. Works on OpenAPI 3
 * ({@code components.schemas}) and JSON Schema draft 4 documents (the root and its {@code definitions}).
 * Stateless; thread-safe.
 */
final class JavaBindings {
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface",
            "long", "native", "new", "package", "private", "protected", "public", "return", "short", "static",
            "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
            "volatile", "while", "true", "false", "null", "var", "record", "yield", "sealed", "permits");

    private final Map<String, JsonNode> components = new LinkedHashMap<>();
    private final Map<String, String> classNames = new LinkedHashMap<>();
    private final Set<String> usedClassNames = new HashSet<>();
    private final Deque<String> pending = new ArrayDeque<>();
    private final Map<String, String> files = new TreeMap<>();
    private String pkg;

    private JavaBindings() {}

    /** The sources of the binding: path inside the archive → Java source. */
    static Map<String, String> generate(String registry, String schemaName, String type, JsonNode doc) {
        JavaBindings g = new JavaBindings();
        g.run(registry, schemaName, type, doc);
        return g.files;
    }

    private void run(String registry, String schemaName, String type, JsonNode doc) {
        String rootName = null;
        if (SchemaContent.JSON_SCHEMA_DRAFT_4.equals(type)) {
            rootName = OpenApiDocs.componentName(schemaName.contains("@")
                    ? schemaName.substring(schemaName.indexOf('@') + 1) : schemaName);
            components.put(rootName, doc);
            fields(doc.path("definitions")).forEach(components::put);
        } else {
            fields(doc.path("components").path("schemas")).forEach(components::put);
        }
        JsonNode event = components.get(OpenApiDocs.EVENT_COMPONENT);
        String detailRef = event == null ? null : refName(event.path("properties").path("detail").path("$ref").asText(null));
        boolean isEvent = event != null && event.has(OpenApiDocs.SOURCE_EXTENSION) && detailRef != null
                && components.containsKey(detailRef);
        pkg = isEvent
                ? "schema." + packagePath(event.get(OpenApiDocs.SOURCE_EXTENSION).asText()) + "."
                        + segment(event.path(OpenApiDocs.DETAIL_TYPE_EXTENSION).asText(detailRef))
                : "schema." + packagePath(registry) + "." + segment(schemaName);
        usedClassNames.add("Marshaller");
        if (isEvent) usedClassNames.add("AWSEvent");
        for (String name : components.keySet()) {
            if (isEvent && name.equals(OpenApiDocs.EVENT_COMPONENT)) continue;
            if (isObject(components.get(name))) classFor(name);
        }
        while (!pending.isEmpty()) {
            String name = pending.pop();
            writeClass(classNames.get(name), components.get(name), null);
        }
        if (isEvent) writeClass("AWSEvent", event, "detail");
        if (files.isEmpty() && rootName == null) {
            // A document without object schemas still gets a class, so the binding is never empty.
            components.put("Empty", OpenApiDocs.JSON.createObjectNode().put("type", "object"));
            writeClass(classFor("Empty"), components.get("Empty"), null);
        }
        writeMarshaller(isEvent);
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
        if (KEYWORDS.contains(base.toLowerCase(Locale.ROOT)) && base.equals(base.toLowerCase(Locale.ROOT))) base = "N" + base;
        String name = base;
        for (int i = 1; !usedClassNames.add(name); i++) name = base + i;
        classNames.put(component, name);
        pending.add(component);
        return name;
    }

    /** The Java type of a member schema; inline objects with members become classes of their own. */
    private String javaType(String owner, String member, JsonNode s) {
        String ref = refName(s.path("$ref").asText(null));
        if (ref != null) {
            JsonNode target = components.get(ref);
            if (target == null) return "Object";
            return isObject(target) && target.has("properties") ? classFor(ref) : javaType(owner, member, target);
        }
        String type = s.path("type").isArray() ? firstNonNull(s.get("type")) : s.path("type").asText("");
        switch (type) {
            case "string":
                return "date-time".equals(s.path("format").asText(null)) ? "java.util.Date" : "String";
            case "integer":
                return "Long";
            case "number":
                return "java.math.BigDecimal";
            case "boolean":
                return "Boolean";
            case "array":
                JsonNode items = s.get("items");
                return "java.util.List<" + (items == null || !items.isObject() ? "Object"
                        : javaType(owner, member + "Item", items)) + ">";
            case "object":
                if (s.path("properties").size() > 0) {
                    String synthetic = owner + OpenApiDocs.componentName(member);
                    components.putIfAbsent(synthetic, s);
                    return classFor(synthetic);
                }
                return "java.util.Map<String, Object>";
            default:
                return s.path("properties").size() > 0 ? javaType(owner, member, objectOf(s)) : "Object";
        }
    }

    private static JsonNode objectOf(JsonNode s) {
        return s.deepCopy() instanceof com.fasterxml.jackson.databind.node.ObjectNode o ? o.put("type", "object") : s;
    }

    private static String firstNonNull(JsonNode types) {
        for (JsonNode t : types) if (!t.asText().equals("null")) return t.asText();
        return "";
    }

    /** @param genericMember the member typed {@code T} (the envelope's detail), or null */
    private void writeClass(String className, JsonNode schema, String genericMember) {
        StringBuilder f = new StringBuilder();
        StringBuilder m = new StringBuilder();
        Map<String, String> javaNames = new LinkedHashMap<>();
        Set<String> usedFields = new HashSet<>();
        Map<String, String> types = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String base = fieldName(e.getKey());
            String name = base;
            for (int i = 1; !usedFields.add(name); i++) name = base + i;
            javaNames.put(e.getKey(), name);
            types.put(e.getKey(), e.getKey().equals(genericMember) ? "T"
                    : e.getValue().isObject() ? javaType(className, e.getKey(), e.getValue()) : "Object");
        }
        String self = genericMember == null ? className : className + "<T>";
        for (Map.Entry<String, String> p : javaNames.entrySet()) {
            String wire = p.getKey();
            String field = p.getValue();
            String type = types.get(wire);
            String cap = Character.toUpperCase(field.charAt(0)) + field.substring(1);
            f.append("  @JsonProperty(\"").append(escape(wire)).append("\")\n");
            f.append("  private ").append(type).append(' ').append(field).append(" = null;\n\n");
            m.append("  public ").append(self).append(' ').append(field).append('(').append(type).append(' ')
                    .append(field).append(") {\n    this.").append(field).append(" = ").append(field)
                    .append(";\n    return this;\n  }\n\n");
            m.append("  public ").append(type).append(" get").append(cap).append("() {\n    return ").append(field)
                    .append(";\n  }\n\n");
            m.append("  public void set").append(cap).append('(').append(type).append(' ').append(field)
                    .append(") {\n    this.").append(field).append(" = ").append(field).append(";\n  }\n\n");
        }
        StringBuilder src = new StringBuilder();
        src.append("package ").append(pkg).append(";\n\n");
        src.append("import com.fasterxml.jackson.annotation.JsonProperty;\n");
        src.append("import java.io.Serializable;\n");
        src.append("import java.util.Objects;\n\n");
        src.append("/** Generated by Vigil's Schema Registry from the schema's ").append(escapeComment(className))
                .append(" definition. */\n");
        src.append("public class ").append(self).append(" implements Serializable {\n");
        src.append("  private static final long serialVersionUID = 1L;\n\n");
        src.append(f).append(m);
        // equals, hashCode, toString over every field
        src.append("  @Override\n  public boolean equals(Object o) {\n    if (this == o) return true;\n")
                .append("    if (o == null || getClass() != o.getClass()) return false;\n");
        if (javaNames.isEmpty()) {
            src.append("    return true;\n  }\n\n");
        } else {
            src.append("    ").append(className).append(genericMember == null ? "" : "<?>").append(" that = (")
                    .append(className).append(genericMember == null ? "" : "<?>").append(") o;\n    return ");
            int i = 0;
            for (String field : javaNames.values()) {
                if (i++ > 0) src.append("\n        && ");
                src.append("Objects.equals(this.").append(field).append(", that.").append(field).append(')');
            }
            src.append(";\n  }\n\n");
        }
        src.append("  @Override\n  public int hashCode() {\n    return Objects.hash(")
                .append(String.join(", ", javaNames.values())).append(");\n  }\n\n");
        src.append("  @Override\n  public String toString() {\n    StringBuilder sb = new StringBuilder();\n")
                .append("    sb.append(\"class ").append(className).append(" {\\n\");\n");
        for (String field : javaNames.values()) {
            src.append("    sb.append(\"    ").append(field).append(": \").append(").append(field)
                    .append(").append(\"\\n\");\n");
        }
        src.append("    sb.append(\"}\");\n    return sb.toString();\n  }\n}\n");
        files.put(pkg.replace('.', '/') + "/" + className + ".java", src.toString());
    }

    private void writeMarshaller(boolean isEvent) {
        StringBuilder src = new StringBuilder();
        src.append("package ").append(pkg).append(".marshaller;\n\n");
        if (isEvent) src.append("import ").append(pkg).append(".AWSEvent;\n");
        src.append("import com.fasterxml.jackson.annotation.JsonInclude;\n");
        src.append("import com.fasterxml.jackson.databind.DeserializationFeature;\n");
        if (isEvent) src.append("import com.fasterxml.jackson.databind.JavaType;\n");
        src.append("import com.fasterxml.jackson.databind.ObjectMapper;\n");
        src.append("import com.fasterxml.jackson.databind.SerializationFeature;\n");
        src.append("import java.io.IOException;\nimport java.io.InputStream;\nimport java.io.OutputStream;\n\n");
        src.append("/** Reads and writes the generated classes as JSON. */\n");
        src.append("public class Marshaller {\n");
        src.append("  private static final ObjectMapper MAPPER = createObjectMapper();\n\n");
        src.append("  public static <T> void marshal(OutputStream output, T value) throws IOException {\n")
                .append("    MAPPER.writeValue(output, value);\n  }\n\n");
        src.append("  public static <T> T unmarshal(InputStream input, Class<T> type) throws IOException {\n")
                .append("    return MAPPER.readValue(input, type);\n  }\n\n");
        if (isEvent) {
            src.append("  public static <T> AWSEvent<T> unmarshalEvent(InputStream input, Class<T> type)")
                    .append(" throws IOException {\n")
                    .append("    JavaType eventType = MAPPER.getTypeFactory().constructParametricType(AWSEvent.class, type);\n")
                    .append("    return MAPPER.readValue(input, eventType);\n  }\n\n");
        }
        src.append("  private static ObjectMapper createObjectMapper() {\n")
                .append("    ObjectMapper mapper = new ObjectMapper();\n")
                .append("    mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);\n")
                .append("    mapper.configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);\n")
                .append("    mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);\n")
                .append("    return mapper;\n  }\n}\n");
        files.put(pkg.replace('.', '/') + "/marshaller/Marshaller.java", src.toString());
    }

    /** "aws.cloudwatch" → "aws.cloudwatch"; every segment a valid lowercase Java identifier. */
    private static String packagePath(String dotted) {
        StringBuilder sb = new StringBuilder();
        for (String part : dotted.split("\\.")) {
            if (part.isEmpty()) continue;
            if (sb.length() > 0) sb.append('.');
            sb.append(segment(part));
        }
        return sb.length() == 0 ? "schema" : sb.toString();
    }

    private static String segment(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) sb.append(c);
            else if (c == '_') sb.append('_');
        }
        String s = sb.toString();
        if (s.isEmpty() || Character.isDigit(s.charAt(0)) || KEYWORDS.contains(s)) s = "_" + s;
        return s;
    }

    /** "detail-type" → "detailType", "Previous State" → "previousState"; keywords and digits get a prefix. */
    private static String fieldName(String wire) {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (int i = 0; i < wire.length(); i++) {
            char c = wire.charAt(i);
            if (c < 128 && Character.isLetterOrDigit(c)) {
                sb.append(sb.length() == 0 ? Character.toLowerCase(c) : upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = sb.length() > 0;
            }
        }
        String s = sb.toString();
        if (s.isEmpty() || Character.isDigit(s.charAt(0)) || KEYWORDS.contains(s)) s = "_" + s;
        return s;
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20) sb.append(String.format("\\%03o", (int) c)); // never a \\u escape: javac decodes those first
            else if (c > 0x7e) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.toString();
    }

    private static String escapeComment(String s) {
        return s.replace("*/", "* /");
    }
}
