package dev.vigil.protocol.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import dev.vigil.protocol.Timestamps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;

/**
 * Writes SDK model objects as a JSON or CBOR document (the same generator API serves both). Members
 * that are unset are omitted. Stateless configuration; one instance per style; thread-safe.
 */
public final class DocumentWriter {

    /** How member names are spelled: as on the wire, or lowerCamel as CloudTrail records them. */
    public enum Naming { WIRE, LOWER_CAMEL }

    private final Naming naming;

    /**
     * Members an audit record never carries (CloudTrail leaves secrets out of requestParameters and
     * responseElements): key material, passwords, bearer tokens and one-time codes.
     */
    private static final java.util.Set<String> SECRETS = java.util.Set.of("SecretAccessKey", "Password", "OldPassword",
            "NewPassword", "PrivateKey", "SessionToken", "SAMLAssertion", "WebIdentityToken", "AuthenticationCode1",
            "AuthenticationCode2", "TokenCode", "Base32StringSeed", "QRCodePNG");

    public DocumentWriter(Naming naming) { this.naming = naming; }

    public static final DocumentWriter WIRE = new DocumentWriter(Naming.WIRE);
    public static final DocumentWriter CAMEL = new DocumentWriter(Naming.LOWER_CAMEL);

    /** Writes the payload members of {@code pojo} as one object. */
    public void write(JsonGenerator g, SdkPojo pojo) {
        try {
            writeStruct(g, pojo);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes only the scalar payload members of {@code pojo} (strings, numbers, booleans, timestamps) as one
     * object: lists, maps, structures and blobs are left out (a data event's audit record, which names what was
     * acted on without the data itself).
     */
    public void writeScalars(JsonGenerator g, SdkPojo pojo) {
        try {
            g.writeStartObject();
            for (SdkField<?> f : pojo.sdkFields()) {
                if (f.location() != MarshallLocation.PAYLOAD || !isScalar(f.marshallingType())) continue;
                Object v = f.getValueOrDefault(pojo);
                if (v == null) continue;
                if (naming == Naming.LOWER_CAMEL && SECRETS.contains(f.memberName())) continue;
                g.writeFieldName(name(f));
                writeValue(g, f, v);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isScalar(MarshallingType<?> t) {
        return t == MarshallingType.STRING || t == MarshallingType.INTEGER || t == MarshallingType.SHORT
                || t == MarshallingType.BYTE || t == MarshallingType.LONG || t == MarshallingType.DOUBLE
                || t == MarshallingType.FLOAT || t == MarshallingType.BIG_DECIMAL || t == MarshallingType.BOOLEAN
                || t == MarshallingType.INSTANT;
    }

    /** Writes one member's value (restJson1's explicit payload: a structure or document that is the whole body). */
    public void writeMember(JsonGenerator g, SdkField<?> field, Object value) {
        try {
            writeValue(g, field, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeStruct(JsonGenerator g, SdkPojo pojo) throws IOException {
        g.writeStartObject();
        for (SdkField<?> f : pojo.sdkFields()) {
            if (f.location() != MarshallLocation.PAYLOAD) continue;
            Object v = f.getValueOrDefault(pojo);
            if (v == null || isAutoConstruct(v)) continue;
            if (naming == Naming.LOWER_CAMEL && SECRETS.contains(f.memberName())) continue;
            g.writeFieldName(name(f));
            writeValue(g, f, v);
        }
        g.writeEndObject();
    }

    private String name(SdkField<?> f) {
        String n = f.locationName();
        if (naming == Naming.WIRE || n.isEmpty()) return n;
        return Character.toLowerCase(n.charAt(0)) + n.substring(1);
    }

    /** The SDK marks lists and maps the caller never set with these; they are not sent. */
    static boolean isAutoConstruct(Object v) {
        return v instanceof software.amazon.awssdk.core.util.SdkAutoConstructList
                || v instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap;
    }

    private void writeValue(JsonGenerator g, SdkField<?> f, Object v) throws IOException {
        MarshallingType<?> t = f.marshallingType();
        if (v == null) {
            g.writeNull();
        } else if (t == MarshallingType.STRING) {
            g.writeString((String) v);
        } else if (t == MarshallingType.INTEGER || t == MarshallingType.SHORT || t == MarshallingType.BYTE) {
            g.writeNumber(((Number) v).intValue());
        } else if (t == MarshallingType.LONG) {
            g.writeNumber((Long) v);
        } else if (t == MarshallingType.DOUBLE || t == MarshallingType.FLOAT) {
            writeDouble(g, ((Number) v).doubleValue());
        } else if (t == MarshallingType.BIG_DECIMAL) {
            g.writeNumber((BigDecimal) v);
        } else if (t == MarshallingType.BOOLEAN) {
            g.writeBoolean((Boolean) v);
        } else if (t == MarshallingType.INSTANT) {
            writeInstant(g, f, (Instant) v);
        } else if (t == MarshallingType.SDK_BYTES) {
            g.writeBinary(((SdkBytes) v).asByteArrayUnsafe());
        } else if (t == MarshallingType.SDK_POJO) {
            writeStruct(g, (SdkPojo) v);
        } else if (t == MarshallingType.LIST) {
            SdkField<?> member = f.getRequiredTrait(ListTrait.class).memberFieldInfo();
            Collection<?> list = (Collection<?>) v;
            g.writeStartArray();
            for (Object e : list) writeValue(g, member, e);
            g.writeEndArray();
        } else if (t == MarshallingType.MAP) {
            SdkField<?> valueField = f.getRequiredTrait(MapTrait.class).valueFieldInfo();
            g.writeStartObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writeValue(g, valueField, e.getValue());
            }
            g.writeEndObject();
        } else if (t == MarshallingType.DOCUMENT) {
            writeDocument(g, (Document) v);
        } else {
            throw new IllegalStateException("unsupported marshalling type " + t);
        }
    }

    private static void writeDouble(JsonGenerator g, double d) throws IOException {
        // Smithy JSON protocols spell the non-finite values as strings; CBOR has native ones.
        if (!(g instanceof CBORGenerator) && (Double.isNaN(d) || Double.isInfinite(d))) {
            g.writeString(Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
        } else {
            g.writeNumber(d);
        }
    }

    private void writeInstant(JsonGenerator g, SdkField<?> f, Instant i) throws IOException {
        if (g instanceof CBORGenerator cbor) {
            // rpcv2Cbor: tag 1 (epoch-based date/time) over seconds, fractional when needed.
            cbor.writeTag(1);
            if (i.getNano() == 0) cbor.writeNumber(i.getEpochSecond());
            else cbor.writeNumber(i.toEpochMilli() / 1000.0);
            return;
        }
        TimestampFormatTrait trait = f.getTrait(TimestampFormatTrait.class);
        TimestampFormatTrait.Format format = trait == null ? null : trait.format();
        if (naming == Naming.LOWER_CAMEL) {
            // CloudTrail renders request timestamps as text.
            g.writeString(Timestamps.iso(i));
        } else if (format == TimestampFormatTrait.Format.ISO_8601) {
            g.writeString(Timestamps.iso(i));
        } else if (format == TimestampFormatTrait.Format.RFC_822) {
            g.writeString(Timestamps.rfc822(i));
        } else {
            g.writeNumber(Timestamps.toEpochSeconds(i));
        }
    }

    private static void writeDocument(JsonGenerator g, Document d) throws IOException {
        if (d == null || d.isNull()) {
            g.writeNull();
        } else if (d.isBoolean()) {
            g.writeBoolean(d.asBoolean());
        } else if (d.isNumber()) {
            g.writeNumber(d.asNumber().bigDecimalValue());
        } else if (d.isString()) {
            g.writeString(d.asString());
        } else if (d.isList()) {
            g.writeStartArray();
            for (Document e : d.asList()) writeDocument(g, e);
            g.writeEndArray();
        } else {
            g.writeStartObject();
            for (Map.Entry<String, Document> e : d.asMap().entrySet()) {
                g.writeFieldName(e.getKey());
                writeDocument(g, e.getValue());
            }
            g.writeEndObject();
        }
    }
}
