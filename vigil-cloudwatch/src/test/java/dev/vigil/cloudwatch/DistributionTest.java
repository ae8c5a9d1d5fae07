package dev.vigil.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DistributionTest {

    @Test
    void mergesEqualValuesDropsZeroCountsAndSorts() {
        Distribution d = Distribution.of(new double[] {3, 1, 3, 2, -0.0, 0.0}, new double[] {1, 2, 4, 0, 1, 1});
        assertThat(d.toString()).isEqualTo("{0.0=2.0, 1.0=2.0, 3.0=5.0}");
        assertThat(d.total()).isEqualTo(9);
    }

    @Test
    void encodesSixteenBytesAPair() {
        Distribution d = Distribution.of(new double[] {1.5, 1e300, -7}, new double[] {1, 2.5, 3});
        byte[] bytes = d.encode();
        assertThat(bytes).hasSize(48);
        assertThat(Distribution.decode(bytes)).isEqualTo(d);
    }

    @Test
    void compactsVeryVariedDataKeepingCountAndSum() {
        Distribution.Builder b = new Distribution.Builder();
        double sum = 0;
        for (int i = 0; i < 25_000; i++) {
            b.add(i, 2);
            sum += 2.0 * i;
        }
        Distribution d = b.build();
        assertThat(d.size()).isLessThanOrEqualTo(Distribution.MAX_VALUES);
        assertThat(d.total()).isEqualTo(50_000);
        double compactSum = 0;
        for (int i = 0; i < d.size(); i++) compactSum += d.value(i) * d.count(i);
        assertThat(compactSum).isEqualTo(sum);
    }
}
