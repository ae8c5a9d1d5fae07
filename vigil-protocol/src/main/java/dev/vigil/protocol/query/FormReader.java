package dev.vigil.protocol.query;

import dev.vigil.core.AwsException;
import dev.vigil.core.service.QueryName;
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
        return read(type, params, QueryName.Lookup.none());
    }

    /** With the service's awsQuery names for members whose model name differs ({@link QueryName}). */
    public static SdkPojo read(Class<?> type, Map<String, String> params, QueryName.Lookup names) {
        Node root = new Node();
        Shapes.Plan plan = Shapes.plan(type);
        java.util.Set<String> top = new java.util.HashSet<>(plan.byLocationName().keySet());
        for (SdkField<?> f : plan.fields()) {
            QueryName q = names.of(type, f.locationName());
            if (q != null) top.add(q.name());
        }
        for (Map.Entry<String, String> e : params.entrySet()) {
            String key = e.getKey();
            int dot = key.indexOf('.');
            // Only members of the request shape are folded (Action, Version, X-Amz-* and junk are not).
            if (!top.contains(dot < 0 ? key : key.substring(0, dot))) continue;
            String[] parts = key.split("\\.", MAX_KEY_SEGMENTS + 1);
            if (parts.length > MAX_KEY_SEGMENTS) continue;
            Node n = root;
            for (String part : parts) n = n.childOrCreate(part);
            n.value = e.getValue();
        }
        SdkPojo builder = plan.builder().get();
        fill(builder, type, plan.fields(), root, "", names);
        return Shapes.build(builder);
    }

    private static void fill(SdkPojo builder, Class<?> shape, List<SdkField<?>> fields, Node node, String path,
                             QueryName.Lookup names) {
        for (SdkField<?> f : fields) {
            QueryName q = names.of(shape, f.locationName());
            String name = q == null ? f.locationName() : q.name();
            Node child = node.child(name);
            if (child == null) continue;
            Object v = value(f, q, child, path + name, names);
            if (v != null) f.set(builder, v);
        }
    }

    private static Object value(SdkField<?> f, QueryName q, Node n, String path, QueryName.Lookup names) {
        MarshallingType<?> t = f.marshallingType();
        if (t == MarshallingType.SDK_POJO) {
            SdkPojo b = f.constructor().get();
            // The builder is nested in its shape's class, which names the shape for the query-name lookup.
            Class<?> shape = b.getClass().getDeclaringClass() == null ? b.getClass() : b.getClass().getDeclaringClass();
            fill(b, shape, b.sdkFields(), n, path + ".", names);
            return Shapes.build(b);
        }
        if (t == MarshallingType.LIST) {
            ListTrait lt = f.getRequiredTrait(ListTrait.class);
            boolean flat = q != null ? q.flattened() : lt.isFlattened();
            String member = q != null && q.memberName() != null ? q.memberName()
                    : lt.memberLocationName() == null ? "member" : lt.memberLocationName();
            Node items = flat ? n : n.child(member);
            List<Object> out = new ArrayList<>();
            if (items == null) return n.value != null ? out : null;
            String itemPath = flat ? path + "." : path + "." + member + ".";
            int i = 0;
            for (Node item : items.indexed()) {
                Object v = value(lt.memberFieldInfo(), null, item, itemPath + (++i), names);
                if (v != null) out.add(v); // AWS's lists are not sparse
            }
            return out;
        }
        if (t == MarshallingType.MAP) {
            MapTrait mt = f.getRequiredTrait(MapTrait.class);
            boolean flat = q != null ? q.flattened() : mt.isFlattened();
            Node entries = flat ? n : n.child("entry");
            Map<String, Object> out = new LinkedHashMap<>();
            if (entries == null) return n.value != null ? out : null;
            String keyName = q != null && q.keyName() != null ? q.keyName()
                    : mt.keyLocationName() == null ? "key" : mt.keyLocationName();
            String valueName = q != null && q.valueName() != null ? q.valueName()
                    : mt.valueLocationName() == null ? "value" : mt.valueLocationName();
            for (Node entry : entries.indexed()) {
                Node k = entry.child(keyName);
                Node v = entry.child(valueName);
                if (k == null || k.value == null) continue;
                out.put(k.value, v == null ? null : value(mt.valueFieldInfo(), null, v, path + "." + k.value, names));
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
