package dev.vigil.cloudwatch;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary form of a batch of points in {@code cw_ingest}: one row holds many points, so an acknowledged
 * PutMetricData costs one index entry instead of two per datum. Per point: series id, timestamp, resolution,
 * unit, the statistic set and the raw values (count -1 when null), big-endian. Encoded batches are cut at
 * {@link #MAX_BYTES} so a row stays small on both engines. Stateless; thread-safe.
 */
final class PointBatch {
    static final int MAX_BYTES = 256 * 1024;

    /** A point of a known series, as it sits in the ingest log. Immutable. */
    record Entry(long seriesId, Point point) {}

    private PointBatch() {}

    /** The entries as one or more encoded batches of at most about {@link #MAX_BYTES} each. */
    static List<byte[]> encode(List<Entry> entries) {
        List<byte[]> out = new ArrayList<>(1);
        ByteBuffer buf = ByteBuffer.allocate(Math.min(MAX_BYTES, 64 + entries.size() * 64));
        for (Entry e : entries) {
            Point p = e.point();
            byte[] unit = p.unit().getBytes(StandardCharsets.UTF_8);
            int values = p.values() == null ? 0 : p.values().size();
            int size = 8 + 8 + 4 + 1 + unit.length + 32 + 4 + values * 16;
            if (buf.position() > 0 && buf.position() + size > MAX_BYTES) {
                out.add(java.util.Arrays.copyOf(buf.array(), buf.position()));
                buf.clear();
            }
            if (buf.remaining() < size) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + size));
                buf.flip();
                bigger.put(buf);
                buf = bigger;
            }
            buf.putLong(e.seriesId()).putLong(p.timestamp()).putInt(p.resolution());
            buf.put((byte) unit.length).put(unit);
            buf.putDouble(p.sampleCount()).putDouble(p.sum()).putDouble(p.min()).putDouble(p.max());
            if (p.values() == null) {
                buf.putInt(-1);
            } else {
                buf.putInt(values).put(p.values().encode());
            }
        }
        if (buf.position() > 0) out.add(java.util.Arrays.copyOf(buf.array(), buf.position()));
        return out;
    }

    /** The entries of one encoded batch, in the order they were written. */
    static List<Entry> decode(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        Map<String, String> units = new HashMap<>();
        List<Entry> out = new ArrayList<>();
        while (buf.hasRemaining()) {
            long id = buf.getLong();
            long ts = buf.getLong();
            int resolution = buf.getInt();
            byte[] u = new byte[buf.get()];
            buf.get(u);
            String unit = units.computeIfAbsent(new String(u, StandardCharsets.UTF_8), s -> s);
            double count = buf.getDouble();
            double sum = buf.getDouble();
            double min = buf.getDouble();
            double max = buf.getDouble();
            int n = buf.getInt();
            Distribution values = null;
            if (n >= 0) {
                byte[] pairs = new byte[n * 16];
                buf.get(pairs);
                values = Distribution.decode(pairs);
            }
            out.add(new Entry(id, new Point(ts, resolution, unit, count, sum, min, max, values)));
        }
        return out;
    }
}
