package dev.vigil.logs;

import dev.vigil.core.RequestContext;
import dev.vigil.core.spi.Interconnect;
import dev.vigil.core.spi.MetricSink;
import dev.vigil.logs.filter.FilterMatch;
import dev.vigil.logs.filter.FilterPattern;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns ingested events into CloudWatch datapoints through the group's metric filters, one datapoint per matching
 * event (so SampleCount, Sum and the percentiles come out right), written through the {@link MetricSink} as the
 * logs service would. An event that matches but whose value field is missing or not numeric emits nothing; one
 * that does not match emits the defaultValue when the transformation has one. A group's filters are cached for a
 * few seconds (and dropped at once when this node changes them), so steady ingest costs no extra query.
 * Thread-safe (a concurrent cache of immutable lists).
 */
final class MetricFilterEmitter {
    private static final long CACHE_NANOS = 5_000_000_000L;

    private record Cached(List<MetricFilterDef> filters, long loadedAt) {}

    private final ConfigStore config;
    private final Interconnect interconnect;
    private final Patterns patterns;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    MetricFilterEmitter(ConfigStore config, Interconnect interconnect, Patterns patterns) {
        this.config = config;
        this.interconnect = interconnect;
        this.patterns = patterns;
    }

    void invalidate(long groupId) {
        cache.remove(groupId);
    }

    void clear() {
        cache.clear();
    }

    private List<MetricFilterDef> filters(long groupId) {
        long now = System.nanoTime();
        Cached c = cache.get(groupId);
        if (c == null || now - c.loadedAt() > CACHE_NANOS) {
            c = new Cached(config.metricFilters(groupId), now);
            if (cache.size() > 10_000) cache.clear();
            cache.put(groupId, c);
        }
        return c.filters();
    }

    void emit(RequestContext ctx, LogGroup group, List<StoredEvent> events) {
        if (events.isEmpty()) return;
        List<MetricFilterDef> filters = filters(group.id());
        if (filters.isEmpty()) return;
        MetricSink sink = interconnect.get(MetricSink.class);
        List<MetricSink.Datapoint> out = new ArrayList<>();
        for (MetricFilterDef f : filters) {
            FilterPattern pattern = patterns.compile(f.pattern());
            for (StoredEvent e : events) {
                FilterMatch m = pattern.match(e.message());
                for (MetricFilterDef.Transformation t : f.transformations()) {
                    Datapoint d = datapoint(t, m);
                    if (d != null) {
                        out.add(new MetricSink.Datapoint(t.namespace(), t.metricName(), d.dimensions(),
                                Instant.ofEpochMilli(e.timestamp()), d.value(), t.unit() == null ? "None" : t.unit()));
                    }
                }
            }
        }
        // One write for the whole batch: a datapoint at a time cost a CloudWatch transaction per matching event.
        if (!out.isEmpty()) sink.putAll(group.accountId(), group.region(), out);
    }

    record Datapoint(double value, Map<String, String> dimensions) {}

    /** What one transformation makes of one event's match (null: no match), or null when it emits nothing. */
    static Datapoint datapoint(MetricFilterDef.Transformation t, FilterMatch m) {
        if (m == null) return t.defaultValue() == null ? null : new Datapoint(t.defaultValue(), Map.of());
        Double value = value(t.metricValue(), m);
        if (value == null) return null;
        Map<String, String> dims = new LinkedHashMap<>();
        if (t.dimensions() != null) {
            for (Map.Entry<String, String> d : t.dimensions().entrySet()) {
                Optional<String> v = m.value(d.getValue());
                if (v.isEmpty() || v.get().isEmpty()) return null;
                dims.put(d.getKey(), v.get());
            }
        }
        return new Datapoint(value, dims);
    }

    private static Double value(String metricValue, FilterMatch m) {
        String text = metricValue.startsWith("$") ? m.value(metricValue).orElse(null) : metricValue;
        if (text == null) return null;
        try {
            double v = Double.parseDouble(text.trim());
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
