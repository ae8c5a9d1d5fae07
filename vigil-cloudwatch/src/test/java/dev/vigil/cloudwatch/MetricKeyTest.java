package dev.vigil.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetricKeyTest {

    @Test
    void equalKeysHashAlikeWhateverTheDimensionOrder() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("Host", "a");
        ab.put("Az", "x");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("Az", "x");
        ba.put("Host", "a");
        MetricKey one = MetricKey.of("App", "Latency", ab);
        MetricKey other = MetricKey.of("App", "Latency", ba);
        assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
        assertThat(one).isNotEqualTo(MetricKey.of("App", "Latency", Map.of("Host", "a")));
        assertThat(one).isNotEqualTo(MetricKey.of("App", "Latency", Map.of("Host", "x", "Az", "a")));
    }

    @Test
    void aFleetsSeriesDoNotShareHashes() {
        // Names and values numbered in step (the bench's 10 metrics x 1,600 hosts): a linear h * 31 + part hash
        // gave these 16,000 keys 14,740 distinct hashes, in id-cache chains of up to 10.
        Set<Integer> hashes = new HashSet<>();
        for (int variant = 0; variant < 16; variant++) {
            for (int i = 0; i < 1000; i++) {
                hashes.add(MetricKey.of("Bench", "metric" + (i % 10), Map.of("host", "host-" + variant + "-" + (i / 10)))
                        .hashCode());
            }
        }
        assertThat(hashes).hasSize(16_000);
    }
}
