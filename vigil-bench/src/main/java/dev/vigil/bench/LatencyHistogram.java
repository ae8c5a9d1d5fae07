package dev.vigil.bench;

/**
 * A log-linear histogram of non-negative longs (latencies in nanoseconds), in the manner of
 * HdrHistogram: values below 2^(S+1) are counted exactly, larger ones in 2^S linear sub-buckets per
 * power of two, so any reported percentile is within 1/2^S (0.8% for S = 7) of the true value. Fixed
 * size (about 60 KB), no allocation while recording. Not thread-safe: one per worker, then
 * {@link #add merged}.
 */
public final class LatencyHistogram {
    private static final int SUB_BITS = 7;
    private static final int SUB_COUNT = 1 << SUB_BITS;
    private static final int BUCKETS = (64 - SUB_BITS) * SUB_COUNT + SUB_COUNT;

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long sum;
    private long min = Long.MAX_VALUE;
    private long max;

    public void record(long value) {
        long v = Math.max(0, value);
        counts[index(v)]++;
        total++;
        sum += v;
        if (v < min) min = v;
        if (v > max) max = v;
    }

    public void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) counts[i] += other.counts[i];
        total += other.total;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    public long count() { return total; }

    public long max() { return max; }

    public long min() { return total == 0 ? 0 : min; }

    public double mean() { return total == 0 ? 0 : (double) sum / total; }

    /**
     * The smallest recorded-bucket upper bound below which {@code percentile}% of the values fall
     * (HdrHistogram's "highest equivalent value"), capped at the true maximum; 0 when empty.
     */
    public long percentile(double percentile) {
        if (total == 0) return 0;
        long target = Math.max(1, (long) Math.ceil(percentile / 100.0 * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= target) return Math.min(upperBound(i), max);
        }
        return max;
    }

    /** Exact below 2^(S+1); above, index = (exponent - S) * 2^S + top S+1 bits, which joins up with the exact range. */
    static int index(long v) {
        if (v < 2L * SUB_COUNT) return (int) v;
        int exponent = 63 - Long.numberOfLeadingZeros(v);
        int shift = exponent - SUB_BITS;
        return (shift << SUB_BITS) + (int) (v >>> shift);
    }

    static long upperBound(int index) {
        if (index < 2 * SUB_COUNT) return index;
        int shift = (index >> SUB_BITS) - 1;
        long top = (index & (SUB_COUNT - 1)) + SUB_COUNT;
        long upper = ((top + 1) << shift) - 1;
        return upper < 0 ? Long.MAX_VALUE : upper;
    }
}
