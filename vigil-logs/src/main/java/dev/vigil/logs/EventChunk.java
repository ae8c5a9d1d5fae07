package dev.vigil.logs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of one append: a stream's events as one row (DESIGN §4's purpose-built telemetry path, inside
 * the same transaction and store). The payload is, per event, the timestamp's delta from the previous one and
 * the message's UTF-8 length as unsigned varints, then the message bytes. Event ids are the chunk id plus the
 * event's index. Immutable.
 */
record EventChunk(long id, long groupId, long streamId, long minTs, long maxTs, int count, long ingestionTime,
                  long bytes, byte[] payload) {

    /** Encodes events that are in chronological order. */
    static EventChunk encode(long id, long groupId, long streamId, List<NewEvent> events, long ingestionTime) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(events.size() * 128);
        long previous = events.get(0).timestamp();
        long bytes = 0;
        writeVarLong(out, previous);
        for (NewEvent e : events) {
            byte[] m = e.message().getBytes(StandardCharsets.UTF_8);
            writeVarLong(out, e.timestamp() - previous);
            writeVarLong(out, m.length);
            out.write(m, 0, m.length);
            previous = e.timestamp();
            bytes += m.length;
        }
        return new EventChunk(id, groupId, streamId, events.get(0).timestamp(), previous, events.size(), ingestionTime,
                bytes, out.toByteArray());
    }

    static final byte[][] NO_TEXTS = new byte[0][];

    static byte[][] utf8(List<String> texts) {
        byte[][] out = new byte[texts.size()][];
        for (int i = 0; i < out.length; i++) out[i] = texts.get(i).getBytes(StandardCharsets.UTF_8);
        return out;
    }

    /**
     * The chunk's events whose message bytes hold every one of {@code required} (UTF-8), in (timestamp, id)
     * order; the others are never decoded, and a chunk whose payload lacks one of them decodes nothing. For valid
     * UTF-8 a text occurs in a message's bytes exactly when it occurs in the message.
     */
    List<StoredEvent> decode(byte[][] required) {
        if (required.length == 0) return decode();
        for (byte[] r : required) {
            if (indexOf(payload, 0, payload.length, r) < 0) return List.of();
        }
        List<StoredEvent> out = new ArrayList<>();
        int[] pos = {0};
        long ts = readVarLong(payload, pos);
        for (int i = 0; i < count; i++) {
            ts += readVarLong(payload, pos);
            int len = (int) readVarLong(payload, pos);
            boolean all = true;
            for (byte[] r : required) {
                if (indexOf(payload, pos[0], pos[0] + len, r) < 0) {
                    all = false;
                    break;
                }
            }
            if (all) {
                out.add(new StoredEvent(id + i, groupId, streamId, ts, ingestionTime,
                        new String(payload, pos[0], len, StandardCharsets.UTF_8)));
            }
            pos[0] += len;
        }
        return out;
    }

    /** Where {@code needle} starts in {@code b[from, to)}, or -1. */
    static int indexOf(byte[] b, int from, int to, byte[] needle) {
        if (needle.length == 0) return from;
        byte first = needle[0];
        int last = to - needle.length;
        outer:
        for (int i = from; i <= last; i++) {
            if (b[i] != first) continue;
            for (int j = 1; j < needle.length; j++) {
                if (b[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }

    /** The chunk's events in (timestamp, id) order. */
    List<StoredEvent> decode() {
        List<StoredEvent> out = new ArrayList<>(count);
        int[] pos = {0};
        long ts = readVarLong(payload, pos);
        for (int i = 0; i < count; i++) {
            ts += readVarLong(payload, pos);
            int len = (int) readVarLong(payload, pos);
            out.add(new StoredEvent(id + i, groupId, streamId, ts, ingestionTime,
                    new String(payload, pos[0], len, StandardCharsets.UTF_8)));
            pos[0] += len;
        }
        return out;
    }

    private static void writeVarLong(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static long readVarLong(byte[] b, int[] pos) {
        long v = 0;
        int shift = 0;
        while (true) {
            byte x = b[pos[0]++];
            v |= (long) (x & 0x7F) << shift;
            if ((x & 0x80) == 0) return v;
            shift += 7;
        }
    }
}
