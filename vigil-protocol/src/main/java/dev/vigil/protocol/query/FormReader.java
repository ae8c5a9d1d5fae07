package dev.vigil.protocol.query;

import dev.vigil.core.AwsException;
import dev.vigil.protocol.Shapes;
import dev.vigil.protocol.Timestamps;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * Fills SDK model objects from awsQuery's flat parameters ({@code MetricData.member.1.Dimensions.member.2.Name}).
 * The flat keys are first folded into a tree on '.', then the model is walked over it. Stateless.
 */
public final class FormReader {

    private FormReader() {}

    /** A node of the folded parameter tree: a value, children, or both (an empty list is "Name="). */
    static final class Node {
        String value;
        Map<String, Node> children;

        Node child(String k) { return children == null ? null : children.get(k); }

        Node childOrCreate(String k) {
            if (children == null) children = new LinkedHashMap<>();
            return children.computeIfAbsent(k, x -> new Node());
        }

        /** Children with numeric keys, in numeric order (1, 2, ..., 10). */
        List<Node> indexed() {
            if (children == null) return List.of();
            TreeMap<Integer, Node> sorted = new TreeMap<>();
            for (Map.Entry<String, Node> e : children.entrySet()) {
                try {
                    sorted.put(Integer.parseInt(e.getKey()), e.getValue());
                } catch (NumberFormatException ignored) {
                    // not a list index: ignore, as AWS does with unknown parameters
                }
            }
            return new ArrayList<>(sorted.values());
        }
    }

    /** No AWS shape nests deeper than this; longer keys name nothing and are ignored. */
    private static final int MAX_KEY_SEGMENTS = 40;

    public static SdkPojo read(Class<?> type, Map<String, String> params) {
        Node root = new Node();
        Shapes.Plan plan = Shapes.plan(type);
        for (Map.Entry<String, String> e : params.entrySet()) {
            String key = e.getKey();
            int dot = key.indexOf('.');
            // Only members of the request shape are folded (Action, Version, X-Amz-* and junk are not).
            if (!plan.byLocationName().containsKey(dot < 0 ? key : key.substring(0, dot))) continue;
            String[] parts = key.split("\\.", MAX_KEY_SEGMENTS + 1);
            if (parts.length > MAX_KEY_SEGMENTS) continue;
            Node n = root;
            for (String part : parts) n = n.childOrCreate(part);
            n.value = e.getValue();
        }
        SdkPojo builder = plan.builder().get();
        fill(builder, plan.fields(), root, "");
        return Shapes.build(builder);
    }

    private static void fill(SdkPojo builder, List<SdkField<?>> fields, Node node, String path) {
        for (SdkField<?> f : fields) {
            Node child = node.child(f.locationName());
            if (child == null) continue;
            Object v = value(f, child, path + f.locationName());
            if (v != null) f.set(builder, v);
        }
    }

    private static Object value(SdkField<?> f, Node n, String path) {
        MarshallingType<?> t = f.marshallingType();
        if (t == MarshallingType.SDK_POJO) {
            SdkPojo b = f.constructor().get();
            fill(b, b.sdkFields(), n, path + ".");
            return Shapes.build(b);
        }
        if (t == MarshallingType.LIST) {
            ListTrait lt = f.getRequiredTrait(ListTrait.class);
            Node items = lt.isFlattened() ? n : n.child(lt.memberLocationName() == null ? "member" : lt.memberLocationName());
            List<Object> out = new ArrayList<>();
            if (items == null) return n.value != null ? out : null;
            String itemPath = lt.isFlattened() ? path + "." : path + "." + (lt.memberLocationName() == null ? "member" : lt.memberLocationName()) + ".";
            int i = 0;
            for (Node item : items.indexed()) {
                Object v = value(lt.memberFieldInfo(), item, itemPath + (++i));
                if (v != null) out.add(v); // AWS's lists are not sparse
            }
            return out;
        }
        if (t == MarshallingType.MAP) {
            MapTrait mt = f.getRequiredTrait(MapTrait.class);
            Node entries = mt.isFlattened() ? n : n.child("entry");
            Map<String, Object> out = new LinkedHashMap<>();
            if (entries == null) return n.value != null ? out : null;
            String keyName = mt.keyLocationName() == null ? "key" : mt.keyLocationName();
            String valueName = mt.valueLocationName() == null ? "value" : mt.valueLocationName();
            for (Node entry : entries.indexed()) {
                Node k = entry.child(keyName);
                Node v = entry.child(valueName);
                if (k == null || k.value == null) continue;
                out.put(k.value, v == null ? null : value(mt.valueFieldInfo(), v, path + "." + k.value));
            }
            return out;
        }
        String s = n.value;
        if (s == null) return null;
        return scalar(t, s, path);
    }

    private static Object scalar(MarshallingType<?> t, String s, String path) {
        try {
            if (t == MarshallingType.STRING) return s;
            if (t == MarshallingType.INTEGER) return Integer.valueOf(s.trim());
            if (t == MarshallingType.LONG) return Long.valueOf(s.trim());
            if (t == MarshallingType.SHORT) return Short.valueOf(s.trim());
            if (t == MarshallingType.BYTE) return Byte.valueOf(s.trim());
            if (t == MarshallingType.DOUBLE) return Double.valueOf(s.trim());
            if (t == MarshallingType.FLOAT) return Float.valueOf(s.trim());
            if (t == MarshallingType.BIG_DECIMAL) return new BigDecimal(s.trim());
            if (t == MarshallingType.BOOLEAN) {
                if (s.equalsIgnoreCase("true")) return Boolean.TRUE;
                if (s.equalsIgnoreCase("false")) return Boolean.FALSE;
                throw new NumberFormatException(s);
            }
            if (t == MarshallingType.INSTANT) {
                Instant i = Timestamps.parseLenient(s.trim());
                if (i == null) throw new NumberFormatException(s);
                return i;
            }
            if (t == MarshallingType.SDK_BYTES) return SdkBytes.fromByteArray(Base64.getDecoder().decode(s.trim()));
        } catch (IllegalArgumentException e) {
            throw new AwsException("InvalidParameterValue", 400,
                    "Value (" + s + ") for parameter " + path + " is invalid.");
        }
        throw new IllegalStateException("unsupported marshalling type " + t + " at " + path);
    }
}
