package dev.vigil.events.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
    static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface",
            "long", "native", "new", "package", "private", "protected", "public", "return", "short", "static",
            "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
            "volatile", "while", "true", "false", "null", "var", "record", "yield", "sealed", "permits");

    private final BindingModel model;
    private final Map<String, String> files = new TreeMap<>();

    private JavaBindings(BindingModel model) {
        this.model = model;
    }

    /** The sources of the binding: path inside the archive → Java source. */
    static Map<String, String> generate(String registry, String schemaName, String type, JsonNode doc) {
        JavaBindings g = new JavaBindings(new BindingModel(registry, schemaName, type, doc, Set.of("Marshaller")));
        for (BindingModel.ClassDef c : g.model.classes) g.writeClass(c);
        g.writeMarshaller();
        return g.files;
    }

    private static String javaType(BindingModel.TypeRef t) {
        switch (t.kind()) {
            case STRING: return "String";
            case DATE_TIME: return "java.util.Date";
            case INTEGER: return "Long";
            case NUMBER: return "java.math.BigDecimal";
            case BOOLEAN: return "Boolean";
            case LIST: return "java.util.List<" + javaType(t.element()) + ">";
            case MAP: return "java.util.Map<String, Object>";
            case OBJECT: return t.ref();
            case DETAIL: return "T";
            default: return "Object";
        }
    }

    /** The envelope is generic: its detail member is typed {@code T}. */
    private void writeClass(BindingModel.ClassDef c) {
        String className = c.name();
        String pkg = model.packageName;
        String genericMember = c.event() ? "detail" : null;
        StringBuilder f = new StringBuilder();
        StringBuilder m = new StringBuilder();
        Map<String, String> javaNames = new LinkedHashMap<>();
        Set<String> usedFields = new HashSet<>();
        Map<String, String> types = new LinkedHashMap<>();
        for (BindingModel.Member m0 : c.members()) {
            String base = fieldName(m0.wireName());
            String name = base;
            for (int i = 1; !usedFields.add(name); i++) name = base + i;
            javaNames.put(m0.wireName(), name);
            types.put(m0.wireName(), javaType(m0.type()));
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
        src.append("/** Generated by Vigil's Schema Registry from the schema's ").append(escapeComment(c.source()))
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

    private void writeMarshaller() {
        boolean isEvent = model.isEvent;
        String pkg = model.packageName;
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
