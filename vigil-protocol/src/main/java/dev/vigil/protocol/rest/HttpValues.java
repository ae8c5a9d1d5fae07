package dev.vigil.protocol.rest;

import dev.vigil.core.AwsException;
import dev.vigil.protocol.Timestamps;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.JsonValueTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;

/**
 * Scalars as text in URI labels, query parameters and headers: numbers, booleans, timestamps (HTTP-date in
 * headers, ISO 8601 elsewhere, unless the member's timestampFormat says otherwise), base64 blobs and
 * {@code @mediaType("application/json")} strings. Stateless; thread-safe.
 */
final class HttpValues {
    /** IMF-fixdate (RFC 7231): two-digit day, unlike java's RFC_1123_DATE_TIME. */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private static final Pattern DAY_NAME = Pattern.compile("[A-Za-z]{3,9}");

    private HttpValues() {}

    /** @throws AwsException SerializationException when the text is not a value of the member's type */
    static Object parse(SdkField<?> f, String text, String where) {
        MarshallingType<?> t = f.marshallingType();
        try {
            if (t == MarshallingType.STRING) {
                return f.containsTrait(JsonValueTrait.class)
                        ? new String(Base64.getDecoder().decode(text.trim()), StandardCharsets.UTF_8) : text;
            }
            String s = text.trim();
            if (t == MarshallingType.INTEGER) return Integer.parseInt(s);
            if (t == MarshallingType.LONG) return Long.parseLong(s);
            if (t == MarshallingType.SHORT) return Short.parseShort(s);
            if (t == MarshallingType.BYTE) return Byte.parseByte(s);
            if (t == MarshallingType.DOUBLE) return parseDouble(s);
            if (t == MarshallingType.FLOAT) return (float) parseDouble(s);
            if (t == MarshallingType.BIG_DECIMAL) return new BigDecimal(s);
            if (t == MarshallingType.BOOLEAN) {
                if (s.equalsIgnoreCase("true")) return Boolean.TRUE;
                if (s.equalsIgnoreCase("false")) return Boolean.FALSE;
                throw new IllegalArgumentException();
            }
            if (t == MarshallingType.INSTANT) {
                Instant i = Timestamps.parseLenient(s);
                if (i == null) throw new IllegalArgumentException();
                return i;
            }
            if (t == MarshallingType.SDK_BYTES) return SdkBytes.fromByteArray(Base64.getDecoder().decode(s));
        } catch (IllegalArgumentException e) { // NumberFormatException too
            throw new AwsException("SerializationException", 400,
                    "Cannot deserialize value of " + where + ": '" + text + "' is not a valid "
                            + t.toString().toLowerCase(Locale.ROOT));
        }
        throw new IllegalStateException(t + " cannot be bound to " + where);
    }

    // Only the spellings Smithy uses: Java's parser would also take "1d" or hexadecimal floats.
    private static double parseDouble(String s) {
        switch (s) {
            case "NaN": return Double.NaN;
            case "Infinity": return Double.POSITIVE_INFINITY;
            case "-Infinity": return Double.NEGATIVE_INFINITY;
            default:
                if (!s.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) throw new NumberFormatException(s);
                return Double.parseDouble(s);
        }
    }

    static String format(SdkField<?> f, Object v, MarshallLocation where) {
        MarshallingType<?> t = f.marshallingType();
        if (t == MarshallingType.STRING) {
            String s = (String) v;
            return f.containsTrait(JsonValueTrait.class)
                    ? Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)) : s;
        }
        if (t == MarshallingType.INSTANT) return instant(f, (Instant) v, where);
        if (t == MarshallingType.SDK_BYTES) {
            return Base64.getEncoder().encodeToString(((SdkBytes) v).asByteArrayUnsafe());
        }
        if (t == MarshallingType.DOUBLE || t == MarshallingType.FLOAT) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d)) return "NaN";
            if (Double.isInfinite(d)) return d > 0 ? "Infinity" : "-Infinity";
            return t == MarshallingType.FLOAT ? Float.toString((float) d) : Double.toString(d);
        }
        if (t == MarshallingType.BIG_DECIMAL) return ((BigDecimal) v).toPlainString();
        return String.valueOf(v);
    }

    private static String instant(SdkField<?> f, Instant i, MarshallLocation where) {
        TimestampFormatTrait trait = f.getTrait(TimestampFormatTrait.class);
        TimestampFormatTrait.Format format = trait != null ? trait.format()
                : where == MarshallLocation.HEADER ? TimestampFormatTrait.Format.RFC_822
                : TimestampFormatTrait.Format.ISO_8601;
        switch (format) {
            case RFC_822: return HTTP_DATE.format(i);
            case UNIX_TIMESTAMP: return Timestamps.toEpochSeconds(i).toPlainString();
            case UNIX_TIMESTAMP_MILLIS: return Long.toString(i.toEpochMilli());
            default: return Timestamps.iso(i);
        }
    }

    /** True for list members written as HTTP-dates, which contain a comma themselves. */
    static boolean isHttpDate(SdkField<?> f) {
        if (f.marshallingType() != MarshallingType.INSTANT) return false;
        TimestampFormatTrait trait = f.getTrait(TimestampFormatTrait.class);
        return trait == null || trait.format() == TimestampFormatTrait.Format.RFC_822;
    }

    /**
     * Splits a list-valued header (RFC 7230 §7): items are comma-separated and may be double-quoted to carry
     * commas. An HTTP-date ("Mon, 16 Dec 2019 23:48:18 GMT") has a comma of its own, so when timestamps are
     * expected a leading day name is joined back to what follows it; other timestamp forms (the SDK sends
     * list members as epoch seconds) pass through unchanged.
     */
    static List<String> splitList(String header, boolean timestamps) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (quoted && c == '\\' && i + 1 < header.length()) {
                cur.append(header.charAt(++i));
            } else if (c == '"' && !quoted && cur.toString().isBlank()) {
                quoted = true;
                cur.setLength(0);
            } else if (c == '"' && quoted) {
                quoted = false;
            } else if (c == ',' && !quoted) {
                parts.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString().trim());
        if (!timestamps) return parts;
        List<String> dates = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            String p = parts.get(i);
            dates.add(DAY_NAME.matcher(p).matches() && i + 1 < parts.size() ? p + ", " + parts.get(++i) : p);
        }
        return dates;
    }

    /** Joins list items into one header value, quoting items that carry a comma or a quote. */
    static String joinList(List<String> items, boolean httpDates) {
        StringBuilder sb = new StringBuilder();
        for (String s : items) {
            if (sb.length() > 0) sb.append(", ");
            if (!httpDates && (s.indexOf(',') >= 0 || s.indexOf('"') >= 0)) {
                sb.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                sb.append(s);
            }
        }
        return sb.toString();
    }
}
