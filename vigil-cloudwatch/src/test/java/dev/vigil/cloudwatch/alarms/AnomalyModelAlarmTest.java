package dev.vigil.cloudwatch.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The anomaly band model: global before seasonality is known, hour-of-day once two days are seen. */
class AnomalyModelAlarmTest {
    static final long H = 3_600_000L;

    @Test
    void bandFromHistory() {
        TreeMap<Long, Double> h = new TreeMap<>();
        for (int i = 0; i < 9; i++) h.put(i * 60_000L, 10.0);
        assertThat(AnomalyModel.train(h, null).trained()).isFalse();
        h.put(9 * 60_000L, 20.0);
        AnomalyModel m = AnomalyModel.train(h, null);
        assertThat(m.trained()).isTrue();
        double[] band = m.band(0, 2);
        assertThat(band[0]).isCloseTo(11 - 6, offset(1e-9));
        assertThat(band[1]).isCloseTo(11 + 6, offset(1e-9));
    }

    @Test
    void seasonalHours() {
        TreeMap<Long, Double> h = new TreeMap<>();
        for (int day = 0; day < 3; day++) {
            for (int hour = 0; hour < 24; hour++) {
                for (int minute = 0; minute < 2; minute++) h.put(day * 24 * H + hour * H + minute * 60_000L, hour < 12 ? 1.0 : 100.0);
            }
        }
        AnomalyModel m = AnomalyModel.train(h, null);
        assertThat(m.band(5 * 24 * H + 3 * H, 2)).containsExactly(1.0, 1.0);
        assertThat(m.band(5 * 24 * H + 15 * H, 2)).containsExactly(100.0, 100.0);
        AnomalyModel.exclude(h, List.of(new long[] {0, 3 * 24 * H}));
        assertThat(AnomalyModel.train(h, null).trained()).isFalse();
    }
}
