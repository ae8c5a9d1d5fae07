package dev.vigil.protocol.query;

import dev.vigil.core.service.QueryName;
import dev.vigil.protocol.Timestamps;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/** Writes SDK model objects as awsQuery response XML. Not thread-safe (one per response). */
final class XmlWriter {
    private final StringBuilder out;
    private final QueryName.Lookup names;

    XmlWriter(StringBuilder out) { this(out, QueryName.Lookup.none()); }

    /** With the service's awsQuery names for members whose model name differs ({@link QueryName}). */
    XmlWriter(StringBuilder out, QueryName.Lookup names) {
        this.out = out;
        this.names = names;
    }

    void members(SdkPojo pojo) {
        for (SdkField<?> f : pojo.sdkFields()) {
            Object v = f.getValueOrDefault(pojo);
            if (v == null || isAutoConstruct(v)) continue;
            QueryName q = names.of(pojo.getClass(), f.locationName());
            String name = q != null ? q.name() : elementName(f);
            MarshallingType<?> t = f.marshallingType();
            boolean flat = q != null ? q.flattened() : t == MarshallingType.LIST && f.getRequiredTrait(ListTrait.class).isFlattened();
            if (t == MarshallingType.LIST && flat) {
                SdkField<?> member = f.getRequiredTrait(ListTrait.class).memberFieldInfo();
                for (Object e : (Collection<?>) v) element(name, member, e);
            } else if (t == MarshallingType.MAP && flat) {
                MapTrait mt = f.getRequiredTrait(MapTrait.class);
                String key = q.keyName() == null ? "key" : q.keyName();
                String value = q.valueName() == null ? "value" : q.valueName();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                    open(name);
                    element(key, String.valueOf(e.getKey()));
                    element(value, mt.valueFieldInfo(), e.getValue());
                    close(name);
                }
            } else {
                element(name, f, v);
            }
        }
    }

    private static boolean isAutoConstruct(Object v) {
        return v instanceof software.amazon.awssdk.core.util.SdkAutoConstructList
                || v instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap;
    }

    private static String elementName(SdkField<?> f) {
        String n = f.unmarshallLocationName();
        return n == null ? f.locationName() : n;
    }

    private void element(String name, SdkField<?> f, Object v) {
        if (v == null) return;
        open(name);
        MarshallingType<?> t = f.marshallingType();
        if (t == MarshallingType.SDK_POJO) {
            members((SdkPojo) v);
        } else if (t == MarshallingType.LIST) {
            ListTrait lt = f.getRequiredTrait(ListTrait.class);
            String member = lt.memberLocationName() == null ? "member" : lt.memberLocationName();
            for (Object e : (Collection<?>) v) element(member, lt.memberFieldInfo(), e);
        } else if (t == MarshallingType.MAP) {
            MapTrait mt = f.getRequiredTrait(MapTrait.class);
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                open("entry");
                open(mt.keyLocationName() == null ? "key" : mt.keyLocationName());
                text(String.valueOf(e.getKey()));
                close(mt.keyLocationName() == null ? "key" : mt.keyLocationName());
                element(mt.valueLocationName() == null ? "value" : mt.valueLocationName(), mt.valueFieldInfo(), e.getValue());
                close("entry");
            }
        } else if (t == MarshallingType.INSTANT) {
            text(Timestamps.iso((Instant) v));
        } else if (t == MarshallingType.SDK_BYTES) {
            text(Base64.getEncoder().encodeToString(((SdkBytes) v).asByteArrayUnsafe()));
        } else {
            text(String.valueOf(v));
        }
        close(name);
    }

    void open(String name) { out.append('<').append(name).append('>'); }

    void close(String name) { out.append("</").append(name).append('>'); }

    void text(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\r' -> out.append("&#xD;");
                default -> {
                    // XML 1.0 cannot carry most control characters; AWS drops them too.
                    if (c >= 0x20 || c == '\n' || c == '\t') out.append(c);
                }
            }
        }
    }

    void element(String name, String text) {
        open(name);
        text(text);
        close(name);
    }
}
