package dev.vigil.logs.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DistinctCounterTest {
    @Test
    void exactUpToTheLimit() {
        DistinctCounter c = new DistinctCounter();
        for (int i = 0; i < DistinctCounter.EXACT_LIMIT; i++) {
            c.add("req-" + i);
            c.add("req-" + i);
        }
        assertThat(c.count()).isEqualTo(DistinctCounter.EXACT_LIMIT);
    }

    @ParameterizedTest
    @ValueSource(ints = {10_001, 50_000, 300_000})
    void estimatedBeyondIt(int distinct) {
        DistinctCounter c = new DistinctCounter();
        for (int i = 0; i < distinct; i++) {
            c.add("2f1c7d3e-" + i);
            if (i % 3 == 0) c.add("2f1c7d3e-" + (i / 2));
        }
        assertThat((double) c.count()).isCloseTo(distinct, within(distinct * 0.03));
    }
}
