package dev.vigil.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void percentilesOfAUniformSpreadAreWithinOnePercent() {
        LatencyHistogram h = new LatencyHistogram();
        for (long v = 1; v <= 1_000_000; v++) h.record(v * 1000);   // 1 µs .. 1 s in ns
        assertThat(h.count()).isEqualTo(1_000_000);
        assertThat((double) h.percentile(50)).isCloseTo(500_000_000, within(5_000_000.0));
        assertThat((double) h.percentile(99)).isCloseTo(990_000_000, within(9_900_000.0));
        assertThat(h.percentile(100)).isEqualTo(1_000_000_000L);
        assertThat(h.max()).isEqualTo(1_000_000_000L);
        assertThat(h.min()).isEqualTo(1000);
        assertThat(h.mean()).isCloseTo(500_000_500.0, within(1.0));
    }

    @Test
    void smallValuesAreExactAndBucketsJoinUp() {
        for (long v = 0; v < 1 << 20; v++) {
            int i = LatencyHistogram.index(v);
            assertThat(LatencyHistogram.upperBound(i)).isGreaterThanOrEqualTo(v);
            if (v < 256) assertThat(LatencyHistogram.upperBound(i)).isEqualTo(v);
            if (v > 0) assertThat(i).isBetween(LatencyHistogram.index(v - 1), LatencyHistogram.index(v - 1) + 1);
        }
        assertThat(LatencyHistogram.upperBound(LatencyHistogram.index(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void mergedHistogramsAddUp() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        a.record(10);
        b.record(1_000_000);
        b.record(-5);                                               // clamped to 0
        a.add(b);
        assertThat(a.count()).isEqualTo(3);
        assertThat(a.min()).isZero();
        assertThat(a.max()).isEqualTo(1_000_000);
        assertThat(a.percentile(50)).isEqualTo(10);
        assertThat(new LatencyHistogram().percentile(99)).isZero();
    }
}
