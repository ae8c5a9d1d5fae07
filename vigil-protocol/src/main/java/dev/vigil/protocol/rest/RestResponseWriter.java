package dev.vigil.protocol.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.vigil.protocol.WireResponse;
import dev.vigil.protocol.json.DocumentWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Writes an SDK response as restJson1: the status from the {@code @httpResponseCode} member (200 when
 * unset), header-bound members as headers, and the body (the JSON object of the payload members, or the
 * {@code @httpPayload} member as JSON, raw bytes or raw text). Stateless; thread-safe.
 */
final class RestResponseWriter {
    static final String JSON = "application/json";

    private RestResponseWriter() {}

    static WireResponse write(SdkPojo response, JsonFactory factory) {
        RestPlan plan = RestPlan.of(response.getClass());
        int status = 200;
        if (plan.statusCode() != null && plan.statusCode().getValueOrDefault(response) instanceof Integer code) {
            status = code;
        }
        WireResponse r = body(response, plan, status, factory);
        for (SdkField<?> f : plan.headers()) writeHeader(r, f, f.getValueOrDefault(response));
        for (SdkField<?> f : plan.prefixHeaders()) {
            Object v = f.getValueOrDefault(response);
            if (!(v instanceof Map<?, ?> map) || v instanceof SdkAutoConstructMap) continue;
            SdkField<?> valueField = f.getRequiredTrait(MapTrait.class).valueFieldInfo();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (e.getValue() != null) {
                    r.header(f.locationName() + e.getKey(),
                            HttpValues.format(valueField, e.getValue(), MarshallLocation.HEADER));
                }
            }
        }
        return r;
    }

    private static WireResponse body(SdkPojo response, RestPlan plan, int status, JsonFactory factory) {
        SdkField<?> payload = plan.payload();
        if (payload == null) {
            // A shape whose members all live in headers or the status has no body; any other gets an object.
            boolean empty = !plan.bodyMembers() && (plan.statusCode() != null || !plan.headers().isEmpty()
                    || !plan.prefixHeaders().isEmpty());
            if (empty) return new WireResponse(status, null, new byte[0]);
            return new WireResponse(status, JSON, json(factory, g -> DocumentWriter.WIRE.write(g, response)));
        }
        Object v = payload.getValueOrDefault(response);
        if (v == null) return new WireResponse(status, null, new byte[0]);
        MarshallingType<?> t = payload.marshallingType();
        // A header-bound Content-Type member, written after this, overrides these defaults.
        if (t == MarshallingType.SDK_BYTES) {
            return new WireResponse(status, "application/octet-stream", ((SdkBytes) v).asByteArray());
        }
        if (t == MarshallingType.STRING) {
            return new WireResponse(status, "text/plain", ((String) v).getBytes(StandardCharsets.UTF_8));
        }
        return new WireResponse(status, JSON, json(factory, g -> DocumentWriter.WIRE.writeMember(g, payload, v)));
    }

    private static void writeHeader(WireResponse r, SdkField<?> f, Object v) {
        if (v == null || v instanceof SdkAutoConstructList) return;
        // One spelling, so a Content-Type member replaces the default instead of doubling it.
        String name = f.locationName().equalsIgnoreCase("Content-Type") ? "Content-Type" : f.locationName();
        if (f.marshallingType() == MarshallingType.LIST) {
            SdkField<?> member = f.getRequiredTrait(ListTrait.class).memberFieldInfo();
            Collection<?> items = (Collection<?>) v;
            if (items.isEmpty()) return;
            List<String> texts = new ArrayList<>(items.size());
            for (Object item : items) {
                if (item != null) texts.add(HttpValues.format(member, item, MarshallLocation.HEADER));
            }
            r.header(name, HttpValues.joinList(texts, HttpValues.isHttpDate(member)));
        } else {
            r.header(name, HttpValues.format(f, v, MarshallLocation.HEADER));
        }
    }

    interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    static byte[] json(JsonFactory factory, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = factory.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
