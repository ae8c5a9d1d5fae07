package dev.vigil.protocol.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.protocol.Shapes;
import dev.vigil.protocol.WireRequest;
import dev.vigil.protocol.json.DocumentReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * Fills an SDK request from every part of a restJson1 request: URI labels, query string, headers and the
 * body (the implicit JSON object of the remaining members, or the one {@code @httpPayload} member as JSON,
 * raw bytes or raw text). Stateless; thread-safe.
 */
final class RestRequestReader {

    private RestRequestReader() {}

    /**
     * @param labels     the URI label values of the operation's template
     * @param routeQuery the query keys the template itself requires ({@code /path?type=x}); route, not data
     * @param json       parses a body into a JSON tree (SerializationException when malformed)
     */
    static SdkPojo read(Class<?> type, WireRequest request, Map<String, String> labels, Set<String> routeQuery,
                        Function<byte[], JsonNode> json) {
        RestPlan plan = RestPlan.of(type);
        SdkPojo builder = Shapes.plan(type).builder().get();
        for (SdkField<?> f : plan.labels()) {
            String v = labels.get(f.locationName());
            if (v != null) f.set(builder, HttpValues.parse(f, v, "label " + f.locationName()));
        }
        if (!plan.query().isEmpty() || plan.queryMap() != null) {
            readQuery(builder, plan, UriCodec.parseQuery(request.rawQuery()), routeQuery);
        }
        for (SdkField<?> f : plan.headers()) readHeader(builder, f, request.headers());
        for (SdkField<?> f : plan.prefixHeaders()) readPrefixHeaders(builder, f, request.headers());
        byte[] body = request.body();
        boolean hasBody = body != null && body.length > 0;
        if (plan.payload() != null && hasBody) {
            plan.payload().set(builder, payload(plan.payload(), body, json));
        } else if (plan.bodyMembers() && hasBody) {
            DocumentReader.readInto(builder, json.apply(body));
        }
        return Shapes.build(builder);
    }

    private static Object payload(SdkField<?> f, byte[] body, Function<byte[], JsonNode> json) {
        MarshallingType<?> t = f.marshallingType();
        if (t == MarshallingType.SDK_BYTES) return SdkBytes.fromByteArray(body);
        if (t == MarshallingType.STRING) return new String(body, StandardCharsets.UTF_8);
        return DocumentReader.readMember(f, json.apply(body));
    }

    private static void readQuery(SdkPojo builder, RestPlan plan, Map<String, List<String>> query,
                                  Set<String> routeQuery) {
        for (SdkField<?> f : plan.query()) {
            List<String> values = query.get(f.locationName());
            if (values == null) continue;
            String where = "query parameter " + f.locationName();
            f.set(builder, f.marshallingType() == MarshallingType.LIST
                    ? list(f, values, where) : HttpValues.parse(f, values.get(0), where));
        }
        SdkField<?> mapField = plan.queryMap();
        if (mapField == null || query.isEmpty()) return;
        // Smithy: servers put every query parameter in the @httpQueryParams map, bound ones included
        // (but not the template's own literals, which select the operation).
        SdkField<?> valueField = mapField.getRequiredTrait(MapTrait.class).valueFieldInfo();
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            if (routeQuery.contains(e.getKey())) continue;
            String where = "query parameter " + e.getKey();
            map.put(e.getKey(), valueField.marshallingType() == MarshallingType.LIST
                    ? list(valueField, e.getValue(), where) : HttpValues.parse(valueField, e.getValue().get(0), where));
        }
        if (!map.isEmpty()) mapField.set(builder, map);
    }

    private static void readHeader(SdkPojo builder, SdkField<?> f, Map<String, List<String>> headers) {
        List<String> values = headers.get(f.locationName().toLowerCase(Locale.ROOT));
        if (values == null || values.isEmpty()) return;
        String where = "header " + f.locationName();
        if (f.marshallingType() == MarshallingType.LIST) {
            SdkField<?> member = f.getRequiredTrait(ListTrait.class).memberFieldInfo();
            List<String> items = new ArrayList<>();
            // A list arrives as repeated header lines, as one comma-separated line, or both.
            boolean timestamps = member.marshallingType() == MarshallingType.INSTANT;
            for (String v : values) items.addAll(HttpValues.splitList(v, timestamps));
            f.set(builder, list(f, items, where));
        } else {
            String v = values.get(0);
            f.set(builder, HttpValues.parse(f, f.marshallingType() == MarshallingType.STRING ? v : v.trim(), where));
        }
    }

    private static void readPrefixHeaders(SdkPojo builder, SdkField<?> f, Map<String, List<String>> headers) {
        String prefix = f.locationName().toLowerCase(Locale.ROOT);
        SdkField<?> valueField = f.getRequiredTrait(MapTrait.class).valueFieldInfo();
        Map<String, Object> map = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> h : headers.entrySet()) {
            if (!h.getKey().startsWith(prefix) || h.getValue().isEmpty()) continue;
            String name = h.getKey().substring(prefix.length());
            map.put(name, HttpValues.parse(valueField, h.getValue().get(0), "header " + h.getKey()));
        }
        if (!map.isEmpty()) f.set(builder, map);
    }

    private static List<Object> list(SdkField<?> listField, List<String> values, String where) {
        SdkField<?> member = listField.getRequiredTrait(ListTrait.class).memberFieldInfo();
        List<Object> out = new ArrayList<>(values.size());
        for (String v : values) out.add(HttpValues.parse(member, v, where));
        return out;
    }
}
