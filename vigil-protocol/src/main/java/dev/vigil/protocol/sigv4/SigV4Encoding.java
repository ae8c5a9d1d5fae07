package dev.vigil.protocol.sigv4;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 3986 percent-encoding as SigV4 uses it, and a tolerant query-string splitter.
 * Everything works on bytes so that invalid UTF-8 or stray '%' on the wire never throws:
 * a request we cannot canonicalize the way its client did simply fails the signature check.
 * Stateless; thread-safe.
 */
final class SigV4Encoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private SigV4Encoding() {}

    static boolean unreserved(int b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
                || b == '-' || b == '.' || b == '_' || b == '~';
    }

    /** Encodes every byte of {@code s} (UTF-8) except the RFC 3986 unreserved ones; '/' included. */
    static String encode(String s) {
        return encodeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    static String encodeBytes(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length + 16);
        for (byte value : bytes) {
            int b = value & 0xFF;
            if (unreserved(b)) {
                sb.append((char) b);
            } else {
                sb.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
            }
        }
        return sb.toString();
    }

    /**
     * Percent-decodes to bytes. A '%' not followed by two hex digits stays a literal '%', and '+'
     * stays '+': SigV4 signers encode '+' as %2B, so a bare '+' on the wire was not a space to them.
     */
    static byte[] decodeBytes(String s) {
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            int b = in[i] & 0xFF;
            if (b == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out.write(hex(in[i + 1]) << 4 | hex(in[i + 2]));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    static String decode(String s) {
        return new String(decodeBytes(s), StandardCharsets.UTF_8);
    }

    /** Decode-then-encode: the canonical form of one query key or value, or one S3 path segment. */
    static String normalize(String s) {
        return encodeBytes(decodeBytes(s));
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    }

    /** One {@code key=value} piece of a raw query string, both still encoded as on the wire. */
    record RawParam(String key, String value) {
        String decodedKey() { return decode(key); }

        String decodedValue() { return decode(value); }
    }

    /** Splits on '&'; empty pieces are dropped and a piece without '=' has an empty value. */
    static List<RawParam> split(String rawQuery) {
        List<RawParam> out = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) return out;
        int start = 0;
        while (start <= rawQuery.length()) {
            int amp = rawQuery.indexOf('&', start);
            int end = amp < 0 ? rawQuery.length() : amp;
            if (end > start) {
                String piece = rawQuery.substring(start, end);
                int eq = piece.indexOf('=');
                out.add(eq < 0 ? new RawParam(piece, "") : new RawParam(piece.substring(0, eq), piece.substring(eq + 1)));
            }
            if (amp < 0) break;
            start = amp + 1;
        }
        return out;
    }

    /** The decoded value of the first parameter whose decoded name is {@code name}, or null. */
    static String first(List<RawParam> params, String name) {
        for (RawParam p : params) {
            if (p.decodedKey().equals(name)) return p.decodedValue();
        }
        return null;
    }

    static boolean has(List<RawParam> params, String name) {
        for (RawParam p : params) {
            if (p.decodedKey().equals(name)) return true;
        }
        return false;
    }
}
