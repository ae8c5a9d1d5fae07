package dev.vigil.cloudwatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

/** {@link MetricCatalog} over the metric store, for one caller's account and region. Immutable. */
final class RepositoryCatalog implements MetricCatalog {
    private static final int PAGE = 1000;

    private final MetricRepository metrics;
    private final String accountId;
    private final String region;
    private final Instant listedSince;
    private final Instant now;

    RepositoryCatalog(MetricRepository metrics, String accountId, String region, Instant now) {
        this.metrics = metrics;
        this.accountId = accountId;
        this.region = region;
        this.listedSince = now.minus(MetricListing.LISTED_FOR);
        this.now = now;
    }

    @Override
    public List<MetricKey> metrics(String namespace, String metricName, int limit) {
        List<MetricKey> out = new ArrayList<>();
        MetricRepository.Listing listing =
                new MetricRepository.Listing(accountId, region, namespace, metricName, List.of(), listedSince);
        MetricRepository.Cursor after = null;
        do {
            MetricRepository.Page page = metrics.list(listing, after, Math.min(PAGE, limit - out.size()));
            out.addAll(page.metrics());
            after = page.next();
        } while (after != null && out.size() < limit);
        return out;
    }

    @Override
    public SortedMap<Long, Summary> periods(MetricKey key, long start, long end, int periodSeconds, long dataFrom) {
        TreeMap<Long, Summary> out = new TreeMap<>();
        long from = Math.max(start, dataFrom);
        // As for MetricStat: a period finer than the resolution still kept at the start time answers nothing.
        if (end <= from || !PeriodRules.servesData(periodSeconds, Instant.ofEpochMilli(start), now)) return out;
        List<Point> raw = metrics.read(accountId, region, key, from, end, null);
        for (Buckets.Bucket b : Buckets.of(raw, start, end, periodSeconds, false)) out.put(b.timestamp(), b.summary());
        return out;
    }

    @Override
    public SortedMap<Long, Double> statistic(MetricKey key, String stat, long start, long end, int periodSeconds) {
        Statistic s = Statistic.parse(stat);
        TreeMap<Long, Double> out = new TreeMap<>();
        if (s == null) return out;
        periods(key, start, end, periodSeconds).forEach((ts, summary) -> {
            OptionalDouble v = s.evaluate(summary);
            if (v.isPresent()) out.put(ts, v.getAsDouble());
        });
        return out;
    }

    @Override
    public boolean isStatistic(String stat) {
        return stat != null && Statistic.parse(stat) != null;
    }

    @Override
    public String accountId() {
        return accountId;
    }

    @Override
    public String region() {
        return region;
    }
}
