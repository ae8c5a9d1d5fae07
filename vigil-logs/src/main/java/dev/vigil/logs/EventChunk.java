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
     * UTF-8 a text occurs in a message's bytes exactly when it occurs in the message. The payload is searched as a
     * Latin-1 string (one byte per char), so the JVM's vectorized String.indexOf does the scanning, and events
     * before the next occurrence of the first text are passed over without a look.
     */
    List<StoredEvent> decode(byte[][] required) {
        if (required.length == 0) return decode();
        String view = new String(payload, StandardCharsets.ISO_8859_1);
        String[] texts = new String[required.length];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = new String(required[i], StandardCharsets.ISO_8859_1);
            if (view.indexOf(texts[i]) < 0) return List.of();
        }
        List<StoredEvent> out = new ArrayList<>();
        int[] pos = {0};
        long ts = readVarLong(payload, pos);
        int hit = -1;
        for (int i = 0; i < count; i++) {
            ts += readVarLong(payload, pos);
            int len = (int) readVarLong(payload, pos);
            int start = pos[0];
            int end = start + len;
            pos[0] = end;
            if (hit < start) {
                hit = view.indexOf(texts[0], start);
                if (hit < 0) break; // no later event holds it
            }
            if (hit + texts[0].length() > end) continue; // the first occurrence from here is past this message
            boolean all = true;
            for (int t = 1; t < texts.length && all; t++) {
                int at = view.indexOf(texts[t], start);
                all = at >= 0 && at + texts[t].length() <= end;
            }
            if (all) {
                out.add(new StoredEvent(id + i, groupId, streamId, ts, ingestionTime,
                        new String(payload, start, len, StandardCharsets.UTF_8)));
            }
        }
        return out;
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
