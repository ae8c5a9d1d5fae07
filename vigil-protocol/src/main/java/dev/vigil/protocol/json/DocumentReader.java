package dev.vigil.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.AwsException;
import dev.vigil.protocol.Shapes;
import dev.vigil.protocol.Timestamps;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * Fills SDK model objects from a JSON or CBOR document tree (JSON protocols, rpcv2Cbor, restJson1
 * payloads). Unknown members are ignored, as AWS does; a value of the wrong type is a
 * SerializationException. Stateless; thread-safe.
 */
public final class DocumentReader {

    private DocumentReader() {}

    /**
     * A member path ("MetricData.12.Dimensions"), spelled out only for an error message: building it eagerly
     * cost a string per list element and member of every request.
     */
    private record Path(Path parent, String segment, int index) {
        static final Path ROOT = new Path(null, null, 0);

        Path member(String name) { return new Path(this, name, 0); }

        Path element(int i) { return new Path(this, null, i); }

        boolean isRoot() { return parent == null; }

        @Override
        public String toString() {
            if (parent == null) return "";
            String self = segment != null ? segment : Integer.toString(index);
            return parent.isRoot() ? self : parent + "." + self;
        }
    }

    /** Reads the payload members of {@code type} from an object node (members bound elsewhere are skipped). */
    public static SdkPojo read(Class<?> type, JsonNode node) {
        Shapes.Plan plan = Shapes.plan(type);
        SdkPojo builder = plan.builder().get();
        fill(builder, plan.fields(), node, Path.ROOT);
        return Shapes.build(builder);
    }

    /** Reads the payload members of an object node into a builder (restJson1 also fills it from the URI). */
    public static void readInto(SdkPojo builder, JsonNode node) {
        fill(builder, builder.sdkFields(), node, Path.ROOT);
    }

    /** Reads one member's value (restJson1's explicit payload: a structure or document that is the whole body). */
    public static Object readMember(SdkField<?> field, JsonNode node) {
        return value(field, node, Path.ROOT.member(field.locationName()));
    }

    static void fill(SdkPojo builder, List<SdkField<?>> fields, JsonNode node, Path path) {
        if (node == null || node.isNull() || node.isMissingNode()) return;
        if (!node.isObject()) throw mismatch(path.isRoot() ? "input" : path.toString(), "structure", node);
        for (SdkField<?> f : fields) {
            if (f.location() != MarshallLocation.PAYLOAD) continue;
            JsonNode v = node.get(f.locationName());
            if (v == null || v.isNull()) continue;
            f.set(builder, value(f, v, path.member(f.locationName())));
        }
    }

    static Object value(SdkField<?> f, JsonNode v, Path path) {
        MarshallingType<?> t = f.marshallingType();
        if (t == MarshallingType.STRING) return text(v, path);
        if (t == MarshallingType.INTEGER) return (int) integral(v, path, Integer.MIN_VALUE, Integer.MAX_VALUE);
        if (t == MarshallingType.LONG) return integral(v, path, Long.MIN_VALUE, Long.MAX_VALUE);
        if (t == MarshallingType.SHORT) return (short) integral(v, path, Short.MIN_VALUE, Short.MAX_VALUE);
        if (t == MarshallingType.BYTE) return (byte) integral(v, path, Byte.MIN_VALUE, Byte.MAX_VALUE);
        if (t == MarshallingType.DOUBLE) return floating(v, path);
        if (t == MarshallingType.FLOAT) return (float) floating(v, path);
        if (t == MarshallingType.BIG_DECIMAL) return bigDecimal(v, path);
        if (t == MarshallingType.BOOLEAN) return bool(v, path);
        if (t == MarshallingType.INSTANT) return instant(v, path);
        if (t == MarshallingType.SDK_BYTES) return bytes(v, path);
        if (t == MarshallingType.SDK_POJO) {
            SdkPojo b = f.constructor().get();
            fill(b, b.sdkFields(), v, path);
            return Shapes.build(b);
        }
        if (t == MarshallingType.LIST) {
            if (!v.isArray()) throw mismatch(path, "list", v);
            SdkField<?> member = f.getRequiredTrait(ListTrait.class).memberFieldInfo();
            List<Object> out = new ArrayList<>(v.size());
            int i = 0;
            for (JsonNode e : v) {
                ++i;
                // AWS's lists are not sparse: a null element carries nothing.
                if (!e.isNull()) out.add(value(member, e, path.element(i)));
            }
            return out;
        }
        if (t == MarshallingType.MAP) {
            if (!v.isObject()) throw mismatch(path, "map", v);
            SdkField<?> valueField = f.getRequiredTrait(MapTrait.class).valueFieldInfo();
            Map<String, Object> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), e.getValue().isNull() ? null : value(valueField, e.getValue(), path.member(e.getKey())));
            }
            return out;
        }
        if (t == MarshallingType.DOCUMENT) return document(v);
        throw new IllegalStateException("unsupported marshalling type " + t + " at " + path);
    }

    private static String text(JsonNode v, Path path) {
        if (!v.isTextual()) throw mismatch(path, "string", v);
        return v.textValue();
    }

    private static long integral(JsonNode v, Path path, long min, long max) {
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            double d = v.doubleValue();
            if (v.isFloatingPointNumber() && Double.isFinite(d) && d == Math.rint(d) && d >= min && d <= max) {
                return (long) d;
            }
            throw mismatch(path, "integer", v);
        }
        long l = v.longValue();
        if (l < min || l > max) throw mismatch(path, "integer", v);
        return l;
    }

    private static double floating(JsonNode v, Path path) {
        if (v.isNumber()) return v.doubleValue();
        if (v.isTextual()) {
            // Smithy JSON protocols send NaN and the infinities as strings.
            switch (v.textValue()) {
                case "NaN": return Double.NaN;
                case "Infinity": return Double.POSITIVE_INFINITY;
                case "-Infinity": return Double.NEGATIVE_INFINITY;
                default: break;
            }
        }
        throw mismatch(path, "number", v);
    }

    private static BigDecimal bigDecimal(JsonNode v, Path path) {
        if (v.isNumber()) {
            if (!Double.isFinite(v.doubleValue()) && !v.isBigDecimal() && !v.isIntegralNumber()) throw mismatch(path, "number", v);
            return v.decimalValue();
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.textValue());
            } catch (NumberFormatException e) {
                throw mismatch(path, "number", v);
            }
        }
        throw mismatch(path, "number", v);
    }

    private static boolean bool(JsonNode v, Path path) {
        if (!v.isBoolean()) throw mismatch(path, "boolean", v);
        return v.booleanValue();
    }

    private static Instant instant(JsonNode v, Path path) {
        if (v.isNumber()) {
            try {
                if (v.isFloatingPointNumber() && !v.isBigDecimal() && !Double.isFinite(v.doubleValue())) {
                    throw mismatch(path, "timestamp", v);
                }
                return Timestamps.fromEpochSeconds(v.decimalValue());
            } catch (ArithmeticException | NumberFormatException | java.time.DateTimeException e) {
                throw mismatch(path, "timestamp", v);
            }
        }
        if (v.isTextual()) {
            Instant i = Timestamps.parseLenient(v.textValue());
            if (i != null) return i;
        }
        throw mismatch(path, "timestamp", v);
    }

    private static SdkBytes bytes(JsonNode v, Path path) {
        try {
            if (v.isBinary() || v.isTextual()) return SdkBytes.fromByteArray(v.binaryValue());
        } catch (IOException | IllegalArgumentException e) {
            throw mismatch(path, "blob", v);
        }
        throw mismatch(path, "blob", v);
    }

    static Document document(JsonNode v) {
        if (v.isNull()) return Document.fromNull();
        if (v.isBoolean()) return Document.fromBoolean(v.booleanValue());
        if (v.isNumber()) {
            if (!Double.isFinite(v.doubleValue()) && !v.isBigDecimal() && !v.isIntegralNumber()) {
                throw new AwsException("SerializationException", 400, "Cannot deserialize a non-finite number in a document");
            }
            return Document.fromNumber(v.decimalValue());
        }
        if (v.isTextual()) return Document.fromString(v.textValue());
        if (v.isArray()) {
            List<Document> list = new ArrayList<>();
            v.forEach(e -> list.add(document(e)));
            return Document.fromList(list);
        }
        Map<String, Document> map = new LinkedHashMap<>();
        v.fields().forEachRemaining(e -> map.put(e.getKey(), document(e.getValue())));
        return Document.fromMap(map);
    }

    private static AwsException mismatch(Path path, String expected, JsonNode v) {
        return mismatch(path.toString(), expected, v);
    }

    private static AwsException mismatch(String path, String expected, JsonNode v) {
        return new AwsException("SerializationException", 400,
                "Cannot deserialize value of " + path + ": expected " + expected + " but found " + v.getNodeType()
                        .toString().toLowerCase(java.util.Locale.ROOT));
    }
}
