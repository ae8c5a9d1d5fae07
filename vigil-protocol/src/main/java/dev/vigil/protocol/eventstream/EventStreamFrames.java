package dev.vigil.protocol.eventstream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Encodes one message of AWS's event stream encoding ({@code application/vnd.amazon.eventstream}): a prelude
 * (total length, headers length, CRC32 of those 8 bytes), the headers, the payload and a CRC32 of everything
 * before it. All lengths are big-endian. Headers here are strings (value type 7, a 2-byte length), the only type
 * the service side of a response stream needs. Pure functions; thread-safe.
 */
public final class EventStreamFrames {
    static final int PRELUDE_BYTES = 12;
    static final int CRC_BYTES = 4;
    static final byte STRING_TYPE = 7;
    /** The format's limits: 16 MB a message, 128 KB of headers, 255-byte names, 32 KB string values. */
    static final int MAX_MESSAGE = 16 * 1024 * 1024;
    static final int MAX_HEADERS = 128 * 1024;

    private EventStreamFrames() {}

    /** One message with {@code headers} in the map's order and {@code payload}. */
    public static byte[] encode(Map<String, String> headers, byte[] payload) {
        byte[] encodedHeaders = headers(headers);
        long total = (long) PRELUDE_BYTES + encodedHeaders.length + payload.length + CRC_BYTES;
        if (total > MAX_MESSAGE) throw new IllegalArgumentException("event stream message of " + total + " bytes");
        ByteBuffer out = ByteBuffer.allocate((int) total);
        out.putInt((int) total);
        out.putInt(encodedHeaders.length);
        out.putInt((int) crc(out.array(), 0, 8));
        out.put(encodedHeaders);
        out.put(payload);
        out.putInt((int) crc(out.array(), 0, out.position()));
        return out.array();
    }

    private static byte[] headers(Map<String, String> headers) {
        int size = 0;
        byte[][] names = new byte[headers.size()][];
        byte[][] values = new byte[headers.size()][];
        int i = 0;
        for (Map.Entry<String, String> h : headers.entrySet()) {
            names[i] = h.getKey().getBytes(StandardCharsets.UTF_8);
            values[i] = h.getValue().getBytes(StandardCharsets.UTF_8);
            if (names[i].length == 0 || names[i].length > 255) {
                throw new IllegalArgumentException("header name of " + names[i].length + " bytes");
            }
            if (values[i].length > Short.MAX_VALUE) {
                throw new IllegalArgumentException("header value of " + values[i].length + " bytes");
            }
            size += 1 + names[i].length + 1 + 2 + values[i].length;
            i++;
        }
        if (size > MAX_HEADERS) throw new IllegalArgumentException("event stream headers of " + size + " bytes");
        ByteBuffer out = ByteBuffer.allocate(size);
        for (int k = 0; k < names.length; k++) {
            out.put((byte) names[k].length);
            out.put(names[k]);
            out.put(STRING_TYPE);
            out.putShort((short) values[k].length);
            out.put(values[k]);
        }
        return out.array();
    }

    private static long crc(byte[] b, int off, int len) {
        CRC32 c = new CRC32();
        c.update(b, off, len);
        return c.getValue();
    }
}
