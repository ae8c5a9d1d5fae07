package dev.vigil.protocol.rest;

import dev.vigil.protocol.Shapes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * Builds a fully populated instance of any SDK shape (every member set, lists and maps with two entries,
 * nested structures down to a few levels), with strings that need escaping in URIs and JSON. Stateless.
 */
final class ShapeFiller {
    static final Instant TIME = Instant.parse("2024-05-06T07:08:09.123Z");
    private static final int MAX_DEPTH = 4;

    private ShapeFiller() {}

    static SdkPojo filled(Class<?> type) {
        SdkPojo b = Shapes.plan(type).builder().get();
        fill(b, 0);
        return Shapes.build(b);
    }

    private static void fill(SdkPojo builder, int depth) {
        for (SdkField<?> f : builder.sdkFields()) {
            Object v = value(f, f.memberName(), depth);
            if (v != null) f.set(builder, v);
        }
    }

    private static Object value(SdkField<?> f, String name, int depth) {
        MarshallingType<?> t = f.marshallingType();
        if (t == MarshallingType.STRING) return name + " ä/&=+?%,;\"x";
        if (t == MarshallingType.INTEGER) return 7 + depth;
        if (t == MarshallingType.LONG) return 1234567890123L;
        if (t == MarshallingType.SHORT) return (short) 12;
        if (t == MarshallingType.BYTE) return (byte) 3;
        if (t == MarshallingType.DOUBLE) return 1.5;
        if (t == MarshallingType.FLOAT) return 2.25f;
        if (t == MarshallingType.BIG_DECIMAL) return new BigDecimal("12.345");
        if (t == MarshallingType.BOOLEAN) return Boolean.TRUE;
        if (t == MarshallingType.INSTANT) return TIME;
        if (t == MarshallingType.SDK_BYTES) return SdkBytes.fromUtf8String("bytes of " + name);
        if (t == MarshallingType.DOCUMENT) return Document.mapBuilder().putString("k", name).putNumber("n", 3).build();
        if (t == MarshallingType.SDK_POJO) {
            if (depth >= MAX_DEPTH) return null;
            SdkPojo b = f.constructor().get();
            fill(b, depth + 1);
            return Shapes.build(b);
        }
        if (t == MarshallingType.LIST) {
            SdkField<?> member = f.getRequiredTrait(ListTrait.class).memberFieldInfo();
            Object a = value(member, name + "1", depth);
            Object b = value(member, name + "2", depth);
            return a == null ? null : List.of(a, b);
        }
        if (t == MarshallingType.MAP) {
            SdkField<?> valueField = f.getRequiredTrait(MapTrait.class).valueFieldInfo();
            Object a = value(valueField, name + "1", depth);
            Object b = value(valueField, name + "2", depth);
            return a == null ? null : Map.of("k1", a, "k2", b);
        }
        return null;
    }
}
